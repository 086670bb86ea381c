import { isUnknownOutcome } from '../core/errorPolicy.ts';
import type { UploadItem } from '../core/types.ts';

/** Counts and overall progress of a set of items, for the batch bar and the summary toast. */
export interface ItemSummary {
  readonly total: number;
  readonly delivered: number;
  /** Refused: known not to be in the chat. */
  readonly failed: number;
  /**
   * Ended with an unknown outcome (timeouts, dropped connections, 5xx; core's policy `outcome:
   * 'unknown'`): the file may be in the chat, so it is not counted as failed.
   */
  readonly unknown: number;
  readonly cancelled: number;
  /** Not finished yet: queued, reading, sending, waiting or checking. */
  readonly active: number;
  /** 0..100 by bytes over the items not cancelled; undefined when nothing is known. */
  readonly percentage: number | undefined;
}

const FINISHED = new Set(['delivered', 'failed', 'cancelled']);

export function isFinished(item: UploadItem): boolean {
  return FINISHED.has(item.phase);
}

export function summarizeItems(items: readonly UploadItem[]): ItemSummary {
  let delivered = 0;
  let failed = 0;
  let unknown = 0;
  let cancelled = 0;
  let bytes = 0;
  let done = 0;
  for (const item of items) {
    if (item.phase === 'cancelled') {
      cancelled += 1;
      continue;
    }
    if (item.phase === 'delivered') delivered += 1;
    if (item.phase === 'failed') {
      if (item.error && isUnknownOutcome(item.error)) unknown += 1;
      else failed += 1;
    }
    const weight = Math.max(1, item.size);
    bytes += weight;
    const fraction =
      item.phase === 'delivered' || item.phase === 'failed' || item.phase === 'checking'
        ? 1
        : (item.progress.percentage ?? 0) / 100;
    done += weight * fraction;
  }
  return {
    total: items.length,
    delivered,
    failed,
    unknown,
    cancelled,
    active: items.length - delivered - failed - unknown - cancelled,
    percentage: bytes > 0 ? (done / bytes) * 100 : undefined,
  };
}

/** Equality for memoized summaries in `useUploadQueue`. */
export function sameSummary(a: ItemSummary, b: ItemSummary): boolean {
  return (
    a.total === b.total &&
    a.delivered === b.delivered &&
    a.failed === b.failed &&
    a.unknown === b.unknown &&
    a.cancelled === b.cancelled &&
    a.active === b.active &&
    Math.round(a.percentage ?? -1) === Math.round(b.percentage ?? -1)
  );
}
