import { sendJson } from '../httpHelpers.ts';
import { parsePhpQuery } from '../parsePhpQuery.ts';
import { paramText } from '../params.ts';
import type { Params } from '../params.ts';
import { readFormBody } from './readJsonBody.ts';
import type { PortalRoutesDeps, Route } from './routeTypes.ts';

/** `GET|POST /oauth/token/`: the refresh grant server clients use (portal reference §3.2). */
export function oauthRoutes({ emu }: PortalRoutesDeps): Route[] {
  return [
    {
      path: /^\/oauth\/token\/?$/,
      async handle({ req, res, url, origin }) {
        const params: Params = parsePhpQuery(url.search.slice(1));
        if (req.method === 'POST') parsePhpQuery(await readFormBody(req, emu.store.tmpDir), params);
        const text = (key: string): string => paramText(params[key]);
        const state = emu.store.state;
        const app = state.apps.find((a) => a.clientId === text('client_id'));
        const old = state.tokens.find((t) => t.refreshToken === text('refresh_token'));
        if (
          text('grant_type') !== 'refresh_token' ||
          !app ||
          app.clientSecret !== text('client_secret')
        ) {
          sendJson(res, 400, { error: 'invalid_client', error_description: 'Invalid client' });
          return;
        }
        if (
          !old ||
          old.appId !== app.id ||
          old.refreshExpires <= Date.now() ||
          emu.scenarios.fire('refresh-fails', null)
        ) {
          sendJson(res, 400, {
            error: 'invalid_grant',
            error_description: 'Invalid refresh token',
          });
          return;
        }
        const token = emu.portal.mintToken(old.userId, app.id);
        sendJson(res, 200, {
          access_token: token.accessToken,
          expires: Math.floor(token.expires / 1000),
          expires_in: emu.options.tokenLifetimeSeconds,
          scope: app.scope.join(','),
          domain: new URL(origin).host,
          server_endpoint: `${origin}/rest/`,
          status: app.status,
          client_endpoint: `${origin}/rest/`,
          member_id: state.memberId,
          user_id: token.userId,
          refresh_token: token.refreshToken,
        });
      },
    },
  ];
}
