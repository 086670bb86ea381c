import type { DeliveryReceipt, FileProgress, Phase, UploadError, UploadItem } from './types.ts';

/**
 * Share of the progress bar given to reading (Worker base64 encoding); sending gets the rest.
 * Measured (sdk-upload-facts.md): encoding 100 MiB takes ~0.2–1.3 s, while sending its ~140 MB of
 * base64 takes ~1 s on loopback but tens of seconds over a real uplink — so reading is the small
 * first part. Sending fills up to {@link SENDING_CAP}; 100 % means delivered, not "body sent"
 * (the portal still decodes and stores the file after the last byte).
 */
export const READ_SHARE = 0.1;
/** The highest percentage before the portal confirms delivery. */
export const SENDING_CAP = 99;
/** Speed and time left stay `undefined` until the phase has run this long (ms) with some bytes. */
export const MIN_ESTIMATE_MS = 500;

/** The queue's state: changed only by {@link uploadReducer}. */
export interface QueueState {
  readonly items: readonly UploadItem[];
}

/** Everything that can happen to the queue. `at` is epoch ms from the engine's clock. */
export type Action =
  | { readonly type: 'added'; readonly items: readonly UploadItem[] }
  | { readonly type: 'read-started'; readonly id: string; readonly at: number }
  | {
      readonly type: 'read-progress';
      readonly id: string;
      readonly bytesRead: number;
      readonly at: number;
    }
  | {
      readonly type: 'encoded';
      readonly id: string;
      readonly contentSize: number;
      readonly at: number;
    }
  | {
      readonly type: 'send-progress';
      readonly id: string;
      readonly sent: number;
      readonly total: number | undefined;
      readonly at: number;
    }
  | {
      readonly type: 'waiting';
      readonly id: string;
      readonly error: UploadError;
      readonly retryAt: number;
      readonly at: number;
    }
  | { readonly type: 'resent'; readonly id: string; readonly at: number }
  | {
      readonly type: 'checking';
      readonly id: string;
      readonly error: UploadError;
      readonly at: number;
    }
  | {
      readonly type: 'delivered';
      readonly id: string;
      readonly receipt: DeliveryReceipt;
      readonly at: number;
    }
  | {
      readonly type: 'failed';
      readonly id: string;
      readonly error: UploadError;
      readonly at: number;
    }
  | { readonly type: 'cancelled'; readonly id: string; readonly at: number }
  | { readonly type: 'retried'; readonly id: string; readonly at: number }
  | { readonly type: 'removed'; readonly id: string }
  | { readonly type: 'cleared-finished' };

/** The names of all actions. */
export type ActionType = Action['type'];

/** Phases in which the engine is still working on an item. */
export const ACTIVE_PHASES = ['queued', 'reading', 'sending', 'waiting', 'checking'] as const;
/** Phases `cleared-finished` removes: done with, nothing left to decide. Failed rows stay. */
export const CLEARABLE_PHASES = ['delivered', 'cancelled'] as const;

/** Which phases each per-item action may start from; any other is ignored. */
const FROM = {
  'read-started': ['queued'],
  'read-progress': ['reading'],
  encoded: ['reading'],
  'send-progress': ['sending'],
  waiting: ['sending'],
  resent: ['waiting'],
  checking: ['sending'],
  delivered: ['sending', 'checking'],
  failed: ['queued', 'reading', 'sending', 'waiting', 'checking'],
  cancelled: ['queued', 'reading', 'sending', 'waiting', 'checking'],
  retried: ['failed', 'cancelled'],
} as const satisfies Record<
  Exclude<ActionType, 'added' | 'removed' | 'cleared-finished'>,
  readonly Phase[]
>;

/** The empty queue. */
export const initialQueueState: QueueState = { items: [] };

/** True when the engine still has work to do for the item. */
export function isActivePhase(phase: Phase): boolean {
  return (ACTIVE_PHASES as readonly Phase[]).includes(phase);
}

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
function nextPercentage(previous: number | undefined, computed: number): number {
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

function readProgress(item: UploadItem, bytesRead: number, at: number): FileProgress {
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

function sendProgress(
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

function startSending(item: UploadItem, contentSize: number | undefined, at: number): UploadItem {
  const p = item.progress;
  return {
    ...item,
    phase: 'sending',
    attempts: item.attempts + 1,
    error: undefined,
    retryAt: undefined,
    phaseStartedAt: at,
    progress: {
      ...p,
      bytesRead: p.bytesTotal,
      bytesSent: 0,
      sendTotal: contentSize ?? p.sendTotal,
      percentage: nextPercentage(p.percentage, READ_SHARE * 100),
      speed: undefined,
      secondsLeft: undefined,
    },
  };
}

function stopped(progress: FileProgress): FileProgress {
  return { ...progress, speed: undefined, secondsLeft: undefined };
}

function transition(item: UploadItem, action: Action): UploadItem {
  switch (action.type) {
    case 'read-started':
      return { ...item, phase: 'reading', phaseStartedAt: action.at };
    case 'read-progress':
      return { ...item, progress: readProgress(item, action.bytesRead, action.at) };
    case 'encoded':
      return startSending(item, action.contentSize, action.at);
    case 'send-progress': {
      const progress = sendProgress(item, action.sent, action.total, action.at);
      return progress === item.progress ? item : { ...item, progress };
    }
    case 'waiting':
      return {
        ...item,
        phase: 'waiting',
        error: action.error,
        retryAt: action.retryAt,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'resent':
      return startSending(item, undefined, action.at);
    case 'checking':
      return {
        ...item,
        phase: 'checking',
        error: action.error,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'delivered':
      return {
        ...item,
        phase: 'delivered',
        error: undefined,
        receipt: action.receipt,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: {
          ...stopped(item.progress),
          bytesRead: item.progress.bytesTotal,
          bytesSent: item.progress.sendTotal ?? item.progress.bytesSent,
          percentage: 100,
        },
      };
    case 'failed':
      return {
        ...item,
        phase: 'failed',
        error: action.error,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'cancelled':
      return {
        ...item,
        phase: 'cancelled',
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'retried':
      return {
        ...item,
        phase: 'queued',
        error: undefined,
        receipt: undefined,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: initialProgress(item.size),
      };
    default:
      return item;
  }
}

/**
 * The only way the queue's state changes. Pure: no clock, no ids, no I/O — time comes in the
 * action. An action that does not fit the item's phase (a late progress event after a cancel, a
 * retry of a delivered file, an unknown id) is ignored and the same state object is returned, so
 * subscribers are not notified.
 */
export function uploadReducer(state: QueueState, action: Action): QueueState {
  switch (action.type) {
    case 'added': {
      const known = new Set(state.items.map((item) => item.id));
      const fresh = action.items.filter((item) => !known.has(item.id));
      return fresh.length === 0 ? state : { ...state, items: [...state.items, ...fresh] };
    }
    case 'removed': {
      const items = state.items.filter((item) => item.id !== action.id);
      return items.length === state.items.length ? state : { ...state, items };
    }
    case 'cleared-finished': {
      const clearable: readonly Phase[] = CLEARABLE_PHASES;
      const items = state.items.filter((item) => !clearable.includes(item.phase));
      return items.length === state.items.length ? state : { ...state, items };
    }
    default: {
      const index = state.items.findIndex((item) => item.id === action.id);
      const item = state.items[index];
      const allowed: readonly Phase[] = FROM[action.type];
      if (item === undefined || !allowed.includes(item.phase)) return state;
      const next = transition(item, action);
      if (next === item) return state;
      const items = state.items.slice();
      items[index] = next;
      return { ...state, items };
    }
  }
}
