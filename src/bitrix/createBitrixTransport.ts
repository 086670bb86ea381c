import type { TypeB24 } from '@bitrix24/b24jssdk';
import type { UploadOutcome, UploadRequest, UploadTransport } from '../core/ports.ts';
import type { UploadError } from '../core/types.ts';
import { MAX_FILE_BYTES } from '../core/validateFile.ts';
import { classifyWireAnswer } from './classifyWireAnswer.ts';
import { contentPlaceholder } from './contentPlaceholder.ts';
import type { DeliveryFinderOptions } from './createDeliveryFinder.ts';
import { createLazyDeliveryFinder } from './createLazyDeliveryFinder.ts';
import { createUploadInterceptor, type InterceptedRequest } from './createUploadInterceptor.ts';
import { createAuthFreshener } from './ensureFreshAuth.ts';
import { mapB24Error } from './mapB24Error.ts';
import { sdkOperatingHold } from './sdkOperatingHold.ts';
import { toInt } from './toInt.ts';

export interface BitrixTransportOptions extends DeliveryFinderOptions {
  /** No upload progress for this long while sending (or the request not started) ⇒ `WIDGET_STALLED`. Default 60 s. */
  readonly stallTimeoutMs?: number;
  /**
   * After the last body byte went out, how long to wait for the answer before `WIDGET_STALLED`.
   * The portal decodes and stores the file meanwhile; the cloud's execution limit is 60 s.
   * Default 120 s.
   */
  readonly responseTimeoutMs?: number;
  /** Upload speed assumed when deciding to refresh the token first. Bytes/s; default 256 KiB/s. */
  readonly assumedBytesPerSecond?: number;
  /** A `refreshAuth` that does not answer within this long fails the upload. Default 15 s. */
  readonly refreshTimeoutMs?: number;
}

/** An {@link UploadTransport} that installed axios interceptors; `dispose` removes them. */
export interface BitrixTransport extends Required<UploadTransport> {
  dispose(): void;
}

interface UploadResult {
  readonly file?: { readonly id?: unknown; readonly name?: unknown };
  readonly messageId?: unknown;
  readonly chatId?: unknown;
  readonly dialogId?: unknown;
}

const METHOD = 'im.v2.File.upload';
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 120_000;

const cancelled = (): UploadOutcome => ({
  ok: false,
  error: { code: 'WIDGET_CANCELLED', origin: 'client' },
});

/** The portal's own FILE_TOO_LARGE for a file under the widget's limit: this portal's lower limit. */
function portalLimit(error: UploadError, contentBytes: number): UploadError {
  if (error.code !== 'FILE_TOO_LARGE' || (contentBytes / 4) * 3 > MAX_FILE_BYTES) return error;
  return { ...error, code: 'WIDGET_PORTAL_FILE_LIMIT' };
}

/**
 * Sends files with `im.v2.File.upload` through the SDK, so auth, token refresh and error parsing
 * stay the SDK's, while the body is streamed from a Blob: the SDK gets a placeholder as
 * `fields.content` and the interceptor (createUploadInterceptor.ts) swaps the base64 Blob in. The
 * frame must be started with startFrame's single-attempt restrictions, so the SDK itself never
 * re-sends an upload; its one replay after `expired_token` goes through the interceptor again.
 *
 * One stall watchdog lives here: no progress for `stallTimeoutMs` (also before the request
 * started) or no answer `responseTimeoutMs` after the body was sent ends the upload as
 * `WIDGET_STALLED` (data, never a cancel). On cancel or stall the Blob is released at once.
 * Before a long upload the token is refreshed when it would expire first (ensureFreshAuth.ts).
 *
 * Outcomes never throw: every failure is an {@link UploadError}. Fails closed: if the interceptor
 * did not handle the request, nothing leaves and the outcome is `WIDGET_INTERNAL`.
 *
 * @example
 * const transport = createBitrixTransport(b24);
 * const outcome = await transport.upload({ requestId, dialogId: 'chat5', name, message, content, signal, onProgress });
 */
export function createBitrixTransport(
  b24: TypeB24,
  options: BitrixTransportOptions = {},
): BitrixTransport {
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const interceptor = createUploadInterceptor(b24);
  const finder = createLazyDeliveryFinder(b24, interceptor, options);
  const assumedBytesPerSecond = options.assumedBytesPerSecond ?? 256 * 1024;
  /** The speed of the last body sent whole (bytes/s), measured between start and last byte. */
  let measuredBytesPerSecond = Number.POSITIVE_INFINITY;
  const freshAuth = createAuthFreshener(b24, {
    bytesPerSecond: () => Math.min(assumedBytesPerSecond, measuredBytesPerSecond),
    marginMs: responseTimeoutMs,
    refreshTimeoutMs: options.refreshTimeoutMs ?? 15_000,
    now,
  });

  async function upload(request: UploadRequest): Promise<UploadOutcome> {
    if (request.signal.aborted) return cancelled();
    if (interceptor.has(request.requestId)) {
      const detail = 'requestId already in flight';
      return { ok: false, error: { code: 'WIDGET_INTERNAL', origin: 'client', detail } };
    }
    const authProblem = await freshAuth(request.content.size);
    if (request.signal.aborted) return cancelled();
    if (authProblem) return { ok: false, error: authProblem };

    const controller = new AbortController();
    let reason: 'cancelled' | 'stalled' | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let stallDetail = '';
    let started = false;
    let startedAt = 0;
    const placeholder = contentPlaceholder();
    const intercepted: InterceptedRequest = {
      signal: controller.signal,
      upload: {
        placeholder,
        content: request.content,
        started(size) {
          started = true;
          startedAt = now();
          request.onProgress(0, size);
          arm(stallTimeoutMs, 'no upload progress');
        },
        progress(loaded, size) {
          request.onProgress(loaded, size);
          if (loaded >= size) {
            const seconds = (now() - startedAt) / 1000;
            // Bodies that go out in under a second say little about the uplink.
            if (seconds >= 1) measuredBytesPerSecond = size / seconds;
            arm(responseTimeoutMs, 'no answer after the upload');
          } else arm(stallTimeoutMs, 'no upload progress');
        },
      },
    };
    const stop = (why: 'cancelled' | 'stalled'): void => {
      reason ??= why;
      // R6: the Blob (~140 MB for 100 MiB) is not needed once the request is given up; the
      // interceptor refuses to send a released upload, so the placeholder still never goes out.
      if (intercepted.upload) intercepted.upload.content = undefined;
      controller.abort();
    };
    function arm(ms: number, what: string): void {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stallDetail = `${what} for ${Math.round(ms / 1000)} s`;
        stop('stalled');
      }, ms);
    }
    const onUserAbort = (): void => stop('cancelled');
    request.signal.addEventListener('abort', onUserAbort, { once: true });
    // Until the interceptor runs, the request may wait in the SDK (its rate limiter, a token
    // refresh): a deadline from the call on, so an upload that never starts ends as a stall.
    arm(stallTimeoutMs, 'request not started');
    interceptor.register(request.requestId, intercepted);

    const fields: Record<string, string> = { name: request.name, content: placeholder };
    if (request.message !== undefined && request.message !== '')
      fields['message'] = request.message;
    const call = b24.actions.v2.call.make<UploadResult>({
      method: METHOD,
      // dialogId always as a string: a JSON number is refused by the portal (code 100).
      params: { dialogId: String(request.dialogId), fields },
      requestId: request.requestId,
    });
    // The registration outlives the caller's cancel: a request still queued in the SDK would
    // otherwise go out unswapped (the interceptor fails it closed instead).
    void call
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(watchdog);
        interceptor.unregister(request.requestId);
        request.signal.removeEventListener('abort', onUserAbort);
      });
    const aborted = new Promise<'aborted'>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });

    const failure = (mapped: UploadError): UploadOutcome => {
      if (intercepted.failedClosed !== undefined) {
        const detail = intercepted.failedClosed;
        if (reason === undefined || detail !== 'upload released')
          return { ok: false, error: { code: 'WIDGET_INTERNAL', origin: 'client', detail } };
      }
      if (reason === 'cancelled') return cancelled();
      if (reason === 'stalled') {
        const error = { code: 'WIDGET_STALLED', origin: 'transport', detail: stallDetail } as const;
        return { ok: false, error };
      }
      const wire = classifyWireAnswer(intercepted.answer);
      if (wire) return { ok: false, error: wire };
      // A network error once the request started is an unknown outcome (the engine checks the
      // chat), even when fewer bytes were reported than the body holds: progress comes from axios'
      // onUploadProgress, which axios throttles to 3 calls a second
      // (axios/lib/helpers/progressEventReducer.js), so the last report can be ~333 ms behind a
      // body the server already has; Firefox and WebKit may also drop the last progress event
      // of a request that dies (docs/ENGINES.md). "Not stored" cannot be proven from the page.
      return { ok: false, error: portalLimit(mapped, request.content.size) };
    };

    try {
      const answer = await Promise.race([call, aborted]);
      if (answer === 'aborted') {
        // A cancel ends the wait at once; so does a stall before the request started (the SDK may
        // hold it indefinitely). A stall in flight waits for axios to give up the socket.
        if (reason === 'cancelled' || !started) return failure(mapB24Error(new Error('aborted')));
        return await call.then(
          () => failure({ code: 'WIDGET_STALLED', origin: 'transport' }),
          (error: unknown) => failure(mapB24Error(error)),
        );
      }
      if (!answer.isSuccess) return failure(mapB24Error(answer));
      if (intercepted.failedClosed !== undefined || !started) {
        const detail = intercepted.failedClosed ?? 'upload interceptor did not run (SDK changed?)';
        console.error(`[chat-drop] ${detail}`);
        return { ok: false, error: { code: 'WIDGET_INTERNAL', origin: 'client', detail } };
      }
      const result = answer.getData()?.result;
      const fileId = toInt(result?.file?.id);
      const messageId = toInt(result?.messageId);
      const chatId = toInt(result?.chatId);
      if (fileId === undefined || messageId === undefined || chatId === undefined) {
        const wire = classifyWireAnswer(intercepted.answer);
        if (wire) return { ok: false, error: wire };
        const detail = 'im.v2.File.upload result without file.id/messageId/chatId';
        return {
          ok: false,
          error: { code: 'WIDGET_UNEXPECTED_ANSWER', origin: 'server', detail },
        };
      }
      const dialogId =
        typeof result?.dialogId === 'string' || typeof result?.dialogId === 'number'
          ? String(result.dialogId)
          : request.dialogId;
      const storedName = typeof result?.file?.name === 'string' ? result.file.name : undefined;
      const receipt = { fileId, messageId, chatId, dialogId };
      const stored = storedName === undefined ? receipt : { ...receipt, storedName };
      // The time block's `operating_reset_at` (unix seconds): when the method's oldest basket of
      // used operating time frees (docs/portal-reference.md §7.3); the engine pauses until then
      // after an OPERATION_TIME_LIMIT.
      const time = answer.getData()?.time;
      const resetAt = toInt(time?.operating_reset_at);
      const holdUntil = sdkOperatingHold(time);
      return {
        ok: true,
        receipt: stored,
        ...(resetAt === undefined ? {} : { operatingResetAt: resetAt * 1000 }),
        ...(holdUntil === undefined ? {} : { operatingHoldUntil: holdUntil }),
      };
    } catch (error) {
      return failure(mapB24Error(error));
    } finally {
      clearTimeout(watchdog);
      if (intercepted.upload) intercepted.upload.content = undefined;
    }
  }

  return {
    upload,
    findDelivery: finder.findDelivery,
    listOwnFileMessages: finder.listOwnFileMessages,
    deleteMessage: finder.deleteMessage,
    dispose: () => interceptor.dispose(),
  };
}
