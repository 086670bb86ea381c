import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMethodPause,
  MAX_PAUSE_MS,
  PROBE_INTERVAL_MS,
} from '../../../src/core/createMethodPause.ts';
import type { UploadError } from '../../../src/core/types.ts';

const limit: UploadError = { code: 'OPERATION_TIME_LIMIT', origin: 'server', status: 429 };

afterEach(() => {
  vi.useRealTimers();
});

function track(promise: Promise<string>): { value: string | undefined } {
  const box: { value: string | undefined } = { value: undefined };
  void promise.then((value) => (box.value = value));
  return box;
}

describe('createMethodPause', () => {
  it('lets everyone go while the method is not paused', async () => {
    const pause = createMethodPause(Date.now);
    expect(pause.state()).toBeUndefined();
    await expect(pause.wait(10).done).resolves.toBe('go');
  });

  it('after a refusal: nobody goes for a minute, then only the smallest waiting file probes', async () => {
    vi.useFakeTimers();
    const pause = createMethodPause(Date.now);
    const t0 = Date.now();
    expect(pause.refused(limit, t0).resumeAt).toBe(t0 + PROBE_INTERVAL_MS);
    const big = track(pause.wait(100_000_000).done);
    const small = track(pause.wait(1_000).done);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS - 1);
    expect([big.value, small.value]).toEqual([undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect([big.value, small.value]).toEqual([undefined, 'probe']);

    // The probe is refused again: the next probe a minute later, still one at a time.
    pause.refused(limit, Date.now());
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS - 1);
    expect(big.value).toBeUndefined();
    const later = track(pause.wait(500).done);
    await vi.advanceTimersByTimeAsync(1);
    expect([big.value, later.value]).toEqual([undefined, 'probe']);

    pause.ran();
    await vi.advanceTimersByTimeAsync(0);
    expect(big.value).toBe('go');
    expect(pause.state()).toBeUndefined();
  });

  it('waits until operating_reset_at from the last success when that is later than a minute, capped at 10 minutes', () => {
    const pause = createMethodPause(Date.now);
    pause.noteResetAt(1_000_000 + 5 * 60_000);
    expect(pause.refused(limit, 1_000_000).resumeAt).toBe(1_000_000 + 5 * 60_000);
    pause.noteResetAt(1_000_000 + 60 * 60_000);
    expect(pause.refused(limit, 1_000_000).resumeAt).toBe(1_000_000 + MAX_PAUSE_MS);
    pause.noteResetAt(1_000_000 + 10_000);
    expect(pause.refused(limit, 1_000_000).resumeAt).toBe(1_000_000 + PROBE_INTERVAL_MS);
  });

  it('held by the client until a moment: paused exactly until then (even under a minute), capped at 10 minutes', () => {
    const pause = createMethodPause(Date.now);
    expect(pause.refused(limit, 1_000_000, 1_000_000 + 20_000).resumeAt).toBe(1_020_000);
    expect(pause.refused(limit, 1_000_000, 1_000_000 + 60 * 60_000).resumeAt).toBe(
      1_000_000 + MAX_PAUSE_MS,
    );
  });

  it('hands the probe on when the probe ends without telling (cancelled), and when a waiter is woken', async () => {
    vi.useFakeTimers();
    const pause = createMethodPause(Date.now);
    pause.refused(limit, Date.now());
    const first = track(pause.wait(1).done);
    const woken = pause.wait(2);
    const wokenBox = track(woken.done);
    const third = track(pause.wait(3).done);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS);
    expect(first.value).toBe('probe');
    woken.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(wokenBox.value).toBe('go');
    expect(third.value).toBeUndefined();
    pause.probeInconclusive();
    await vi.advanceTimersByTimeAsync(0);
    expect(third.value).toBe('probe');
  });
});
