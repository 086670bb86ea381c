import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText } from '../httpHelpers.ts';
import type { PortalRoutesDeps, Route } from './routeTypes.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../portal/public/', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The portal's pages: `/` (to the messenger), the messenger `/online/`, the app's DEFAULT page
 * `/marketplace/app/<id>/` (each with its bootstrap JSON) and the pages' static files.
 */
export function pageRoutes({ emu, frames }: PortalRoutesDeps): Route[] {
  function servePage(
    res: ServerResponse,
    url: URL,
    origin: string,
    file: string,
    appId: number,
  ): void {
    const user = emu.portal.user(Number(url.searchParams.get('user') ?? 1) || 1);
    if (!user) {
      sendText(res, 404, 'User not found');
      return;
    }
    frames.pageHit(user.id);
    const bootstrap = {
      userId: user.id,
      isAdmin: user.isAdmin,
      lang: url.searchParams.get('lang') || emu.options.lang,
      dialogId: url.searchParams.get('IM_DIALOG') || null,
      appId,
      portalOrigin: origin,
    };
    const path = join(PUBLIC_DIR, file);
    const html = existsSync(path)
      ? readFileSync(path, 'utf8')
      : `<!doctype html><html><head><meta charset="utf-8"><title>Bitrix24 emulator</title></head>` +
        `<body><p>Portal page ${file} is not built yet.</p></body></html>`;
    const script =
      `<script id="portal-bootstrap" type="application/json">` +
      `${JSON.stringify(bootstrap).replace(/</g, '\\u003c')}</script>`;
    const at = html.indexOf('</head>');
    const page = at === -1 ? script + html : html.slice(0, at) + script + html.slice(at);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(page);
  }

  function serveStatic(res: ServerResponse, relative: string): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      sendText(res, 400, 'Bad path');
      return;
    }
    const root = resolve(PUBLIC_DIR);
    const path = resolve(root, `.${sep}${decoded}`);
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      sendText(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(path).pipe(res);
  }

  return [
    {
      path: '/',
      handle: ({ res }) => {
        res.writeHead(302, { Location: '/online/' });
        res.end();
      },
    },
    {
      path: /^\/online\/?$/,
      handle: ({ res, url, origin }) => servePage(res, url, origin, 'messenger.html', 1),
    },
    {
      path: /^\/marketplace\/app\/(\d+)\/?$/,
      handle: ({ res, url, origin, match }) =>
        servePage(res, url, origin, 'app.html', Number(match?.[1])),
    },
    {
      prefix: '/_emulator/static/',
      handle: ({ res, url }) => serveStatic(res, url.pathname.slice('/_emulator/static/'.length)),
    },
  ];
}
