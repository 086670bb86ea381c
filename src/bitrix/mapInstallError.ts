import type { InstallError } from './installTypes.ts';

/** SDK codes for a request that never got an HTTP answer (SDK `core/http/abstract-http`). */
const TRANSPORT_CODES: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'REQUEST_TIMEOUT']);

/**
 * Turns what the SDK threw (an `AjaxError`/`SdkError`: `code`, `status`, `message` = the portal's
 * `error_description`) or anything else into an {@link InstallError}. Never includes request
 * parameters: the SDK's `requestInfo` may hold the token.
 */
export function mapInstallError(error: unknown): InstallError {
  if (error !== null && typeof error === 'object') {
    const record = error as { code?: unknown; status?: unknown; message?: unknown };
    const code = typeof record.code === 'string' && record.code !== '' ? record.code : undefined;
    const status = typeof record.status === 'number' ? record.status : undefined;
    const detail = typeof record.message === 'string' ? record.message : undefined;
    if (code) {
      const transport = TRANSPORT_CODES.has(code) || status === 0;
      return {
        code,
        origin: transport ? 'transport' : 'server',
        ...(status !== undefined && status !== 0 ? { status } : {}),
        ...(detail ? { detail } : {}),
      };
    }
    return { code: 'WIDGET_INSTALL_FAILED', origin: 'client', ...(detail ? { detail } : {}) };
  }
  return { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: String(error) };
}
