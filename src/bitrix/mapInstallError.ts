import type { InstallError } from '../core/installTypes.ts';
import { scrubSecrets } from '../core/scrubSecrets.ts';

/** SDK codes for a request that never got an HTTP answer (SDK `core/http/abstract-http`). */
const TRANSPORT_CODES: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'REQUEST_TIMEOUT']);

/**
 * Turns what the SDK threw (an `AjaxError`/`SdkError`: `code`, `status`, `message` = the portal's
 * `error_description`) or anything else into an {@link InstallError}. Never includes request
 * parameters: the SDK's `requestInfo` may hold the token. `detail` goes through
 * {@link scrubSecrets} (as in mapB24Error): token-like text removed, length capped, since a
 * portal's or proxy's message may echo the request.
 */
export function mapInstallError(error: unknown): InstallError {
  if (error !== null && typeof error === 'object') {
    const record = error as { code?: unknown; status?: unknown; message?: unknown };
    const code = typeof record.code === 'string' && record.code !== '' ? record.code : undefined;
    const status = typeof record.status === 'number' ? record.status : undefined;
    const detail =
      typeof record.message === 'string' && record.message !== ''
        ? scrubSecrets(record.message)
        : undefined;
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
  return { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: scrubSecrets(String(error)) };
}
