import type { UploadError } from './types.ts';

/**
 * The one table that decides, for every error code the widget can meet, what the user sees and
 * what the engine does next. Sources for the codes: docs/portal-reference.md §3.4
 * (system errors), §4.2 (`im.v2.File.upload`), §3.5 (the SDK's own codes); the imbot-style
 * `FILE_*` spellings come from `imbot.v2.File.upload`, and `INVALID_CONTENT` from an earlier
 * revision of the im.v2 docs (STYLE.md §4: handle every spelling).
 *
 * Over 300 lines on purpose: it is one table (codes, message keys, policies) that must stay in one
 * place to be complete by type (`satisfies Record<ErrorCode, ErrorPolicy>`); splitting it would
 * scatter the single answer to "what happens after this error".
 */

/** How a failure may be retried. `auto-backoff` = the engine waits (phase `waiting`) and resends. */
export const RETRY_MODES = ['offer', 'none', 'auto-backoff'] as const;
export type RetryMode = (typeof RETRY_MODES)[number];

/**
 * `failed` = the portal refused the request, the file is not in the chat. `unknown` = the request
 * may have been processed (timeouts, dropped connections, 5xx): the file may be in the chat, so the
 * engine checks with `findDelivery` and never resends on its own.
 */
export const OUTCOMES = ['failed', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the user can do about it; the UI translates each into a short hint. */
export const NEXT_STEPS = [
  'retry',
  'wait',
  'check-chat',
  'ask-admin',
  'pick-smaller',
  'pick-another',
  'pick-chat',
  'rename',
  'reopen',
  'none',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** The i18n keys of the user-facing reasons; i18n packs type-check against this list. */
export const ERROR_MESSAGE_KEYS = [
  'error_chatNotFound',
  'error_accessDenied',
  'error_fileEmpty',
  'error_invalidContent',
  'error_fileTooLarge',
  'error_folder',
  'error_uploadFailed',
  'error_sendFailed',
  'error_methodNotFound',
  'error_session',
  'error_scope',
  'error_appAccess',
  'error_appConfig',
  'error_rateLimit',
  'error_operatingLimit',
  'error_overloadBlocked',
  'error_server',
  'error_request',
  'error_requestTooLarge',
  'error_portalDeleted',
  'error_network',
  'error_timeout',
  'error_unexpectedAnswer',
  'error_readFailed',
  'error_encodeFailed',
  'error_nameInvalid',
  'error_stalled',
  'error_htmlAnswer',
  'error_maintenance',
  'error_portalFileLimit',
  'error_notInChat',
  'error_folderUnsupported',
  'error_noFiles',
  'error_unknown',
] as const;
export type ErrorMessageKey = (typeof ERROR_MESSAGE_KEYS)[number];

/** What the policy table says about one code. */
export interface ErrorPolicy {
  readonly messageKey: ErrorMessageKey;
  readonly retry: RetryMode;
  readonly outcome: Outcome;
  readonly nextStep: NextStep;
  /**
   * With `retry: 'auto-backoff'`: how many automatic resends in a row this code allows before the
   * file fails (and a retry is offered). Absent = no limit of patience (rate limits: the portal
   * always recovers, issue 3), bounded only by the engine's `maxAutoResends` option.
   */
  readonly maxAutoRetries?: number;
}

/** Every code the table knows. A code missing from {@link ERROR_POLICIES} fails type-checking. */
export const ERROR_CODES = [
  // im.v2.File.upload (docs/portal-reference.md §4.2) and their other spellings
  'CHAT_NOT_FOUND',
  'ACCESS_DENIED',
  'FILE_EMPTY',
  'FILE_INVALID_CONTENT',
  'INVALID_CONTENT',
  'FILE_TOO_LARGE',
  'FOLDER_ERROR',
  'UPLOAD_FAILED',
  'SEND_FAILED',
  'FILE_FOLDER_ERROR',
  'FILE_UPLOAD_FAILED',
  'FILE_SEND_FAILED',
  // platform (docs/portal-reference.md §3.4)
  'ERROR_METHOD_NOT_FOUND',
  'NO_AUTH_FOUND',
  'expired_token',
  'invalid_token',
  'insufficient_scope',
  'INVALID_CREDENTIALS',
  'user_access_error',
  'WRONG_AUTH_TYPE',
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'OVERLOAD_LIMIT',
  'INVALID_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'ERROR_CORE',
  'ERROR_ARGUMENT',
  '100',
  'PORTAL_DELETED',
  // SDK and transport (docs/portal-reference.md §3.5; axios codes)
  'NETWORK_ERROR',
  'REQUEST_TIMEOUT',
  'JSSDK_UNKNOWN_ERROR',
  'ERR_BAD_REQUEST',
  'ERR_BAD_RESPONSE',
  'ERROR_UNEXPECTED_ANSWER',
  // the SDK's own codes on the REST call path (abstract-http.ts, ajax-error.ts, ajax-result.ts,
  // frame/auth.ts of @bitrix24/b24jssdk 2.2.0)
  'JSSDK_INVALID_PARAMS',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
  'JSSDK_INTERNAL_AJAX_ERROR',
  'JSSDK_RESPONSE_ERROR',
  'JSSDK_AXIOS_ERROR',
  'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
  // the widget's own
  'WIDGET_READ_FAILED',
  'WIDGET_ENCODE_FAILED',
  'WIDGET_NAME_INVALID',
  'WIDGET_STALLED',
  'WIDGET_NOT_IN_CHAT',
  'WIDGET_FOLDER_UNSUPPORTED',
  'WIDGET_NO_FILES',
  'WIDGET_UNKNOWN',
  'WIDGET_PORT_TIMEOUT',
  // the widget's own, created by src/bitrix (mapB24Error.ts `BITRIX_WIDGET_CODES`)
  'WIDGET_CANCELLED',
  'WIDGET_HTTP_ERROR',
  'WIDGET_UNEXPECTED_ANSWER',
  'WIDGET_INTERNAL',
  'WIDGET_HTML_ANSWER',
  'WIDGET_MAINTENANCE',
  'WIDGET_PORTAL_FILE_LIMIT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** The widget's own codes: a literal union, so a misspelt one fails type-checking. */
export type WidgetCode = Extract<ErrorCode, `WIDGET_${string}`>;

function refused(messageKey: ErrorMessageKey, retry: RetryMode, nextStep: NextStep): ErrorPolicy {
  return { messageKey, retry, outcome: 'failed', nextStep };
}

function maybeDelivered(messageKey: ErrorMessageKey): ErrorPolicy {
  // The request may have been processed: check the chat before anyone resends.
  return { messageKey, retry: 'offer', outcome: 'unknown', nextStep: 'check-chat' };
}

/** The policy of every known code. */
export const ERROR_POLICIES = {
  // Checked before anything is stored (docs/portal-reference.md §4.2 rows 2–6): the file is not in the chat.
  CHAT_NOT_FOUND: refused('error_chatNotFound', 'none', 'pick-chat'),
  // Not a member of the chat, or REST not available on the plan (STYLE.md §4).
  ACCESS_DENIED: refused('error_accessDenied', 'none', 'ask-admin'),
  FILE_EMPTY: refused('error_fileEmpty', 'none', 'pick-another'),
  // Our own encoding was refused: the file may have changed while it was read; reading it again may help.
  FILE_INVALID_CONTENT: refused('error_invalidContent', 'offer', 'retry'),
  INVALID_CONTENT: refused('error_invalidContent', 'offer', 'retry'),
  FILE_TOO_LARGE: refused('error_fileTooLarge', 'none', 'pick-smaller'),
  // Rows 7–9: the portal reports these as refusals (400); nothing usable reached the chat.
  // SEND_FAILED may leave an orphan file on the portal's disk, but no message in the chat.
  FOLDER_ERROR: refused('error_folder', 'offer', 'retry'),
  UPLOAD_FAILED: refused('error_uploadFailed', 'offer', 'retry'),
  SEND_FAILED: refused('error_sendFailed', 'offer', 'retry'),
  FILE_FOLDER_ERROR: refused('error_folder', 'offer', 'retry'),
  FILE_UPLOAD_FAILED: refused('error_uploadFailed', 'offer', 'retry'),
  FILE_SEND_FAILED: refused('error_sendFailed', 'offer', 'retry'),
  // Platform checks run before the method (docs/portal-reference.md §3.4 "processing order"): always refusals.
  ERROR_METHOD_NOT_FOUND: refused('error_methodNotFound', 'none', 'ask-admin'),
  NO_AUTH_FOUND: refused('error_session', 'none', 'reopen'),
  // The SDK already refreshed once and replayed (docs/portal-reference.md §3.5). The portal refused before
  // processing, so resending cannot duplicate the file: the engine resends after a short wait (the
  // next refresh usually works), a few times only — a portal that keeps refusing fresh tokens will
  // not change its mind, and the user must reopen the chat.
  expired_token: { ...refused('error_session', 'auto-backoff', 'reopen'), maxAutoRetries: 3 },
  invalid_token: refused('error_session', 'none', 'reopen'),
  insufficient_scope: refused('error_scope', 'none', 'ask-admin'),
  INVALID_CREDENTIALS: refused('error_session', 'none', 'reopen'),
  user_access_error: refused('error_appAccess', 'none', 'ask-admin'),
  WRONG_AUTH_TYPE: refused('error_appConfig', 'none', 'ask-admin'),
  // Refused before processing (limits.md), so an automatic resend cannot duplicate a file.
  QUERY_LIMIT_EXCEEDED: refused('error_rateLimit', 'auto-backoff', 'wait'),
  // The method is blocked for the whole app until its used operating time expires (429,
  // docs/portal-reference.md §7.3): the engine pauses the method (decideAfterFailure.ts).
  OPERATION_TIME_LIMIT: refused('error_operatingLimit', 'auto-backoff', 'wait'),
  // A manual block set by Bitrix24 support (§7.3): retrying does not help, an administrator must
  // contact support.
  // The reason already names who acts (an administrator, with Bitrix24 support): no second hint.
  OVERLOAD_LIMIT: refused('error_overloadBlocked', 'none', 'none'),
  INVALID_REQUEST: refused('error_appConfig', 'none', 'ask-admin'),
  INTERNAL_SERVER_ERROR: maybeDelivered('error_server'),
  // A generic core failure; 500 for database failures (docs/portal-reference.md §3.4) — possibly after storing.
  ERROR_CORE: maybeDelivered('error_server'),
  ERROR_ARGUMENT: refused('error_request', 'none', 'reopen'),
  // Engine binder: a parameter is missing or has the wrong type (docs/portal-reference.md §3.4); a widget bug.
  '100': refused('error_request', 'none', 'reopen'),
  PORTAL_DELETED: refused('error_portalDeleted', 'none', 'none'),
  // The connection failed or timed out: the body may have reached the portal.
  NETWORK_ERROR: maybeDelivered('error_network'),
  REQUEST_TIMEOUT: maybeDelivered('error_timeout'),
  // The SDK could not read a response (e.g. a 200 without `time`, docs/portal-reference.md §3.3): it may be a success.
  JSSDK_UNKNOWN_ERROR: maybeDelivered('error_unexpectedAnswer'),
  // axios: a 4xx whose error code was not a string (e.g. the binder's numeric 100).
  ERR_BAD_REQUEST: refused('error_request', 'none', 'reopen'),
  // axios: a 5xx without a readable code.
  ERR_BAD_RESPONSE: maybeDelivered('error_server'),
  ERROR_UNEXPECTED_ANSWER: maybeDelivered('error_unexpectedAnswer'),
  // The file could not be read (moved, deleted or changed on disk after it was picked).
  // No Retry: it would read the same snapshot of the file, which the browser keeps refusing once
  // the file changed on disk; picking it again ("Add again") takes a fresh one.
  WIDGET_READ_FAILED: refused('error_readFailed', 'none', 'pick-another'),
  WIDGET_ENCODE_FAILED: refused('error_encodeFailed', 'offer', 'reopen'),
  WIDGET_NAME_INVALID: refused('error_nameInvalid', 'none', 'rename'),
  // No upload progress for too long; the request was aborted, but its body may have arrived.
  WIDGET_STALLED: maybeDelivered('error_stalled'),
  WIDGET_NOT_IN_CHAT: refused('error_notInChat', 'none', 'pick-chat'),
  WIDGET_FOLDER_UNSUPPORTED: refused('error_folderUnsupported', 'none', 'pick-another'),
  WIDGET_NO_FILES: refused('error_noFiles', 'none', 'pick-another'),
  // Something unexpected happened while sending: assume the worst (the file may be there).
  WIDGET_UNKNOWN: maybeDelivered('error_unknown'),
  // A port (the transport) never settled within the engine's generous deadline: it broke its
  // contract, and the body may have arrived (createUploadQueue.ts DEFAULT_PORT_DEADLINE_MS).
  WIDGET_PORT_TIMEOUT: maybeDelivered('error_stalled'),
  // The transport's signal fired. The engine handles a user's cancel itself; any other abort may
  // have come after the whole body was sent, so the chat is checked before anything is resent.
  WIDGET_CANCELLED: maybeDelivered('error_unknown'),
  // An HTTP error without a Bitrix body (a proxy's page). A 5xx may come after the portal stored
  // the file; 4xx answers are refusals (see `policyFor`).
  WIDGET_HTTP_ERROR: maybeDelivered('error_server'),
  // A 200 answer without file.id/messageId/chatId: the upload most likely worked.
  WIDGET_UNEXPECTED_ANSWER: maybeDelivered('error_unexpectedAnswer'),
  // Something thrown on the way (an SDK or widget bug), possibly after the body was sent.
  WIDGET_INTERNAL: maybeDelivered('error_unknown'),
  // Parameters the SDK cannot serialize: refused before anything was sent (a widget bug).
  JSSDK_INVALID_PARAMS: refused('error_request', 'none', 'reopen'),
  // Only reachable with maxRetries > 1 (startFrame uses 1); the last attempt may have landed.
  JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED: maybeDelivered('error_unknown'),
  // An HTTP error whose body has no `error` field (ajax-error.ts fromResponse): after the send.
  JSSDK_INTERNAL_AJAX_ERROR: maybeDelivered('error_server'),
  // A 200 answer with an unreadable error payload: the portal did answer, possibly after storing.
  JSSDK_RESPONSE_ERROR: maybeDelivered('error_unexpectedAnswer'),
  // An axios error without a code (abstract-http.ts): nothing says the body did not arrive.
  JSSDK_AXIOS_ERROR: maybeDelivered('error_network'),
  // The parent frame did not hand out a fresh token (frame/auth.ts refreshAuth): the request that
  // needed it had been refused with expired_token, so the file is not in the chat.
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: refused('error_session', 'offer', 'reopen'),
  // A web page instead of the portal's JSON with status 200 (an SSO or proxy login page): the
  // REST method never ran, so the file is not in the chat; sending again once signed in works.
  // The reason already says to sign in and try again; Retry is the button.
  WIDGET_HTML_ANSWER: refused('error_htmlAnswer', 'offer', 'none'),
  // A 503 web page (maintenance): answered in front of PHP, nothing stored; the portal comes back.
  WIDGET_MAINTENANCE: refused('error_maintenance', 'auto-backoff', 'wait'),
  // The portal's own FILE_TOO_LARGE for a file under 100 MB: this portal's limit is lower.
  WIDGET_PORTAL_FILE_LIMIT: refused('error_portalFileLimit', 'none', 'ask-admin'),
} as const satisfies Record<ErrorCode, ErrorPolicy>;

/**
 * Policies of `WIDGET_HTTP_ERROR` (an HTTP error without a Bitrix body) by status, where the status
 * says more than "a 4xx refusal". 413: a body limit in front of the portal (a proxy's, or the web
 * server's, e.g. nginx `client_max_body_size`; the portal itself accepts bodies of ~140 MB,
 * docs/portal-reference.md §4.3) refused the request before the method ran. The same file
 * will be refused again, so no retry is offered.
 */
export const HTTP_STATUS_POLICIES = {
  413: refused('error_requestTooLarge', 'none', 'pick-smaller'),
} as const satisfies Record<number, ErrorPolicy>;

function httpStatusPolicy(status: number): ErrorPolicy | undefined {
  return Object.hasOwn(HTTP_STATUS_POLICIES, status)
    ? HTTP_STATUS_POLICIES[status as keyof typeof HTTP_STATUS_POLICIES]
    : undefined;
}

const BY_UPPER_CASE: ReadonlyMap<string, ErrorPolicy> = new Map(
  ERROR_CODES.map((code) => [code.toUpperCase(), ERROR_POLICIES[code]]),
);

/** True when `code` is in the table (exact spelling). */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_POLICIES, code);
}

/**
 * The policy for an error, for any code, including ones the table has never seen.
 *
 * - Known codes: the table's entry (an exact match first, then case-insensitive, since both
 *   `expired_token` and upper-case spellings exist).
 * - Unknown codes with a 5xx status, or from the transport layer (the request may have reached
 *   the portal): outcome `unknown`, check the chat.
 * - Other unknown codes: a refusal with a retry offered.
 * - `WIDGET_HTTP_ERROR` with a 4xx status: a refusal (a proxy's answer), not an unknown outcome;
 *   413 (a body limit) offers no retry ({@link HTTP_STATUS_POLICIES}).
 * - After an unknown outcome was checked (`error.deliveryCheck`): `not-found` makes it a failure
 *   with a retry offered that still points to the chat; `failed` keeps it unknown.
 *
 * @example
 * policyFor({ code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 }).retry // 'auto-backoff'
 */
export function policyFor(error: UploadError): ErrorPolicy {
  const code = String(error.code);
  const known = isKnownErrorCode(code)
    ? ERROR_POLICIES[code]
    : BY_UPPER_CASE.get(code.toUpperCase());
  const status = error.status ?? 0;
  let base: ErrorPolicy =
    known ??
    (status >= 500 || error.origin === 'transport'
      ? maybeDelivered('error_server')
      : refused('error_unknown', 'offer', 'retry'));
  if (code === 'WIDGET_HTTP_ERROR' && status >= 400 && status < 500) {
    // A proxy or the web server refused the request (413 body too large, 414, 403 WAF): the
    // portal never ran the method. 413 has its own entry: a retry would be refused again.
    base = httpStatusPolicy(status) ?? refused('error_request', 'offer', 'retry');
  }
  if (error.deliveryCheck === 'not-found' && base.outcome === 'unknown') {
    // The chat showed no such file when checked. That is not proof: a portal still decoding a
    // stalled upload posts it later. So the user may resend, but is told to look first (issue 3:
    // never resend an unknown outcome on our own; a file lands at most once per user action).
    return { ...base, outcome: 'failed', retry: 'offer', nextStep: 'check-chat' };
  }
  if (error.deliveryCheck === 'failed') {
    return { ...base, outcome: 'unknown', retry: 'offer', nextStep: 'check-chat' };
  }
  return base;
}

/** True when the file may be in the chat despite the error: never resend it automatically. */
export function isUnknownOutcome(error: UploadError): boolean {
  return policyFor(error).outcome === 'unknown';
}

/**
 * Codes that say this user can no longer post to the chat (removed from it, or the chat is gone;
 * the portal may answer either code with status 400 or 403, docs/portal-reference.md §7.7). The
 * engine stops the chat's other files instead of sending each one to be refused.
 */
export const CHAT_GONE_CODES: readonly ErrorCode[] = ['ACCESS_DENIED', 'CHAT_NOT_FOUND'];

/** True when the portal refused because access to the chat is gone (see {@link CHAT_GONE_CODES}). */
export function isChatGone(error: UploadError): boolean {
  return error.origin === 'server' && (CHAT_GONE_CODES as readonly string[]).includes(error.code);
}
