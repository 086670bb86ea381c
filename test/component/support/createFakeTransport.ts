import type {
  Encoder,
  UploadOutcome,
  UploadRequest,
  UploadTransport,
} from '../../../src/core/ports.ts';
import type { DeliveryReceipt } from '../../../src/core/types.ts';

type Respond = (request: UploadRequest) => UploadOutcome | Promise<UploadOutcome>;

let nextMessageId = 100;

/** A receipt as the portal would give for `request`. */
export function receiptFor(request: Pick<UploadRequest, 'dialogId'>): DeliveryReceipt {
  nextMessageId += 1;
  return {
    messageId: nextMessageId,
    fileId: nextMessageId + 1000,
    chatId: 5,
    dialogId: request.dialogId,
  };
}

/**
 * The portal's side of `im.v2.File.upload`, which cannot run in jsdom: each request is answered
 * by `respond` (default: delivered). `hold()` keeps requests open until `release`.
 */
export function createFakeTransport() {
  const requests: UploadRequest[] = [];
  const held: { request: UploadRequest; settle: (outcome: UploadOutcome) => void }[] = [];
  let respond: Respond = (request) => ({ ok: true, receipt: receiptFor(request) });
  let findDelivery: UploadTransport['findDelivery'] = async () => undefined;
  const transport: UploadTransport = {
    upload(request) {
      requests.push(request);
      return Promise.resolve(respond(request));
    },
    findDelivery: (query) => findDelivery(query),
  };
  return {
    transport,
    requests,
    answer(next: Respond): void {
      respond = next;
    },
    answerFindDelivery(next: UploadTransport['findDelivery']): void {
      findDelivery = next;
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
      if (!entry) throw new Error(`no held request for ${name}`);
      entry.settle(outcome ?? { ok: true, receipt: receiptFor(entry.request) });
    },
  };
}

/** Base64 encoding, which needs a Worker in the browser: reports the whole file read at once. */
export function createFakeEncoder(): Encoder & { calls: Blob[] } {
  const calls: Blob[] = [];
  return {
    calls,
    async encode(file, { onProgress }) {
      calls.push(file);
      onProgress(file.size);
      return new Blob(['eA==']);
    },
  };
}
