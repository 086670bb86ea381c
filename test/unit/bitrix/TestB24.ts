import {
  AbstractB24,
  ApiVersion,
  HttpV2,
  type AuthActions,
  type AuthData,
} from '@bitrix24/b24jssdk';
import { SINGLE_ATTEMPT_RESTRICTIONS } from '../../../src/bitrix/startFrame.ts';

/**
 * The SDK's real REST client (HttpV2 + axios, Node http adapter) with the restrictions the widget
 * starts the frame with. Only the parent frame (postMessage, which cannot run in Node) is replaced
 * by {@link AuthActions} that hand out tokens the way the portal's parent page would.
 */
export class TestB24 extends AbstractB24 {
  readonly #auth: AuthActions;
  constructor(auth: AuthActions) {
    super();
    this._httpV2 = new HttpV2(auth, null, SINGLE_ATTEMPT_RESTRICTIONS);
    this._isInit = true;
    this.#auth = auth;
  }
  get auth(): AuthActions {
    return this.#auth;
  }
  getTargetOrigin(): string {
    return this.#auth.getTargetOrigin();
  }
  getTargetOriginWithPath(): Map<ApiVersion, string> {
    return this.#auth.getTargetOriginWithPath();
  }
}

/** Auth for a portal at `origin` with a fixed token; `refreshAuth` hands out the next one. */
export function fixedAuth(
  origin: string,
  tokens: { current: string; next?: () => string },
): AuthActions {
  const data = (): AuthData => ({
    access_token: tokens.current,
    refresh_token: 'refresh',
    expires: Date.now() / 1000 + 3600,
    expires_in: 3600,
    domain: origin,
    member_id: 'member',
  });
  return {
    getAuthData: () => data(),
    refreshAuth: async () => {
      if (tokens.next) tokens.current = tokens.next();
      return data();
    },
    getUniq: (prefix) => prefix,
    isAdmin: true,
    getTargetOrigin: () => origin,
    getTargetOriginWithPath: () => new Map([[ApiVersion.v2, `${origin}/rest`]]),
  };
}
