import { AjaxError, SdkError } from '@bitrix24/b24jssdk';
import type { ClientError, RemoteError, UploadError } from '../core/types.ts';
import { scrubSecrets } from '../core/scrubSecrets.ts';

/**
 * Codes this folder creates itself (the rest are Bitrix or SDK codes, kept verbatim).
 * - `WIDGET_CANCELLED`: the caller's AbortSignal fired.
 * - `WIDGET_STALLED`: no upload progress (or no answer after the body was sent) for too long;
 *   the file may or may not have arrived.
 * - `WIDGET_HTTP_ERROR`: an HTTP error whose body is not a Bitrix error (proxy page, 413/414).
 * - `WIDGET_UNEXPECTED_ANSWER`: a 200 answer without the fields the contract promises.
 * - `WIDGET_INTERNAL`: anything else thrown on the way (an SDK or widget bug), or an upload the
 *   interceptor refused to let leave (fail closed).
 * - `WIDGET_HTML_ANSWER`: a 200 `text/html` page (a login page) instead of the portal's JSON.
 * - `WIDGET_MAINTENANCE`: a 503 `text/html` page (maintenance).
 * - `WIDGET_PORTAL_FILE_LIMIT`: the portal's FILE_TOO_LARGE for a file under the widget's limit.
 */
export const BITRIX_WIDGET_CODES = [
  'WIDGET_CANCELLED',
  'WIDGET_STALLED',
  'WIDGET_HTTP_ERROR',
  'WIDGET_UNEXPECTED_ANSWER',
  'WIDGET_INTERNAL',
  'WIDGET_HTML_ANSWER',
  'WIDGET_MAINTENANCE',
  'WIDGET_PORTAL_FILE_LIMIT',
] as const;
export type BitrixWidgetCode = (typeof BITRIX_WIDGET_CODES)[number];

/** SDK transport codes (abstract-http.ts `_convertAxiosErrorToAjaxError`): no answer was read. */
const TRANSPORT_CODES = ['NETWORK_ERROR', 'REQUEST_TIMEOUT'] as const;

/**
 * The SDK's own codes a REST call can end with (`@bitrix24/b24jssdk` 2.2.0: abstract-http.ts
 * `_validateParams`, `call`, `_convertAxiosErrorToAjaxError`, `_convertUnknownErrorToAjaxError`;
 * ajax-error.ts `fromResponse`; ajax-result.ts `#processErrors`; frame/auth.ts `refreshAuth`).
 * They reach the engine verbatim.
 */
export const SDK_CALL_CODES = [
  'JSSDK_INVALID_PARAMS',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
  'JSSDK_UNKNOWN_ERROR',
  'JSSDK_INTERNAL_AJAX_ERROR',
  'JSSDK_RESPONSE_ERROR',
  'JSSDK_AXIOS_ERROR',
  'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
] as const;

/**
 * Every code this folder can hand to the engine that is not a Bitrix code read from a portal's
 * answer: its own ({@link BITRIX_WIDGET_CODES}), the SDK's transport codes and {@link SDK_CALL_CODES}.
 * core/errorPolicy.ts must have an entry for each (checked by test/unit/core/errorPolicy.test.ts).
 */
export const BITRIX_EMITTED_CODES = [
  ...BITRIX_WIDGET_CODES,
  ...TRANSPORT_CODES,
  ...SDK_CALL_CODES,
] as const;

interface ErrorLike {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly originalError: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Duck-typed too, in case two copies of the SDK end up in a bundle. */
function asSdkError(error: unknown): ErrorLike | undefined {
  if (
    error instanceof SdkError ||
    (error instanceof Error && (error.name === 'AjaxError' || error.name === 'SdkError'))
  ) {
    const record = error as unknown as Record<string, unknown>;
    const code = record['code'];
    const status = record['status'];
    return {
      code:
        typeof code === 'string' || typeof code === 'number' ? String(code) : 'JSSDK_UNKNOWN_ERROR',
      status: typeof status === 'number' ? status : 0,
      message: error.message,
      originalError: record['originalError'],
    };
  }
  return undefined;
}

function isAbort(error: unknown): boolean {
  if (!isRecord(error)) return false;
  return (
    error['name'] === 'AbortError' ||
    error['name'] === 'CanceledError' ||
    error['code'] === 'ERR_CANCELED'
  );
}

/** An error of the widget's own making: no answer from the portal or the network decided it. */
function client(code: BitrixWidgetCode, detail: string | undefined): ClientError {
  return detail === undefined
    ? { code, origin: 'client' }
    : { code, origin: 'client', detail: scrubSecrets(detail) };
}

/** An error the portal's answer (`server`) or the way to it (`transport`: network, SDK) decided. */
function make(
  code: string,
  origin: RemoteError['origin'],
  status: number | undefined,
  detail: string | undefined,
): RemoteError {
  const error: { code: string; origin: RemoteError['origin']; status?: number; detail?: string } = {
    code,
    origin,
  };
  if (status !== undefined && status > 0) error.status = status;
  if (detail !== undefined && detail !== '') error.detail = scrubSecrets(detail);
  return error;
}

/** The HTTP answer an axios error carried, if any (`AxiosError.response`). */
function responseOf(original: unknown): { status: number; data: unknown } | undefined {
  if (!isRecord(original) || !isRecord(original['response'])) return undefined;
  const response = original['response'];
  const status = response['status'];
  return { status: typeof status === 'number' ? status : 0, data: response['data'] };
}

function fromSdkError(error: ErrorLike): UploadError {
  const { code, status, message } = error;
  if (code === 'ERR_CANCELED') return client('WIDGET_CANCELLED', undefined);
  if ((TRANSPORT_CODES as readonly string[]).includes(code))
    return make(code, 'transport', status, message);
  if (code === 'JSSDK_UNKNOWN_ERROR') {
    // abstract-http.ts wraps anything that is neither an AjaxError nor an AxiosError — e.g. the
    // SdkError of a failed token refresh (JSSDK_FRAME_REFRESH_AUTH_TIMEOUT) — in this code; the
    // wrapped code says more (a refresh failure means the request was refused, not lost).
    const inner = asSdkError(error.originalError);
    if (inner && inner.code.startsWith('JSSDK_') && inner.code !== code) return fromSdkError(inner);
  }
  // The SDK's own codes: decided on the way to the portal, not by the widget (not its codes).
  if (code.startsWith('JSSDK_')) return make(code, 'transport', status, message);
  if (code.startsWith('ERR_') || code === 'ECONNABORTED') {
    // axios' own codes: the SDK could not read a Bitrix error out of the body. A numeric code
    // (`{"error":100,...}`, engine-controller binder errors, contract §3.4) is one it skips.
    const response = responseOf(error.originalError);
    if (response && isRecord(response.data) && typeof response.data['error'] === 'number') {
      const description = response.data['error_description'];
      return make(
        String(response.data['error']),
        'server',
        response.status,
        typeof description === 'string' ? description : message,
      );
    }
    if (response && response.status > 0)
      return make('WIDGET_HTTP_ERROR', 'server', response.status, message);
    return make('NETWORK_ERROR', 'transport', undefined, `${code}: ${message}`);
  }
  // Node's socket errors (ECONNRESET, ECONNREFUSED, ...) reach the SDK as codes of their own when
  // it runs outside a browser; a browser reports all of them as axios ERR_NETWORK.
  if (status === 0 && /^E[A-Z_]+$/.test(code))
    return make('NETWORK_ERROR', 'transport', undefined, `${code}: ${message}`);
  // A Bitrix code verbatim (FILE_TOO_LARGE, expired_token, QUERY_LIMIT_EXCEEDED, ...).
  return make(code, status > 0 ? 'server' : 'transport', status, message);
}

/**
 * Turns whatever a `$b24` call threw or returned as failed into an {@link UploadError}:
 * `AjaxError`/`SdkError` (code verbatim, HTTP status, `error_description` → `detail`), a failed
 * `AjaxResult` (its first error), a bare axios error, an abort (`WIDGET_CANCELLED`), or anything
 * else (`WIDGET_INTERNAL`). `detail` is scrubbed of token-like text; it never carries params
 * (the SDK's `requestInfo` is ignored on purpose: it holds the request body).
 *
 * @example
 * try { await b24.actions.v2.call.make({ method, params }) } catch (e) { state.error = mapB24Error(e) }
 */
export function mapB24Error(error: unknown): UploadError {
  if (isAbort(error)) return client('WIDGET_CANCELLED', undefined);
  if (error instanceof AjaxError || asSdkError(error)) return fromSdkError(asSdkError(error)!);
  if (isRecord(error) && typeof error['getErrors'] === 'function') {
    // A failed AjaxResult (200 with an `error` field, or a "soft" code).
    const errors = (error as { getErrors(): Iterable<unknown> }).getErrors();
    for (const first of errors) return mapB24Error(first);
    return make('WIDGET_UNEXPECTED_ANSWER', 'server', undefined, 'failed result without errors');
  }
  if (isRecord(error) && error['isAxiosError'] === true) {
    const code = typeof error['code'] === 'string' ? error['code'] : 'ERR_UNKNOWN';
    const message = typeof error['message'] === 'string' ? error['message'] : '';
    if (code === 'ERR_NETWORK') return make('NETWORK_ERROR', 'transport', undefined, message);
    const response = responseOf(error);
    if (response && isRecord(response.data) && typeof response.data['error'] === 'string') {
      const description = response.data['error_description'];
      return make(
        response.data['error'],
        'server',
        response.status,
        typeof description === 'string' ? description : message,
      );
    }
    return fromSdkError({ code, status: response?.status ?? 0, message, originalError: error });
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return client('WIDGET_INTERNAL', detail);
}
