import { formatDateC } from '../formatDateC.ts';

/** What the operating-time limiter reports for one key (seconds used, when the oldest frees). */
export interface OperatingUsage {
  readonly operating: number;
  readonly resetAt: number;
}

/**
 * The `time` block of a REST success (docs/portal-reference.md §3.3, §7.4): seconds as floats
 * from `startMs` (the server began, after the body was read) to `finishMs`; `processing` from
 * `processingStartMs` (the method itself began); dates in PHP's `c` format; the operating usage
 * of the call's key.
 */
export function timeBlock(
  startMs: number,
  processingStartMs: number,
  finishMs: number,
  usage: OperatingUsage,
): Record<string, unknown> {
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: (finishMs - processingStartMs) / 1000,
    date_start: formatDateC(new Date(startMs)),
    date_finish: formatDateC(new Date(finishMs)),
    operating_reset_at: usage.resetAt,
    operating: usage.operating,
  };
}
