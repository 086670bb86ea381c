import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  abortError,
  deadlineSignal,
  raceAbort,
  randomId,
  wakeableSleep,
} from '../../../src/core/async.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('async helpers', () => {
  it('randomId: 32 hex digits, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, randomId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('raceAbort: rejects with the signal reason as soon as it aborts, though the promise never settles', async () => {
    const controller = new AbortController();
    const raced = raceAbort(new Promise(() => undefined), controller.signal);
    const reason = abortError('stop');
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
    expect(reason.name).toBe('AbortError');
  });

  it('raceAbort: settles like the promise when the signal stays quiet', async () => {
    const signal = new AbortController().signal;
    await expect(raceAbort(Promise.resolve(7), signal)).resolves.toBe(7);
    await expect(raceAbort(Promise.reject(new Error('no')), signal)).rejects.toThrow('no');
  });

  it('deadlineSignal: aborts with the timeout reason after ms, or with the parent reason', async () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    const timed = deadlineSignal(parent.signal, 1_000, () => 'late');
    await vi.advanceTimersByTimeAsync(999);
    expect(timed.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(timed.signal.reason).toBe('late');

    const other = deadlineSignal(parent.signal, 1_000, () => 'late');
    parent.abort('user');
    expect(other.signal.reason).toBe('user');
    other.clear();
  });

  it('deadlineSignal: no deadline for 0 or Infinity', async () => {
    vi.useFakeTimers();
    const signal = new AbortController().signal;
    const none = [
      deadlineSignal(signal, 0, () => 'x'),
      deadlineSignal(signal, Infinity, () => 'x'),
    ];
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(none.map((d) => d.signal.aborted)).toEqual([false, false]);
  });

  it('wakeableSleep: resolves after ms, or at once on wake', async () => {
    vi.useFakeTimers();
    const slept = wakeableSleep(5_000);
    let done = false;
    void slept.done.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(done).toBe(false);
    slept.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });
});
