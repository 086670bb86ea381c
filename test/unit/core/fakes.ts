import type {
  DeliveryQuery,
  Encoder,
  LedgerStorage,
  UploadOutcome,
  UploadRequest,
  UploadTransport,
} from '../../../src/core/ports.ts';
import type { DeliveryReceipt, LedgerEntry, Phase, UploadItem } from '../../../src/core/types.ts';
import type { UploadQueue } from '../../../src/core/createUploadQueue.ts';
import type { UploadEvents } from '../../../src/core/UploadEvents.ts';

/**
 * Fakes of the engine's outside world (the encoder Worker, the portal, storage). The engine is
 * the thing under test; these only answer the way the ports' contracts allow.
 */

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A File whose `size` says what the test needs, without allocating it (react-dropzone's trick). */
export function makeFile(
  name: string,
  size = 3,
  options: { type?: string; lastModified?: number } = {},
): File {
  const file = new File(['abc'], name, {
    type: options.type ?? 'text/plain',
    lastModified: options.lastModified ?? 1_700_000_000_000,
  });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

export interface EncodeCall {
  readonly file: Blob;
  readonly signal: AbortSignal;
  readonly onProgress: (bytesRead: number) => void;
  readonly result: Deferred<Blob>;
}

/**
 * An encoder whose calls the test settles by hand (`auto: false`), or that reads instantly
 * (`auto: true`, the default): progress to the full size, then a small base64 Blob.
 */
export function fakeEncoder(options: { auto?: boolean } = {}): Encoder & { calls: EncodeCall[] } {
  const calls: EncodeCall[] = [];
  return {
    calls,
    encode(file, { signal, onProgress }) {
      const result = deferred<Blob>();
      calls.push({ file, signal, onProgress, result });
      if (options.auto ?? true) {
        onProgress(file.size);
        result.resolve(new Blob(['QUJD'.repeat(25)]));
      }
      return result.promise;
    },
  };
}

export interface UploadCall {
  readonly request: UploadRequest;
  readonly result: Deferred<UploadOutcome>;
}

let receiptCounter = 100;
export function receiptFor(dialogId: string): DeliveryReceipt {
  receiptCounter += 1;
  return { messageId: receiptCounter, fileId: receiptCounter + 1000, chatId: 5, dialogId };
}

export type UploadScript = (
  request: UploadRequest,
) => UploadOutcome | Promise<UploadOutcome> | 'manual';

/**
 * A portal stand-in. Each call to `upload` takes the next script (or `fallback` when none is left):
 * an outcome, or 'manual' to let the test settle `calls[i].result` itself.
 */
export function fakeTransport(
  scripts: UploadScript[] = [],
  fallback: UploadScript = (request) => ({ ok: true, receipt: receiptFor(request.dialogId) }),
): UploadTransport & {
  calls: UploadCall[];
  queries: DeliveryQuery[];
  findDelivery: (query: DeliveryQuery) => Promise<DeliveryReceipt | undefined>;
  onFind: (query: DeliveryQuery) => Promise<DeliveryReceipt | undefined>;
} {
  const calls: UploadCall[] = [];
  const queries: DeliveryQuery[] = [];
  const transport = {
    calls,
    queries,
    onFind: async (_query: DeliveryQuery): Promise<DeliveryReceipt | undefined> => undefined,
    upload(request: UploadRequest): Promise<UploadOutcome> {
      const result = deferred<UploadOutcome>();
      calls.push({ request, result });
      const script = scripts.shift() ?? fallback;
      const answer = script(request);
      if (answer !== 'manual') void Promise.resolve(answer).then(result.resolve, result.reject);
      return result.promise;
    },
    findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined> {
      queries.push(query);
      return transport.onFind(query);
    },
  };
  return transport;
}

/** Ledger storage in memory, like user options would keep it. */
export function memoryStorage(): LedgerStorage & {
  data: Map<string, readonly LedgerEntry[]>;
  saves: number;
} {
  const data = new Map<string, readonly LedgerEntry[]>();
  const storage = {
    data,
    saves: 0,
    async load(dialogId: string) {
      return JSON.parse(JSON.stringify(data.get(dialogId) ?? [])) as LedgerEntry[];
    },
    async save(dialogId: string, entries: readonly LedgerEntry[]) {
      storage.saves += 1;
      data.set(dialogId, JSON.parse(JSON.stringify(entries)) as LedgerEntry[]);
    },
  };
  return storage;
}

/** Resolves with the next payload of `type`. */
export function nextEvent<K extends keyof UploadEvents>(
  queue: UploadQueue,
  type: K,
): Promise<UploadEvents[K]> {
  return new Promise((resolve) => {
    const off = queue.events.on(type, (payload) => {
      off();
      resolve(payload);
    });
  });
}

export function itemOf(queue: UploadQueue, id: string): UploadItem {
  const item = queue.store.getState().items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

/** Resolves when the item reaches `phase` (checked on every store change). */
export function phaseReached(queue: UploadQueue, id: string, phase: Phase): Promise<UploadItem> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const item = queue.store.getState().items.find((candidate) => candidate.id === id);
      if (item?.phase === phase) {
        resolve(item);
        return true;
      }
      return false;
    };
    if (check()) return;
    const off = queue.store.subscribe(() => {
      if (check()) off();
    });
  });
}

/** Lets pending promise callbacks run (real timers). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
