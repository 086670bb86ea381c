import type {
  DeliveryQuery,
  UploadOutcome,
  UploadRequest,
  UploadTransport,
} from '../../../src/core/ports.ts';
import type { DeliveryReceipt, UploadError } from '../../../src/core/types.ts';
import { deferred } from './deferred.ts';
import type { Deferred } from './deferred.ts';

let nextMessageId = 100;

/** A receipt as the portal would give for an upload to `dialogId` (a fresh message id each time). */
export function receiptFor(target: string | Pick<UploadRequest, 'dialogId'>): DeliveryReceipt {
  nextMessageId += 1;
  const dialogId = typeof target === 'string' ? target : target.dialogId;
  return { messageId: nextMessageId, fileId: nextMessageId + 1000, chatId: 5, dialogId };
}

export interface UploadCall {
  readonly request: UploadRequest;
  readonly result: Deferred<UploadOutcome>;
}

/** How one upload is answered: an outcome, or 'manual' to settle `calls[i].result` by hand. */
export type UploadScript = (
  request: UploadRequest,
) => UploadOutcome | Promise<UploadOutcome> | 'manual';

export type FakeTransport = ReturnType<typeof createFakeTransport>;

/**
 * The portal's side of `im.v2.File.upload` and the delivery finder, which cannot run in unit and
 * component tests (the emulator covers them for real). Each upload takes the next of `scripts`,
 * then the fallback (default: delivered; `answer` or `refuse` replaces it). `hold()` keeps later uploads
 * open, half sent, until `release(name)`. `findDelivery` answers with `onFind` (default: not
 * found). Every request and query is recorded.
 *
 * @example
 * const fake = createFakeTransport([() => ({ ok: false, error: { code: 'NETWORK_ERROR', origin: 'transport' } })]);
 * const queue = createUploadQueue({ transport: fake.transport, encoder: createFakeEncoder() });
 */
export function createFakeTransport(scripts: UploadScript[] = [], fallback?: UploadScript) {
  const calls: UploadCall[] = [];
  const requests: UploadRequest[] = [];
  const queries: DeliveryQuery[] = [];
  const held: { request: UploadRequest; settle: (outcome: UploadOutcome) => void }[] = [];
  let respond: UploadScript =
    fallback ?? ((request) => ({ ok: true, receipt: receiptFor(request) }));
  const fake = {
    calls,
    requests,
    queries,
    onFind: async (_query: DeliveryQuery): Promise<DeliveryReceipt | undefined> => undefined,
    upload(request: UploadRequest): Promise<UploadOutcome> {
      const result = deferred<UploadOutcome>();
      calls.push({ request, result });
      requests.push(request);
      const answer = (scripts.shift() ?? respond)(request);
      if (answer !== 'manual') void Promise.resolve(answer).then(result.resolve, result.reject);
      return result.promise;
    },
    findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined> {
      queries.push(query);
      return fake.onFind(query);
    },
    /** The fake itself, typed as the port (for `{ transport: fake.transport }`). */
    get transport(): UploadTransport {
      return fake;
    },
    answer(next: (request: UploadRequest) => UploadOutcome | Promise<UploadOutcome>): void {
      respond = next;
    },
    /** Refuses every later upload with `error` (the fallback answer). */
    refuse(error: UploadError): void {
      respond = () => ({ ok: false, error });
    },
    answerFindDelivery(next: UploadTransport['findDelivery']): void {
      fake.onFind = next;
    },
    /** Keeps every later request open, with half of its body reported as sent. */
    hold(): void {
      respond = (request) =>
        new Promise<UploadOutcome>((resolve) => {
          request.onProgress(50, 100);
          held.push({ request, settle: resolve });
          request.signal.addEventListener('abort', () =>
            resolve({ ok: false, error: { code: 'WIDGET_UNKNOWN', origin: 'client' } }),
          );
        });
    },
    /** Settles the held request of `name` (default: delivered). */
    release(name: string, outcome?: UploadOutcome): void {
      const index = held.findIndex((entry) => entry.request.name === name);
      const entry = held.splice(index, 1)[0];
      if (index < 0 || !entry) throw new Error(`no held request for ${name}`);
      entry.settle(outcome ?? { ok: true, receipt: receiptFor(entry.request) });
    },
  };
  return fake;
}
