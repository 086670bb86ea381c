import type { MessageKey } from '../i18n/Messages.ts';

/**
 * The portal never finished starting this frame, or its session cannot be used: opening the app
 * again from the chat makes the portal send a fresh `getInitData` with new tokens
 * (docs/portal-reference.md §1, §2.6; the SDK asks for it once per page and never again).
 */
const REOPEN_CODES: ReadonlySet<string> = new Set([
  'WIDGET_FRAME_TIMEOUT',
  'NO_AUTH_FOUND',
  'expired_token',
  'invalid_token',
  'INVALID_CREDENTIALS',
  'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
]);

/**
 * The portal refused the app itself (its access, its scopes, how it is registered): reopening
 * does not help, an administrator reinstalling the app does (core/errorPolicy.ts sends the same
 * codes to `ask-admin`).
 */
const REINSTALL_CODES: ReadonlySet<string> = new Set([
  'ACCESS_DENIED',
  'user_access_error',
  'insufficient_scope',
  'WRONG_AUTH_TYPE',
  'INVALID_REQUEST',
  'invalid_client',
  'WRONG_CLIENT',
]);

/**
 * The localized reason and next step for a start failure's code. Unknown codes get the generic
 * text, which says to reload. The code itself never goes into the sentence (App shows it under
 * Details).
 */
export function startFailureAdvice(code: string): MessageKey {
  if (REOPEN_CODES.has(code)) return 'startFailedReopen';
  if (REINSTALL_CODES.has(code)) return 'startFailedReinstall';
  return 'startFailed';
}
