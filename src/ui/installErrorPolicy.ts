import type { InstallError } from '../core/installTypes.ts';
import { REQUIRED_SCOPES } from '../core/installTypes.ts';
import type { InstallMessageKey } from '../i18n/installMessages.ts';
import type { InstallTranslate } from './InstallTranslate.ts';

/**
 * The portal's and the SDK's codes an install can fail with that get their own explanation
 * (b24restdocs: `placement.bind` and `app.info` errors, the OAuth errors, the SDK's frame
 * auth timeout). Any other code gets `error.generic`; the code itself is in the details.
 */
export const INSTALL_ERROR_CODES = [
  'ACCESS_DENIED',
  'user_access_error',
  'insufficient_scope',
  'WRONG_AUTH_TYPE',
  'ERROR_WRONG_HANDLER_URL',
  'ERROR_UNSUPPORTED_PROTOCOL',
  'expired_token',
  'invalid_token',
  'NO_AUTH_FOUND',
  'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
  'QUERY_LIMIT_EXCEEDED',
  'OPERATION_TIME_LIMIT',
  'OVERLOAD_LIMIT',
] as const;
export type InstallErrorCode = (typeof INSTALL_ERROR_CODES)[number];

/** The sentence for each known code: complete by type, like core's upload error policies. */
export const INSTALL_ERROR_POLICIES = {
  ACCESS_DENIED: 'error.ACCESS_DENIED',
  user_access_error: 'error.ACCESS_DENIED',
  insufficient_scope: 'error.scope',
  WRONG_AUTH_TYPE: 'error.WRONG_AUTH_TYPE',
  ERROR_WRONG_HANDLER_URL: 'error.handler',
  ERROR_UNSUPPORTED_PROTOCOL: 'error.handler',
  expired_token: 'error.auth',
  invalid_token: 'error.auth',
  NO_AUTH_FOUND: 'error.auth',
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: 'error.auth',
  QUERY_LIMIT_EXCEEDED: 'error.busy',
  OPERATION_TIME_LIMIT: 'error.busy',
  OVERLOAD_LIMIT: 'error.busy',
} as const satisfies Record<InstallErrorCode, InstallMessageKey>;

function isInstallErrorCode(code: string): code is InstallErrorCode {
  return Object.hasOwn(INSTALL_ERROR_POLICIES, code);
}

const quoted = (scopes: readonly string[]): string =>
  scopes.map((scope) => `"${scope}"`).join(', ');

/**
 * The localized explanation for an install failure; the code and portal text go to the details.
 * Missing scopes are named when known; a failure to reach the portal is said as such whatever
 * its code.
 */
export function describeInstallError(
  error: InstallError | undefined,
  handler: string,
  t: InstallTranslate,
): string {
  if (!error) return t('error.generic');
  if (error.missingScopes && error.missingScopes.length > 0) {
    return t('error.scope', { scopes: quoted(error.missingScopes) });
  }
  if (error.origin === 'transport') return t('error.transport');
  const key = isInstallErrorCode(error.code) ? INSTALL_ERROR_POLICIES[error.code] : 'error.generic';
  return t(key, { handler, scopes: quoted(REQUIRED_SCOPES) });
}
