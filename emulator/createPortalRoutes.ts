import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_HEADERS } from './httpHelpers.ts';
import { controlRoutes } from './routes/controlRoutes.ts';
import { fileRoutes } from './routes/fileRoutes.ts';
import { oauthRoutes } from './routes/oauthRoutes.ts';
import { pageRoutes } from './routes/pageRoutes.ts';
import type { PortalRoutesDeps, Route } from './routes/routeTypes.ts';

export type { PortalRoutesDeps } from './routes/routeTypes.ts';

export type PortalRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
) => Promise<boolean>;

/** Preflights of the cross-origin endpoints (control, downloads, OAuth) are always allowed. */
const preflight: Route = {
  method: 'OPTIONS',
  path: /^\/(_emulator|bitrix|oauth)\//,
  handle({ res }) {
    res.writeHead(204, CORS_HEADERS);
    res.end();
  },
};

/**
 * Everything on the portal origin that is not `/rest/<method>`, as one route table: pages,
 * files, OAuth, then the `/_emulator/*` control endpoints. The first matching row answers;
 * returns false when none matched (the caller then tries REST).
 */
export function createPortalRoutes(deps: PortalRoutesDeps): PortalRoutes {
  const table: Route[] = [
    preflight,
    ...pageRoutes(deps),
    ...fileRoutes(deps),
    ...oauthRoutes(deps),
    ...controlRoutes(deps),
  ];
  return async function route(req, res, url, origin) {
    const path = url.pathname;
    for (const row of table) {
      if (row.method && row.method !== (req.method ?? 'GET')) continue;
      let match: RegExpExecArray | null = null;
      if (typeof row.path === 'string') {
        if (row.path !== path) continue;
      } else if (row.path) {
        match = row.path.exec(path);
        if (!match) continue;
      } else if (row.prefix === undefined || !path.startsWith(row.prefix)) {
        continue;
      }
      await row.handle({ req, res, url, origin, match });
      return true;
    }
    return false;
  };
}
