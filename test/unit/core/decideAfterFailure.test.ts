import { describe, expect, it } from 'vitest';
import {
  decideAfterFailure,
  MAX_WAIT_MS,
  NO_RESENDS,
} from '../../../src/core/decideAfterFailure.ts';
import type { ResendCounts } from '../../../src/core/decideAfterFailure.ts';
import type { UploadError } from '../../../src/core/types.ts';

const rules = { maxAutoResends: Number.POSITIVE_INFINITY, backoff: (n: number) => n * 1_000 };
const rateLimit: UploadError = { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 };
const expired: UploadError = { code: 'expired_token', origin: 'server', status: 401 };

describe('decideAfterFailure', () => {
  it('waits and resends after a rate-limit refusal, with the backoff of the n-th resend', () => {
    const first = decideAfterFailure(rateLimit, NO_RESENDS, rules);
    expect(first).toEqual({
      kind: 'wait',
      delay: 1_000,
      counts: { total: 1, byCode: { QUERY_LIMIT_EXCEEDED: 1 } },
    });
    if (first.kind !== 'wait') throw new Error('unreachable');
    expect(decideAfterFailure(rateLimit, first.counts, rules)).toMatchObject({
      kind: 'wait',
      delay: 2_000,
    });
  });

  it('waits out a rate limit without a limit of patience by default', () => {
    const many: ResendCounts = { total: 500, byCode: { QUERY_LIMIT_EXCEEDED: 500 } };
    expect(decideAfterFailure(rateLimit, many, rules).kind).toBe('wait');
  });

  it("stops after the policy's maxAutoRetries for that code (expired_token: 3) and fails", () => {
    const three: ResendCounts = { total: 3, byCode: { expired_token: 3 } };
    expect(decideAfterFailure(expired, three, rules)).toEqual({ kind: 'fail' });
    const otherCodes: ResendCounts = { total: 3, byCode: { QUERY_LIMIT_EXCEEDED: 3 } };
    expect(decideAfterFailure(expired, otherCodes, rules).kind).toBe('wait');
  });

  it('stops after maxAutoResends in all', () => {
    const two: ResendCounts = { total: 2, byCode: { QUERY_LIMIT_EXCEEDED: 2 } };
    expect(decideAfterFailure(rateLimit, two, { ...rules, maxAutoResends: 2 })).toEqual({
      kind: 'fail',
    });
  });

  it('never waits longer than MAX_WAIT_MS, nor a negative or NaN time', () => {
    const wait = (backoff: () => number) =>
      decideAfterFailure(rateLimit, NO_RESENDS, { ...rules, backoff });
    expect(wait(() => 10 * MAX_WAIT_MS)).toMatchObject({ delay: MAX_WAIT_MS });
    expect(wait(() => -5)).toMatchObject({ delay: 0 });
    expect(wait(() => Number.NaN)).toMatchObject({ delay: 0 });
  });

  it('checks the chat after an unknown outcome, never resending it', () => {
    const lost: UploadError = { code: 'NETWORK_ERROR', origin: 'transport' };
    expect(decideAfterFailure(lost, NO_RESENDS, rules)).toEqual({ kind: 'check' });
    const stalled: UploadError = { code: 'WIDGET_STALLED', origin: 'transport' };
    expect(decideAfterFailure(stalled, NO_RESENDS, rules)).toEqual({ kind: 'check' });
  });

  it('fails a refusal made before anything was stored', () => {
    const tooLarge: UploadError = { code: 'FILE_TOO_LARGE', origin: 'server', status: 400 };
    expect(decideAfterFailure(tooLarge, NO_RESENDS, rules)).toEqual({ kind: 'fail' });
  });
});
