import type { Encoder } from '../core/ports.ts';
import type { EncodeWorkerRequest, EncodeWorkerResponse } from './createEncodeWorkerHost.ts';
import { encodeBlobToBase64Blob, type EncodeStats } from './encodeBlobToBase64Blob.ts';
import { EncodeError } from './EncodeError.ts';

/** The part of `Worker` the encoder uses (lets tests run the real Worker code in-process). */
export interface EncodeWorkerLike {
  postMessage(message: EncodeWorkerRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<EncodeWorkerResponse>) => void,
  ): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerEncoderOptions {
  /** Bytes read and encoded per step (multiple of 3). Default: `DEFAULT_CHUNK_SIZE` (3 MiB). */
  readonly chunkSize?: number;
  /** Files encoded at the same time, one Worker each. Default 2. */
  readonly maxWorkers?: number;
  /** Where each successful encode's time went (the bench's phase breakdown). */
  readonly onStats?: (stats: EncodeStats) => void;
  /** Default: the bundled module Worker `base64.worker.ts`. */
  readonly createWorker?: () => EncodeWorkerLike;
}

/** An {@link Encoder} that owns Workers; call `dispose` when the app unloads. */
export interface WorkerEncoder extends Encoder {
  dispose(): void;
}

interface Job {
  readonly id: number;
  readonly file: Blob;
  readonly onProgress: (bytesRead: number) => void;
  readonly resolve: (blob: Blob) => void;
  readonly reject: (error: unknown) => void;
  /** Runs the job on this thread (when its Worker turned out not to load). */
  readonly runHere: () => void;
}

interface Slot {
  readonly worker: EncodeWorkerLike;
  job: Job | undefined;
  /** True once the Worker sent any message: its script loaded and runs. */
  loaded: boolean;
}

function abortError(): DOMException {
  return new DOMException('The encode was aborted', 'AbortError');
}

function createBundledWorker(): EncodeWorkerLike {
  // Written inline so that Vite recognises the pattern and bundles the Worker as its own chunk.
  return new Worker(new URL('./base64.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Encodes files to base64 Blobs in a small pool of module Workers, so the main thread never holds
 * the base64 text. Aborting terminates the Worker doing the read (the only way to stop a pending
 * `Blob.arrayBuffer()` at once) and rejects with an `AbortError`; a file that cannot be read
 * rejects with {@link EncodeError} `WIDGET_READ_FAILED`. Where Workers are unavailable (cannot be
 * constructed, or fail to load: a strict CSP, a 404 — an `error` before any message), it encodes
 * on the main thread chunk by chunk instead, that file included, and stops spawning Workers. A
 * Worker that fails after it started answering rejects its file with `WIDGET_ENCODE_FAILED`.
 *
 * @example
 * const encoder = createWorkerEncoder();
 * const base64 = await encoder.encode(file, { signal, onProgress: (read) => console.log(read) });
 */
export function createWorkerEncoder(options: WorkerEncoderOptions = {}): WorkerEncoder {
  // undefined = the encoder's own default (DEFAULT_CHUNK_SIZE), applied where it runs.
  const chunkSize = options.chunkSize;
  const maxWorkers = Math.max(1, options.maxWorkers ?? 2);
  const createWorker =
    options.createWorker ?? (typeof Worker === 'function' ? createBundledWorker : undefined);
  const slots: Slot[] = [];
  /** `start(undefined)` means: no Worker can exist here, encode on this thread. */
  type Start = (slot: Slot | undefined) => void;
  const waiting: { job: Job; start: Start }[] = [];
  let nextId = 1;
  let workersUnavailable = createWorker === undefined;

  function retire(slot: Slot): void {
    slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
  }

  function finish(slot: Slot): void {
    slot.job = undefined;
    const next = waiting.shift();
    if (next) next.start(slot);
  }

  function spawn(): Slot | undefined {
    if (!createWorker || workersUnavailable) return undefined;
    let worker: EncodeWorkerLike;
    try {
      worker = createWorker();
    } catch {
      workersUnavailable = true;
      return undefined;
    }
    const slot: Slot = { worker, job: undefined, loaded: false };
    worker.addEventListener('message', (event) => {
      slot.loaded = true;
      const message = event.data;
      const job = slot.job;
      if (!job || message.id !== job.id) return;
      switch (message.type) {
        case 'progress':
          job.onProgress(message.bytesRead);
          return;
        case 'done':
          finish(slot);
          if (message.stats) options.onStats?.(message.stats);
          job.resolve(message.blob);
          return;
        case 'aborted':
          finish(slot);
          job.reject(abortError());
          return;
        case 'failed':
          finish(slot);
          job.reject(new EncodeError(message.code, message.detail));
          return;
      }
    });
    const crashed = (event: Event): void => {
      const job = slot.job;
      slot.job = undefined;
      retire(slot);
      if (!slot.loaded) {
        // An error before the Worker said anything: its script did not load (a CSP without
        // `worker-src`, a 404 after a deploy) — `new Worker` does not throw for that, the failure
        // arrives later as this event (HTML "run a worker": fetch failure ⇒ `error` at the Worker
        // object). Workers will not work on this page: encode here from now on, this job included,
        // instead of failing every file and spawning a new Worker for each.
        workersUnavailable = true;
        job?.runHere();
        for (const next of waiting.splice(0)) acquire(next.start, next.job);
        return;
      }
      const detail = 'message' in event ? String(event.message) : event.type;
      job?.reject(new EncodeError('WIDGET_ENCODE_FAILED', detail));
      const next = waiting.shift();
      if (next) acquire(next.start, next.job);
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    slots.push(slot);
    return slot;
  }

  function acquire(start: Start, job: Job): void {
    const idle = slots.find(
      (slot) => slot.job === undefined && (slot.loaded || !workersUnavailable),
    );
    const slot = idle ?? (slots.length < maxWorkers ? spawn() : undefined);
    if (slot) start(slot);
    // No Worker could be created or loaded at all: encode here, still chunk by chunk.
    else if (slots.length === 0 || workersUnavailable) start(undefined);
    else waiting.push({ job, start });
  }

  return {
    encode(file, { signal, onProgress }) {
      if (signal.aborted) return Promise.reject(abortError());
      return new Promise<Blob>((resolve, reject) => {
        let settled = false;
        let activeSlot: Slot | undefined;
        const local = new AbortController();
        const cleanup = (): void => signal.removeEventListener('abort', onAbort);
        const runHere = (): void => {
          activeSlot = undefined;
          // Part of the startup bundle on purpose (~0.8 kB gzip): this fallback also runs when the
          // Worker's file is gone because the app was upgraded under an open panel, when a chunk
          // loaded on demand would be gone too (test/servers/upgrade.test.ts).
          encodeBlobToBase64Blob(file, {
            chunkSize,
            signal: local.signal,
            onProgress: job.onProgress,
            onStats: options.onStats,
          }).then(job.resolve, job.reject);
        };
        const job: Job = {
          id: nextId++,
          file,
          onProgress: (bytesRead) => {
            if (!settled) onProgress(bytesRead);
          },
          resolve: (blob) => {
            if (settled) return;
            settled = true;
            cleanup();
            resolve(blob);
          },
          reject: (error) => {
            if (settled) return;
            settled = true;
            cleanup();
            reject(error);
          },
          runHere,
        };
        function onAbort(): void {
          const queued = waiting.findIndex((entry) => entry.job === job);
          if (queued >= 0) waiting.splice(queued, 1);
          local.abort();
          if (activeSlot && activeSlot.job === job) {
            retire(activeSlot);
            const next = waiting.shift();
            if (next) acquire(next.start, next.job);
          }
          job.reject(abortError());
        }
        signal.addEventListener('abort', onAbort, { once: true });
        acquire((slot) => {
          if (settled) {
            if (slot) finish(slot);
            return;
          }
          if (!slot) {
            runHere();
            return;
          }
          activeSlot = slot;
          slot.job = job;
          slot.worker.postMessage({ type: 'encode', id: job.id, file, chunkSize });
        }, job);
      });
    },
    dispose() {
      for (const entry of waiting.splice(0)) entry.job.reject(abortError());
      for (const slot of [...slots]) {
        slot.job?.reject(abortError());
        retire(slot);
      }
    },
  };
}
