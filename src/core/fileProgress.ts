import type { FileProgress, UploadItem } from './types.ts';

/*
 * The progress math of one file, for the reducer (uploadReducer.ts): percentages that never go
 * backwards within an attempt, speed and time left only once they can be known.
 */

/**
 * Share of the progress bar given to reading (Worker base64 encoding); sending gets the rest.
 * Encoding runs in a Worker at memory speed, sending goes at the uplink's speed (compare the
 * Encode and Total columns of bench/results/latest.md; on a real uplink sending takes far longer
 * than on loopback) — so reading is the small
 * first part. Sending fills up to {@link SENDING_CAP}; 100 % means delivered, not "body sent"
 * (the portal still decodes and stores the file after the last byte).
 */
export const READ_SHARE = 0.1;
/** The highest percentage before the portal confirms delivery. */
export const SENDING_CAP = 99;
/** Speed and time left stay `undefined` until the phase has run this long (ms) with some bytes. */
export const MIN_ESTIMATE_MS = 500;

/** Progress of an item that has not started. */
export function initialProgress(bytesTotal: number): FileProgress {
  return {
    bytesTotal,
    bytesRead: 0,
    bytesSent: 0,
    sendTotal: undefined,
    percentage: 0,
    speed: undefined,
    secondsLeft: undefined,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Never backwards within an attempt, never over 100. Only `retried` (a new attempt the user asked
 * for) starts again from 0.
 */
export function nextPercentage(previous: number | undefined, computed: number): number {
  return clamp(Math.max(previous ?? 0, computed), 0, 100);
}

/** Average speed over the current phase, from that phase's own bytes (of the original file). */
function estimate(
  doneBytes: number,
  totalBytes: number,
  phaseStartedAt: number | undefined,
  at: number,
): Pick<FileProgress, 'speed' | 'secondsLeft'> {
  const elapsed = phaseStartedAt === undefined ? 0 : at - phaseStartedAt;
  if (elapsed < MIN_ESTIMATE_MS || doneBytes <= 0)
    return { speed: undefined, secondsLeft: undefined };
  const speed = doneBytes / (elapsed / 1000);
  return { speed, secondsLeft: Math.max(0, totalBytes - doneBytes) / speed };
}

export function readProgress(item: UploadItem, bytesRead: number, at: number): FileProgress {
  const p = item.progress;
  const read = clamp(Math.max(p.bytesRead, bytesRead), 0, p.bytesTotal);
  const fraction = p.bytesTotal > 0 ? read / p.bytesTotal : 0;
  return {
    ...p,
    bytesRead: read,
    percentage: nextPercentage(p.percentage, fraction * READ_SHARE * 100),
    ...estimate(read, p.bytesTotal, item.phaseStartedAt, at),
  };
}

export function sendProgress(
  item: UploadItem,
  sent: number,
  total: number | undefined,
  at: number,
): FileProgress {
  const p = item.progress;
  const sendTotal = total !== undefined && total > 0 ? total : p.sendTotal;
  if (sendTotal === undefined) return p;
  const bytesSent = clamp(Math.max(p.bytesSent, sent), 0, sendTotal);
  const fraction = bytesSent / sendTotal;
  const computed = (READ_SHARE + (1 - READ_SHARE) * fraction) * 100;
  return {
    ...p,
    bytesSent,
    sendTotal,
    percentage: nextPercentage(p.percentage, Math.min(SENDING_CAP, computed)),
    // Speed in bytes of the original file: the body is base64, ~4/3 of the file.
    ...estimate(fraction * p.bytesTotal, p.bytesTotal, item.phaseStartedAt, at),
  };
}

export function stopped(progress: FileProgress): FileProgress {
  return { ...progress, speed: undefined, secondsLeft: undefined };
}
