/**
 * Small promise and abort helpers shared by the engine's modules (and free for any layer that
 * needs the same: one random id, one AbortError, one race against a signal).
 */

/**
 * 32 random hex digits. `crypto.randomUUID` is missing outside secure contexts (MDN "Crypto:
 * randomUUID() method"), `getRandomValues` is not.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The error an aborted operation rejects with, as `fetch` does (name `AbortError`). */
export function abortError(message = 'The operation was aborted'): DOMException {
  return new DOMException(message, 'AbortError');
}

/** Settles like `promise`, but rejects with `signal.reason` as soon as `signal` aborts (a port may ignore it). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      // The loser's rejection is handled, so it never surfaces as an unhandled rejection.
      promise.catch(() => undefined);
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A signal that aborts when `parent` does or after `ms` (reason: `onTimeout()`); `clear()` stops
 * the timer. `ms <= 0` or `Infinity` means no deadline.
 */
export function deadlineSignal(
  parent: AbortSignal,
  ms: number,
  onTimeout: () => unknown,
): { readonly signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const forward = (): void => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  const timer =
    ms > 0 && Number.isFinite(ms) ? setTimeout(() => controller.abort(onTimeout()), ms) : undefined;
  return {
    signal: controller.signal,
    clear() {
      if (timer !== undefined) clearTimeout(timer);
      parent.removeEventListener('abort', forward);
    },
  };
}

/** Resolves after `ms`, or at once when `wake` is called (the returned function). */
export function wakeableSleep(ms: number): { readonly done: Promise<void>; wake(): void } {
  let wake!: () => void;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}
