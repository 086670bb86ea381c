import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isScenarioName } from './createScenarioController.ts';
import { TOKEN_TTL_SECONDS } from './createPortal.ts';
import { CORS_HEADERS, sendJson, sendText } from './httpHelpers.ts';
import { parsePhpQuery } from './parsePhpQuery.ts';
import { paramText } from './params.ts';
import { readRequestBody } from './readRequestBody.ts';
import { rewriteMessageText } from './rewriteMessageText.ts';

const STORAGE_NAME = /^\d+-[0-9a-f]{16}\.bin$/;
import type { FrameController } from './createFrameController.ts';
import type { EmulatorContext } from './rest/restTypes.ts';
import type { EmulatorMessage, FileRecord } from './types.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./portal/public/', import.meta.url));
const CONTROL_BODY_LIMIT = 1 << 20;
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

export type PortalRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
) => Promise<boolean>;

export interface PortalRoutesDeps {
  emu: EmulatorContext;
  frames: FrameController;
  /** Resets state to the seed (POST /_emulator/reset). */
  reset(): void;
  messages(chatId: number, origin: string): EmulatorMessage[];
}

/**
 * Everything on the portal origin that is not `/rest/<method>`: the messenger and marketplace
 * pages with their bootstrap, static assets, the JSON endpoints the pages call, file downloads,
 * `/oauth/token/`, and the `/_emulator/*` control endpoints. Returns false when no route matched.
 */
export function createPortalRoutes(deps: PortalRoutesDeps): PortalRoutes {
  const { emu, frames } = deps;

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const body = await readRequestBody(req, CONTROL_BODY_LIMIT, emu.store.tmpDir, []);
    if (body.kind !== 'memory' || body.buffer.length === 0) return {};
    try {
      const parsed: unknown = JSON.parse(body.buffer.toString('utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

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

  function serveFile(res: ServerResponse, file: FileRecord | undefined, inline: boolean): void {
    // state.json is read back from disk: a storage name that is not one the emulator made
    // (`<id>-<16 hex>.bin`) must not lead a download outside the files directory.
    const safe = file !== undefined && STORAGE_NAME.test(file.storageName);
    const path = safe ? join(emu.store.filesDir, file.storageName) : '';
    if (!file || !safe || !existsSync(path)) {
      sendText(res, 404, 'File not found');
      return;
    }
    // The name is data: an ASCII fallback plus RFC 5987 UTF-8 form, never raw in the header.
    const fallback = file.name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
    res.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': file.size,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(res);
  }

  function oauthToken(res: ServerResponse, params: Record<string, unknown>, origin: string): void {
    const text = (key: string): string => paramText(params[key] as never);
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
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
      return;
    }
    const token = emu.portal.mintToken(old.userId, app.id);
    sendJson(res, 200, {
      access_token: token.accessToken,
      expires: Math.floor(token.expires / 1000),
      expires_in: TOKEN_TTL_SECONDS,
      scope: app.scope.join(','),
      domain: new URL(origin).host,
      server_endpoint: `${origin}/rest/`,
      status: app.status,
      client_endpoint: `${origin}/rest/`,
      member_id: state.memberId,
      user_id: token.userId,
      refresh_token: token.refreshToken,
    });
  }

  return async function route(req, res, url, origin) {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (
      method === 'OPTIONS' &&
      (path.startsWith('/_emulator/') || path.startsWith('/bitrix/') || path.startsWith('/oauth/'))
    ) {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return true;
    }
    if (path === '/') {
      res.writeHead(302, { Location: '/online/' });
      res.end();
      return true;
    }
    if (path === '/online' || path === '/online/') {
      servePage(res, url, origin, 'messenger.html', 1);
      return true;
    }
    const market = /^\/marketplace\/app\/(\d+)\/?$/.exec(path);
    if (market) {
      servePage(res, url, origin, 'app.html', Number(market[1]));
      return true;
    }
    if (path.startsWith('/_emulator/static/')) {
      serveStatic(res, path.slice('/_emulator/static/'.length));
      return true;
    }
    if (path === '/bitrix/services/main/ajax.php') {
      const file = emu.portal.file(Number(url.searchParams.get('fileId')));
      serveFile(res, file, url.searchParams.get('action') !== 'disk.api.file.download');
      return true;
    }
    if (path === '/rest/download.json' || path === '/rest/download.json/') {
      serveFile(res, emu.portal.fileByToken(url.searchParams.get('token') ?? ''), false);
      return true;
    }
    const unified = /^\/file\/([0-9a-f]+)\/?$/.exec(path);
    if (unified) {
      serveFile(res, emu.portal.fileByToken(unified[1] ?? ''), false);
      return true;
    }
    if (path === '/oauth/token' || path === '/oauth/token/') {
      const params = parsePhpQuery(url.search.slice(1));
      if (method === 'POST') {
        const body = await readRequestBody(req, CONTROL_BODY_LIMIT, emu.store.tmpDir, []);
        if (body.kind === 'memory') parsePhpQuery(body.buffer.toString('utf8'), params);
      }
      oauthToken(res, params, origin);
      return true;
    }
    if (!path.startsWith('/_emulator/')) return false;

    // ----- control and page endpoints -----
    const sub = path.slice('/_emulator/'.length).replace(/\/$/, '');
    if (sub === 'health') {
      sendJson(res, 200, { ok: true, url: origin });
      return true;
    }
    if (sub === 'scenario') {
      if (method === 'POST') {
        const body = await readJson(req);
        const name = String(body.name ?? '');
        if (!isScenarioName(name)) {
          sendJson(res, 400, { error: `Unknown scenario "${name}"` });
          return true;
        }
        const mode = body.mode;
        emu.scenarios.set(name, {
          count: typeof body.count === 'number' ? body.count : undefined,
          delayMs: typeof body.delayMs === 'number' ? body.delayMs : undefined,
          method: typeof body.method === 'string' ? body.method : undefined,
          status: typeof body.status === 'number' ? body.status : undefined,
          mode:
            mode === 'before' || mode === 'after' || mode === 'login' || mode === 'maintenance'
              ? mode
              : undefined,
          seconds: typeof body.seconds === 'number' ? body.seconds : undefined,
        });
      } else if (method === 'DELETE') {
        emu.scenarios.clear();
      }
      sendJson(res, 200, { scenario: emu.scenarios.current() });
      return true;
    }
    if (sub === 'uploads') {
      sendJson(res, 200, emu.store.state.uploads);
      return true;
    }
    if (sub === 'reset' && method === 'POST') {
      deps.reset();
      sendJson(res, 200, { ok: true });
      return true;
    }
    const chatMessages = /^chats\/(\d+)\/messages$/.exec(sub);
    if (chatMessages) {
      sendJson(res, 200, deps.messages(Number(chatMessages[1]), origin));
      return true;
    }
    if (sub === 'ui/chats') {
      const userId = Number(url.searchParams.get('user') ?? 1);
      const { portal } = emu;
      const chats = portal.visibleChats(userId).map((chat) => {
        const messages = portal.messagesOf(chat.id);
        const last = messages[messages.length - 1];
        const lastFile = last?.fileIds[0] !== undefined ? portal.file(last.fileIds[0]) : undefined;
        return {
          dialogId: portal.dialogIdOf(chat, userId),
          chatId: chat.id,
          name: portal.chatTitle(chat, userId),
          kind: chat.type === 'chat' ? 'chat' : 'user',
          avatarColor: chat.color,
          ...(last ? { lastMessage: last.text || (lastFile ? lastFile.name : '') } : {}),
        };
      });
      sendJson(res, 200, chats);
      return true;
    }
    if (sub === 'ui/placements') {
      const userId = Number(url.searchParams.get('user') ?? 1);
      const lookup = emu.portal.resolveDialog(userId, url.searchParams.get('dialogId') ?? '', null);
      const codes = ['IM_SIDEBAR', 'IM_TEXTAREA'];
      sendJson(res, 200, lookup.kind === 'ok' ? frames.placementsFor(lookup.chat.type, codes) : []);
      return true;
    }
    if (sub === 'ui/messages') {
      const body = method === 'POST' ? await readJson(req) : {};
      const userId = Number(
        method === 'POST' ? (body.user ?? 1) : (url.searchParams.get('user') ?? 1),
      );
      const dialogId = String(
        method === 'POST' ? (body.dialogId ?? '') : (url.searchParams.get('dialogId') ?? ''),
      );
      const lookup = emu.portal.resolveDialog(userId, dialogId, null);
      if (lookup.kind !== 'ok') {
        sendJson(res, lookup.kind === 'denied' ? 403 : 404, {
          error:
            lookup.kind === 'denied' ? 'You do not have access to this chat' : 'Chat not found',
        });
        return true;
      }
      if (method === 'POST') {
        const text = String(body.text ?? '');
        const message = emu.portal.postMessage(lookup.chat.id, userId, text, []);
        sendJson(res, 200, { id: message.id });
        return true;
      }
      const shown = deps.messages(lookup.chat.id, origin);
      // Opening a chat in the messenger reads it (drives the unread rules of §7.5).
      const newest = shown[shown.length - 1];
      if (newest) emu.portal.markRead(userId, lookup.chat.id, newest.id);
      sendJson(
        res,
        200,
        shown.map((m) => ({
          id: m.id,
          authorId: m.authorId,
          authorName: emu.portal.userName(m.authorId),
          text: rewriteMessageText(m.text, emu.portal.userName),
          date: m.date,
          files: m.files.map((f) => ({
            id: f.id,
            name: f.name,
            size: f.size,
            urlDownload: f.urlDownload,
          })),
        })),
      );
      return true;
    }
    if (sub === 'frame/open' && method === 'POST') {
      const body = await readJson(req);
      const host = req.headers.host ?? new URL(origin).host;
      const options = body.placementOptions;
      const result = frames.open(
        {
          user: Number(body.user ?? 1),
          placement: typeof body.placement === 'string' ? body.placement : 'DEFAULT',
          placementOptions:
            typeof options === 'object' && options !== null && !Array.isArray(options)
              ? (options as Record<string, unknown>)
              : {},
          lang: typeof body.lang === 'string' && body.lang ? body.lang : emu.options.lang,
          appId: Number(body.appId ?? 1),
        },
        host,
      );
      sendJson(res, 200, result);
      return true;
    }
    if (sub === 'frame/command' && method === 'POST') {
      const body = await readJson(req);
      const result = frames.command(
        String(body.appSid ?? ''),
        String(body.command ?? ''),
        body.params,
        typeof body.pageUrl === 'string' ? body.pageUrl : undefined,
      );
      if ('notFound' in result) sendJson(res, 404, { error: 'Unknown frame session' });
      else sendJson(res, 200, result);
      return true;
    }
    sendJson(res, 404, { error: 'Not found' });
    return true;
  };
}
