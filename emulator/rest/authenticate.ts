import type { IncomingMessage } from 'node:http';
import { RestError } from '../RestError.ts';
import { paramText } from '../params.ts';
import type { Params } from '../params.ts';
import type { AuthInfo, EmulatorContext } from './restTypes.ts';

/** The webhook part of a `/rest/<userId>/<secret>/<method>` path, if any. */
export type WebhookPath = { userId: number; secret: string } | null;

/**
 * Who is calling (portal reference §3.1, §3.7): the webhook of the path, else the OAuth token
 * from `Authorization: Bearer`, `auth` or `access_token`. Throws the auth-layer RestErrors (401).
 */
export function authenticate(
  emu: EmulatorContext,
  webhook: WebhookPath,
  params: Params,
  req: IncomingMessage,
): AuthInfo {
  const state = emu.store.state;
  if (webhook) {
    const { userId, secret } = webhook;
    const hook = state.webhooks.find((w) => w.userId === userId && w.secret === secret);
    const user = emu.portal.user(userId);
    if (!hook || !user || !user.active) {
      throw new RestError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials');
    }
    return { kind: 'webhook', userId, appId: null, scope: hook.scope };
  }
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const token = bearer ?? (paramText(params.auth) || paramText(params.access_token));
  if (!token) throw new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
  const record = state.tokens.find((t) => t.accessToken === token);
  if (!record) throw new RestError(401, 'invalid_token', 'The access token provided is invalid');
  if (record.expires <= Date.now()) {
    throw new RestError(401, 'expired_token', 'The access token provided has expired');
  }
  return { kind: 'oauth', userId: record.userId, appId: record.appId, scope: record.scope };
}

/** The operating-limit key: auth type, app or webhook, method (portal reference §7.3). */
export function operatingKey(auth: AuthInfo, method: string): string {
  const who = auth.kind === 'webhook' ? `hook:${auth.userId}` : `app:${auth.appId ?? 0}`;
  return `${auth.kind}|${who}|${method}`;
}
