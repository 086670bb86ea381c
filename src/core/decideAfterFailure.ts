import { policyFor } from './errorPolicy.ts';
import type { UploadError } from './types.ts';

/** The longest automatic wait (ms) between sends after a refusal the policy marks `auto-backoff`. */
export const MAX_BACKOFF_MS = 60_000;
/** No wait, not even one the portal asks for, is longer than this (ms). */
export const MAX_WAIT_MS = 10 * MAX_BACKOFF_MS;

/**
 * Wait before the `attempt`-th automatic resend (1-based): 2 s, 4 s, 8 s … capped at
 * {@link MAX_BACKOFF_MS}, ±10 % so that two files refused together do not come back together.
 * The SDK does not resend on its own (bitrix/startFrame.ts sets one attempt).
 */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/** Automatic resends of one file so far: in all, and per code (for the policy's `maxAutoRetries`). */
export interface ResendCounts {
  readonly total: number;
  readonly byCode: Readonly<Record<string, number>>;
}

export const NO_RESENDS: ResendCounts = { total: 0, byCode: {} };

export interface FailureRules {
  /** Automatic resends in a row before the file fails with a retry offered (engine option). */
  readonly maxAutoResends: number;
  /** Wait (ms) before the n-th automatic resend (1-based). */
  readonly backoff: (attempt: number) => number;
}

/**
 * - `pause`: the portal refused the method for the app as a whole (operating-time limit): every
 *   file waits for the method to run again (createMethodPause.ts), this one included.
 * - `wait`: refused before processing; send again automatically after `delay` ms (phase `waiting`).
 * - `check`: the file may be in the chat; look for it, never resend on our own.
 * - `fail`: refused; the file is not in the chat.
 */
export type FailureDecision =
  | { readonly kind: 'pause' }
  | { readonly kind: 'wait'; readonly delay: number; readonly counts: ResendCounts }
  | { readonly kind: 'check' }
  | { readonly kind: 'fail' };

/**
 * The one place that answers "is a file sent again automatically, and when": after a failed send,
 * from the error's policy (core/errorPolicy.ts) and the resends made so far. Pure: no clock, no
 * timers; the backoff function is passed in.
 *
 * - `OPERATION_TIME_LIMIT` (429: the method is blocked for this app until enough of its
 *   operating time expires, docs/portal-reference.md §7.3) pauses the method: resent once it runs
 *   again, probed at most once a minute, never counted against the limits below.
 * - Other `auto-backoff` codes (rate limits, `expired_token`) wait and resend while fewer than
 *   `maxAutoResends` resends were made in all and fewer than the policy's `maxAutoRetries` for
 *   that code; then the file fails (a refusal: nothing reached the chat).
 * - The wait is `backoff(n)` for the n-th resend, never over {@link MAX_WAIT_MS}.
 * - Any other code: `check` when the outcome is unknown, else `fail`.
 *
 * @example
 * decideAfterFailure({ code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 }, NO_RESENDS, rules)
 * // { kind: 'wait', delay: ~2000, counts: { total: 1, byCode: { QUERY_LIMIT_EXCEEDED: 1 } } }
 */
export function decideAfterFailure(
  error: UploadError,
  counts: ResendCounts,
  rules: FailureRules,
): FailureDecision {
  if (error.code === 'OPERATION_TIME_LIMIT') return { kind: 'pause' };
  const policy = policyFor(error);
  const codeCount = counts.byCode[error.code] ?? 0;
  if (
    policy.retry === 'auto-backoff' &&
    counts.total < rules.maxAutoResends &&
    codeCount < (policy.maxAutoRetries ?? Number.POSITIVE_INFINITY)
  ) {
    const total = counts.total + 1;
    const delay = Math.min(MAX_WAIT_MS, Math.max(0, rules.backoff(total) || 0));
    return {
      kind: 'wait',
      delay,
      counts: { total, byCode: { ...counts.byCode, [error.code]: codeCount + 1 } },
    };
  }
  return policy.outcome === 'unknown' ? { kind: 'check' } : { kind: 'fail' };
}
