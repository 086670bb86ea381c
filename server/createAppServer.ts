import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { buildSecurityHeaders } from './buildSecurityHeaders.ts';
import { isHashedAsset } from './precompressAssets.ts';

export interface AppServerOptions {
  /** The built app (`dist/`): `index.html` at its root, hashed files under `assets/`. */
  readonly root: string;
  /** 0 = a free port. Default 0. */
  readonly port?: number;
  /** Default 127.0.0.1 (not reachable from other machines; put a TLS proxy in front, or pass 0.0.0.0). */
  readonly host?: string;
  /** Origins allowed to frame the app (the portal), e.g. `https://example.bitrix24.com`. None = any. */
  readonly frameAncestors?: readonly string[];
  /** PEM certificate and key: serve HTTPS instead of HTTP. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Largest POST body drained on a handler URL; bigger ones get 413. Default 1 MiB. */
  readonly maxPostBytes?: number;
}

export interface AppServer {
  /** E.g. `http://127.0.0.1:8081/`; the app's handler URL when `dist/` is served at the root. */
  readonly url: string;
  close(): Promise<void>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Extensions a portal handler URL may plausibly end with: these answer POST and fall back to the index. */
const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['', '.html', '.htm', '.php']);

/**
 * The production server for the built widget: static files, opened by the portal with a POST.
 *
 * Files are served by `sirv` (content types, ETag/304, ranges, and the `.br`/`.gz` files that
 * {@link import('./precompressAssets.ts').precompressAssets} writes next to the hashed assets).
 * What a portal needs on top, and sirv does not do, is this wrapper:
 * - every page URL answers GET, HEAD and POST alike: Bitrix24 loads an app handler by submitting
 *   a hidden form into the iframe (b24restdocs `local-integrations/local-apps.md`, "the handler
 *   receives a POST"). The body is drained and ignored (the SDK takes its tokens over
 *   postMessage), then the request is served as a GET. Assets answer GET/HEAD only;
 * - a missing page-like path (`/install`, `/handler.php`) is the index of its directory, so any
 *   handler or install URL the admin typed loads the app, and missing assets stay 404;
 * - a directory without its final slash redirects (308) to it, because the build's asset URLs
 *   are relative (`base: './'`) and resolve against the page URL;
 * - the CSP with `frame-ancestors` ({@link buildSecurityHeaders}) on every answer;
 * - `..`, NUL, backslashes, dotfiles and symlinks out of the root are refused before sirv looks.
 *
 * Files are looked up on each request (sirv's `dev` mode, whose only other effect is the
 * Cache-Control this wrapper overrides), so a new build copied into `root` is served at once,
 * without a restart.
 *
 * @example
 * const server = await createAppServer({ root: 'dist', port: 8081, frameAncestors: ['https://example.bitrix24.com'] });
 * console.log(server.url); // http://127.0.0.1:8081/
 */
export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const root = await realpath(resolve(options.root));
  if (!(await stat(root)).isDirectory()) throw new Error(`App root is not a directory: ${root}`);
  const securityHeaders = buildSecurityHeaders(options.frameAncestors);
  const maxPostBytes = options.maxPostBytes ?? 1024 * 1024;
  const files = sirv(root, {
    dev: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', isHashedAsset(pathname) ? IMMUTABLE : 'no-cache');
    },
  });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch((error: unknown) => {
      // A bug or an I/O error: answer 500 without details (paths are nobody's business).
      console.error('[chat-drop server]', error);
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
    });
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.setHeader('Allow', 'GET, HEAD, POST, OPTIONS');
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      res.setHeader('Allow', 'GET, HEAD, POST, OPTIONS');
      sendText(res, 405, 'Method not allowed');
      req.resume();
      return;
    }
    // Split by hand: `new URL('//x', base)` would read `x` as a host and lose the path.
    const target = req.url ?? '/';
    const queryAt = target.search(/[?#]/);
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const search =
      queryAt === -1 || target[queryAt] === '#' ? '' : target.slice(queryAt).replace(/#.*$/, '');
    const segments = decodeSegments(pathname);
    if (!segments) return sendText(res, 400, 'Bad request');
    if (segments.some((segment) => segment.startsWith('.'))) return sendText(res, 404, 'Not found');
    const last = segments.at(-1) ?? '';
    const isPage = PAGE_EXTENSIONS.has(extname(last).toLowerCase()) && !segments.includes('assets');

    if (method === 'POST') {
      if (!isPage) {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed');
        req.resume();
        return;
      }
      if (!(await drain(req, maxPostBytes))) {
        res.setHeader('Connection', 'close');
        sendText(res, 413, 'Request body too large');
        return;
      }
      req.method = 'GET';
    }

    const clean = `/${segments.join('/')}`;
    // sirv follows symlinks; one that leads out of the root is treated as missing.
    const real = await realpath(join(root, ...segments)).catch(() => undefined);
    if (real !== undefined && real !== root && !real.startsWith(root + sep))
      return sendText(res, 404, 'Not found');
    if (last !== '' && isPage) {
      const info = await stat(join(root, ...segments)).catch(() => undefined);
      if (info?.isDirectory()) {
        // Leading slashes collapsed: `//host` in a Location header would leave this site.
        res.setHeader('Location', `${clean}/${search}`);
        return sendText(res, 308, 'Moved permanently');
      }
    }
    req.url = clean + search;
    files(req, res, () => {
      if (!isPage) return sendText(res, 404, 'Not found');
      // A missing page: the index of the directory it would live in.
      req.url = `${clean.slice(0, clean.lastIndexOf('/') + 1)}${search}`;
      files(req, res, () => sendText(res, 404, 'Not found'));
    });
  }

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : createHttpServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  return {
    url: `${scheme}://${displayHost(host)}:${port}/`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The decoded path segments (empty ones dropped, a trailing slash kept as a final ''), or
 * undefined for what no file name may contain: `..`, `.`, NUL, backslashes, broken escapes.
 */
function decodeSegments(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\'))
    return undefined;
  const parts = decoded.split('/').slice(1);
  if (parts.some((part) => part === '..' || part === '.')) return undefined;
  const segments = parts.filter((part) => part !== '');
  if (decoded.endsWith('/')) segments.push('');
  return segments;
}

/** Reads and discards a request body; false when it is larger than `limit`. */
function drain(req: IncomingMessage, limit: number): Promise<boolean> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(false);
  }
  return new Promise((resolveDrain) => {
    let received = 0;
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      resolveDrain(ok);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        finish(false);
        req.resume();
      }
    });
    req.on('end', () => finish(true));
    req.on('error', () => finish(false));
    req.on('close', () => finish(received <= limit));
  });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  const body = `${text}\n`;
  res.removeHeader('Content-Encoding');
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
