import type { TypeB24 } from '@bitrix24/b24jssdk';
import type { UploadError } from '../core/types.ts';
import { mapB24Error } from './mapB24Error.ts';

export interface FreshAuthOptions {
  /**
   * Upload speed to plan with, bytes per second: the lower of the assumed speed and the speed
   * last measured (a slow uplink must not make a long upload outlive its token).
   */
  readonly bytesPerSecond: () => number;
  /** Kept on top of the estimate: the portal decodes and stores after the body arrived. Ms. */
  readonly marginMs: number;
  /** A `refreshAuth` that does not answer within this long fails the upload. Ms. */
  readonly refreshTimeoutMs: number;
  readonly now: () => number;
}

/**
 * Makes sure the access token outlives an upload of `bodyBytes`, so a long upload is never sent
 * only to be refused with `expired_token` after its whole body arrived (auth is checked when the
 * request reaches PHP; the SDK then replays the whole body). Refreshes through the parent frame
 * when the token would expire before the upload is likely done; concurrent callers share one
 * refresh. Resolves `undefined` when the token is fresh enough, else the error the upload ends
 * with (nothing was sent, the file stays retryable): `JSSDK_FRAME_REFRESH_AUTH_TIMEOUT` when the
 * parent frame never answers (a failed refresh shows an alert in the portal and sends no reply).
 */
export function createAuthFreshener(
  b24: TypeB24,
  options: FreshAuthOptions,
): (bodyBytes: number) => Promise<UploadError | undefined> {
  let pending: Promise<UploadError | undefined> | undefined;

  const refresh = async (): Promise<UploadError | undefined> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.refreshTimeoutMs);
    });
    try {
      const answer = await Promise.race([b24.auth.refreshAuth(), timeout]);
      if (answer !== 'timeout') return undefined;
      return {
        code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
        origin: 'transport',
        detail: `refreshAuth did not answer in ${Math.round(options.refreshTimeoutMs / 1000)} s`,
      };
    } catch (error) {
      return mapB24Error(error);
    } finally {
      clearTimeout(timer);
    }
  };

  return async (bodyBytes) => {
    const auth = b24.auth.getAuthData();
    const expiresAt = auth === false ? 0 : auth.expires * 1000;
    const needed = (bodyBytes / Math.max(1, options.bytesPerSecond())) * 1000 + options.marginMs;
    if (expiresAt - options.now() > needed) return undefined;
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
