import { ApiVersion, type TypeB24 } from '@bitrix24/b24jssdk';
import type {
  DeliveryQuery,
  UploadOutcome,
  UploadRequest,
  UploadTransport,
} from '../core/ports.ts';
import type { DeliveryReceipt, UploadError } from '../core/types.ts';
import { callRest } from './callRest.ts';
import { isSameUploadName } from './isSameUploadName.ts';
import { mapB24Error } from './mapB24Error.ts';
import { spliceUploadBody } from './spliceUploadBody.ts';

type AxiosInstanceOfSdk = ReturnType<TypeB24['getHttpClient']>['ajaxClient'];
type RequestInterceptor = NonNullable<
  Parameters<AxiosInstanceOfSdk['interceptors']['request']['use']>[0]
>;
type RequestConfig = Parameters<RequestInterceptor>[0];

export interface BitrixTransportOptions {
  /** No upload progress for this long while sending ⇒ abort with `WIDGET_STALLED`. Default 60 s. */
  readonly stallTimeoutMs?: number;
  /**
   * After the last body byte went out, how long to wait for the answer before `WIDGET_STALLED`.
   * The portal decodes and stores the file meanwhile; cloud's execution limit is 60 s (contract
   * §5.8). Default 120 s.
   */
  readonly responseTimeoutMs?: number;
  /**
   * How much earlier than the attempt's start (corrected to the server clock) a message may be
   * dated and still count in `findDelivery`. Covers the server's whole-second dates. Default 5 s.
   */
  readonly clockSkewMs?: number;
  /** Pages of 50 messages `findDelivery` reads at most, newest first. Default 3. */
  readonly maxHistoryPages?: number;
  readonly now?: () => number;
}

/** An {@link UploadTransport} that installed an axios interceptor; `dispose` removes it. */
export interface BitrixTransport extends UploadTransport {
  dispose(): void;
}

interface Registration {
  readonly placeholder: string;
  readonly content: Blob;
  readonly signal: AbortSignal;
  /** Called by the interceptor when a request (first send or the SDK's replay after 401) starts. */
  started(total: number): void;
  progress(loaded: number, total: number): void;
}

interface UploadResult {
  readonly file?: { readonly id?: unknown };
  readonly messageId?: unknown;
  readonly chatId?: unknown;
  readonly dialogId?: unknown;
}

interface HistoryMessage {
  readonly id: number;
  readonly chat_id?: number;
  readonly author_id: number;
  readonly date: string;
  /** `{FILE_ID: [ids]}`, or `[]` when empty (PHP, contract §5.7). */
  readonly params?: unknown;
}
interface HistoryFile {
  readonly id: number;
  readonly name: string;
  readonly size: number;
}
interface HistoryPage {
  readonly chat_id?: number;
  readonly messages?: readonly HistoryMessage[];
  readonly files?: readonly HistoryFile[] | Record<string, HistoryFile>;
}

const METHOD = 'im.v2.File.upload';
const HISTORY_PAGE = 50; // im.dialog.messages.get LIMIT maximum (contract §5.7)

function toInt(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function fileIdsOf(params: unknown): readonly unknown[] {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return [];
  const ids = (params as { FILE_ID?: unknown }).FILE_ID;
  return Array.isArray(ids) ? ids : [];
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `bx24_request_id` of an SDK request URL (abstract-http.ts `_prepareMethod`). */
function requestIdOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, 'http://relative.invalid/').searchParams.get('bx24_request_id');
  } catch {
    return null;
  }
}

function abortError(): DOMException {
  return new DOMException('Aborted', 'AbortError');
}

/**
 * Sends files with `im.v2.File.upload` through the SDK, so auth, token refresh (`refreshAuth` and
 * one replay) and error parsing stay the SDK's, while the body is streamed from a Blob:
 * the SDK gets a short placeholder as `fields.content`, and ONE request interceptor on the v2
 * axios instance (keyed by `bx24_request_id`) swaps in `Blob[jsonBefore, base64, jsonAfter]`
 * for registered uploads only, adds upload progress, the caller's abort, and a stall watchdog in
 * place of the SDK's 30 s total timeout (see /work/shared/sdk-upload-facts.md). The interceptor
 * also runs for the SDK's replay after `expired_token`, so the replay sends the file again, never
 * the placeholder. The frame must be started with {@link startFrame} so the SDK itself never
 * re-sends an upload.
 *
 * Outcomes never throw: every failure is an {@link UploadError} (`WIDGET_CANCELLED` when the
 * request's signal fired, `WIDGET_STALLED` when the watchdog fired, otherwise `mapB24Error`).
 *
 * @example
 * const transport = createBitrixTransport(b24);
 * const outcome = await transport.upload({ requestId, dialogId: 'chat5', name, message, content, signal, onProgress });
 */
export function createBitrixTransport(
  b24: TypeB24,
  options: BitrixTransportOptions = {},
): BitrixTransport {
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  const responseTimeoutMs = options.responseTimeoutMs ?? 120_000;
  const clockSkewMs = options.clockSkewMs ?? 5_000;
  const maxHistoryPages = Math.max(1, options.maxHistoryPages ?? 3);
  const now = options.now ?? Date.now;
  const registry = new Map<string, Registration>();
  const ajaxClient = b24.getHttpClient(ApiVersion.v2).ajaxClient;
  let currentUserId: Promise<number> | undefined;

  const interceptor = (config: RequestConfig): RequestConfig => {
    const requestId = requestIdOf(config.url);
    const registration = requestId === null ? undefined : registry.get(requestId);
    if (!registration) return config;
    const body = spliceUploadBody(config.data, registration.placeholder, registration.content);
    config.data = body;
    // transformRequest only sets the JSON type for plain objects; a Blob would go out untyped.
    config.headers.set('Content-Type', 'application/json');
    // The SDK's instance has a 30 s total timeout, too short for 140 MB on a slow uplink;
    // the watchdog below aborts a stalled request instead.
    config.timeout = 0;
    config.signal = registration.signal;
    config.onUploadProgress = (event) => registration.progress(event.loaded, body.size);
    registration.started(body.size);
    return config;
  };
  const interceptorId = ajaxClient.interceptors.request.use(interceptor);

  async function upload(request: UploadRequest): Promise<UploadOutcome> {
    if (request.signal.aborted)
      return { ok: false, error: { code: 'WIDGET_CANCELLED', origin: 'client' } };
    if (registry.has(request.requestId)) {
      return {
        ok: false,
        error: { code: 'WIDGET_INTERNAL', origin: 'client', detail: 'requestId already in flight' },
      };
    }
    const controller = new AbortController();
    let reason: 'cancelled' | 'stalled' | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let stallDetail = '';
    const arm = (ms: number, what: string): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        reason ??= 'stalled';
        stallDetail = `${what} for ${Math.round(ms / 1000)} s`;
        controller.abort();
      }, ms);
    };
    const onUserAbort = (): void => {
      reason ??= 'cancelled';
      controller.abort();
    };
    request.signal.addEventListener('abort', onUserAbort, { once: true });

    // Until the interceptor runs the request may wait in the SDK (its rate limiter, a token
    // refresh through the parent frame): a deadline from the call on, so that an upload that never
    // starts ends as WIDGET_STALLED instead of waiting forever. The stall timeout leaves a token
    // refresh (a few seconds) ample time.
    let requestStarted = false;
    arm(stallTimeoutMs, 'request not started');

    const placeholder = `chatdrop_${randomToken()}`;
    registry.set(request.requestId, {
      placeholder,
      content: request.content,
      signal: controller.signal,
      started(total) {
        requestStarted = true;
        request.onProgress(0, total);
        arm(stallTimeoutMs, 'no upload progress');
      },
      progress(loaded, total) {
        request.onProgress(loaded, total);
        if (loaded >= total) arm(responseTimeoutMs, 'no answer after the upload');
        else arm(stallTimeoutMs, 'no upload progress');
      },
    });

    const fields: Record<string, string> = { name: request.name, content: placeholder };
    if (request.message !== undefined && request.message !== '')
      fields['message'] = request.message;
    const call = b24.actions.v2.call.make<UploadResult>({
      method: METHOD,
      params: { dialogId: request.dialogId, fields },
      requestId: request.requestId,
    });
    // The registration must outlive the caller's cancel: a request that is still queued in the
    // SDK's rate limiter would otherwise go out with the placeholder as content.
    void call
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(watchdog);
        registry.delete(request.requestId);
        request.signal.removeEventListener('abort', onUserAbort);
      });
    const aborted = new Promise<'aborted'>((resolve) => {
      if (controller.signal.aborted) resolve('aborted');
      controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });

    const failure = (mapped: UploadError): UploadOutcome => {
      if (reason === 'cancelled')
        return { ok: false, error: { code: 'WIDGET_CANCELLED', origin: 'client' } };
      if (reason === 'stalled')
        return {
          ok: false,
          error: { code: 'WIDGET_STALLED', origin: 'transport', detail: stallDetail },
        };
      return { ok: false, error: mapped };
    };

    try {
      const answer = await Promise.race([call, aborted]);
      // A user's cancel ends the wait at once; a stall ends it when axios gives up the socket, or
      // at once when no request went out yet (the SDK may hold it indefinitely; the registration
      // stays until the call settles, so the interceptor hands axios the aborted signal then).
      if (answer === 'aborted') {
        if (reason === 'cancelled') return failure({ code: 'WIDGET_CANCELLED', origin: 'client' });
        if (!requestStarted) return failure({ code: 'WIDGET_STALLED', origin: 'transport' });
        return await call.then(
          () => failure({ code: 'WIDGET_STALLED', origin: 'transport' }),
          (error: unknown) => failure(mapB24Error(error)),
        );
      }
      if (!answer.isSuccess) return failure(mapB24Error(answer));
      const result = answer.getData()?.result;
      const fileId = toInt(result?.file?.id);
      const messageId = toInt(result?.messageId);
      const chatId = toInt(result?.chatId);
      if (fileId === undefined || messageId === undefined || chatId === undefined) {
        return {
          ok: false,
          error: {
            code: 'WIDGET_UNEXPECTED_ANSWER',
            origin: 'server',
            detail: 'im.v2.File.upload result without file.id/messageId/chatId',
          },
        };
      }
      const dialogId =
        typeof result?.dialogId === 'string' || typeof result?.dialogId === 'number'
          ? String(result.dialogId)
          : request.dialogId;
      return { ok: true, receipt: { fileId, messageId, chatId, dialogId } };
    } catch (error) {
      return failure(mapB24Error(error));
    } finally {
      clearTimeout(watchdog);
    }
  }

  function userId(): Promise<number> {
    currentUserId ??= callRest<{ ID?: unknown }>(b24, 'profile', {}).then(({ result }) => {
      const id = toInt(result.ID);
      if (id === undefined) throw new Error('[chat-drop] profile without ID');
      return id;
    });
    // Do not cache a failure: the next check asks again.
    currentUserId.catch(() => {
      currentUserId = undefined;
    });
    return currentUserId;
  }

  async function findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined> {
    const { signal } = query;
    if (signal?.aborted) throw abortError();
    const me = await userId();
    const excluded = new Set(query.excludeMessageIds ?? []);
    /** The oldest match so far: pages go newest first, so each later match is an earlier message. */
    let earliest: DeliveryReceipt | undefined;
    let lastId: number | undefined;
    for (let page = 0; page < maxHistoryPages; page++) {
      if (signal?.aborted) throw abortError();
      const params: Record<string, unknown> = { DIALOG_ID: query.dialogId, LIMIT: HISTORY_PAGE };
      if (lastId !== undefined) params['LAST_ID'] = lastId;
      const { result, serverDateStart } = await callRest<HistoryPage>(
        b24,
        'im.dialog.messages.get',
        params,
      );
      const answeredAt = now();
      // Message dates are server time. The answer's `time.date_start` (whole seconds, taken before
      // we read the answer) gives server − client, never over-estimated, so `threshold` can only be
      // early, never late: a true delivery is not missed because of clock differences.
      const serverStart = serverDateStart === undefined ? Number.NaN : Date.parse(serverDateStart);
      const offset = Number.isNaN(serverStart) ? 0 : serverStart - answeredAt;
      const threshold = query.since + offset - clockSkewMs;
      const files = Array.isArray(result.files) ? result.files : Object.values(result.files ?? {});
      const messages = result.messages ?? [];
      for (const message of messages) {
        if (toInt(message.author_id) !== me) continue;
        const messageId = toInt(message.id);
        // A message the engine already holds as another file's receipt is not this file's.
        if (messageId === undefined || excluded.has(messageId)) continue;
        const date = Date.parse(message.date);
        if (Number.isNaN(date) || date < threshold) continue;
        if (earliest && messageId > earliest.messageId) continue;
        const fileIds = fileIdsOf(message.params);
        for (const rawId of fileIds) {
          const fileId = toInt(rawId);
          const file = files.find((candidate) => toInt(candidate.id) === fileId);
          if (
            fileId !== undefined &&
            file &&
            typeof file.name === 'string' &&
            isSameUploadName(file.name, query.name) &&
            toInt(file.size) === query.size
          ) {
            // The earliest match after the attempt began is the likeliest to be this attempt's:
            // a later one is more likely a file sent after it (e.g. by another tab).
            const chatId = toInt(message.chat_id) ?? toInt(result.chat_id) ?? 0;
            earliest = { messageId, fileId, chatId, dialogId: query.dialogId };
            break;
          }
        }
      }
      // Newest first: stop once this page already reaches back before the attempt began.
      const ids = messages
        .map((message) => toInt(message.id))
        .filter((id): id is number => id !== undefined);
      const oldest = messages.at(-1);
      if (ids.length < HISTORY_PAGE || !oldest || Date.parse(oldest.date) < threshold)
        return earliest;
      lastId = Math.min(...ids);
    }
    return earliest;
  }

  return {
    upload,
    findDelivery,
    dispose() {
      ajaxClient.interceptors.request.eject(interceptorId);
    },
  };
}
