import type { UploadError } from './types.ts';

/**
 * At most one refused request a minute while paused: a refusal comes only after the whole body
 * arrived (the limit is checked when PHP runs, docs/portal-reference.md §7.3–§7.4), so every
 * probe costs a full upload.
 */
export const PROBE_INTERVAL_MS = 60_000;
/** The limit's window: operating time expires 600 s after its basket started (§7.3). */
export const MAX_PAUSE_MS = 600_000;

/** Why and until when the method is paused. */
export interface PauseState {
  /** Epoch ms of the next probe; sending resumes for everyone once a probe goes through. */
  readonly resumeAt: number;
  readonly error: UploadError;
}

/** The upload method's pause after an operating-time refusal (one per queue: the limit is per app and method). */
export interface MethodPause {
  /** The pause now, or undefined when the method may be called. */
  state(): PauseState | undefined;
  /** A success's `time.operating_reset_at` (epoch ms): when the oldest basket of used time frees. */
  noteResetAt(resetAt: number): void;
  /**
   * The method was refused with `error` at `now`: pause (or stay paused) until the next probe;
   * with `until` (epoch ms, the client's own hold), exactly until then, capped at 10 minutes.
   */
  refused(error: UploadError, now: number, until?: number): PauseState;
  /** The method ran (the portal answered, not with that refusal): the pause ends, everyone waiting goes. */
  ran(): void;
  /** The probe's call ended without telling (cancelled, connection lost): the next file probes. */
  probeInconclusive(): void;
  /**
   * Resolves when a file of `size` bytes may call the method: at once when not paused; when paused,
   * at the next probe time if it is the smallest file waiting (`'probe'`), or when the pause ends
   * (`'go'`). `wake()` ends the wait early (cancel). A file let go calls the method next and
   * reports with `ran`, `refused` or, the probe only, `probeInconclusive`.
   */
  wait(size: number): { readonly done: Promise<'go' | 'probe'>; wake(): void };
}

interface Waiter {
  readonly size: number;
  readonly resolve: (pass: 'go' | 'probe') => void;
}

/**
 * Keeps the operating-time pause: the method is refused for the whole app (§7.3), so after one
 * 429 `OPERATION_TIME_LIMIT` no file calls it until `operating_reset_at` (known from the last
 * success's `time` block) or a probe a minute later, whichever is later, capped at
 * {@link MAX_PAUSE_MS}. Then exactly one file — the smallest waiting, so the least is sent in vain
 * — probes; refused again ⇒ the next probe a minute later; it ran ⇒ everyone goes.
 *
 * @example
 * const pause = createMethodPause(Date.now);
 * await pause.wait(file.size).done;
 * const outcome = await send();
 * if (refusedByLimit(outcome)) pause.refused(outcome.error, Date.now()); else pause.ran();
 */
export function createMethodPause(now: () => number): MethodPause {
  let paused: PauseState | undefined;
  let resetAt: number | undefined;
  let probing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiters = new Set<Waiter>();

  function release(waiter: Waiter, pass: 'go' | 'probe' = 'go'): void {
    waiters.delete(waiter);
    waiter.resolve(pass);
  }

  /** At probe time, when no probe is out: let the smallest waiting file go. */
  function probe(): void {
    timer = undefined;
    if (!paused || probing || now() < paused.resumeAt) return arm();
    let smallest: Waiter | undefined;
    for (const waiter of waiters) if (!smallest || waiter.size < smallest.size) smallest = waiter;
    if (!smallest) return;
    probing = true;
    release(smallest, 'probe');
  }

  function arm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!paused || probing || waiters.size === 0) return;
    timer = setTimeout(probe, Math.max(0, paused.resumeAt - now()));
  }

  return {
    state: () => paused,
    noteResetAt(at) {
      resetAt = at;
    },
    refused(error, at, until) {
      probing = false;
      const known = resetAt !== undefined && resetAt > at ? resetAt : 0;
      const wanted = until ?? Math.max(at + PROBE_INTERVAL_MS, known);
      const resumeAt = Math.min(at + MAX_PAUSE_MS, wanted);
      paused = { resumeAt, error };
      arm();
      return paused;
    },
    ran() {
      probing = false;
      paused = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const waiter of [...waiters]) release(waiter);
    },
    probeInconclusive() {
      probing = false;
      probe();
    },
    wait(size) {
      let waiter: Waiter | undefined;
      const done = new Promise<'go' | 'probe'>((resolve) => {
        if (!paused) return resolve('go');
        waiter = { size, resolve };
        waiters.add(waiter);
        arm();
      });
      return {
        done,
        wake() {
          if (waiter && waiters.has(waiter)) release(waiter);
          arm();
        },
      };
    },
  };
}
