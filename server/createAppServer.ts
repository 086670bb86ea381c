import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { buildSecurityHeaders } from './buildSecurityHeaders.ts';
import { COMPRESSIBLE_EXTENSIONS, mimeTypeFor } from './mimeTypes.ts';
import { negotiateEncoding } from './negotiateEncoding.ts';
import type { Encoding } from './negotiateEncoding.ts';
import { resolveRequestPath } from './resolveRequestPath.ts';

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

/** Files above this are streamed from disk uncompressed instead of being cached in memory. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
/** Small bodies gain nothing from compression (one TCP packet either way). */
const MIN_COMPRESS_BYTES = 512;

const IMMUTABLE = 'public, max-age=31536000, immutable';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/**
 * Brotli quality 5, not the maximum 11: on the 860 KB bundle 11 takes ~3 s of CPU for 10 % fewer
 * bytes (measured: 214 KB vs 238 KB in 25 ms), and that delay lands on the first person who opens
 * the app after every restart. Compression runs on the zlib thread pool, not the event loop.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

interface CachedBody {
  readonly body: Buffer;
  readonly etag: string;
}

/**
 * The production server for the built widget: static files, opened by the portal with a POST.
 *
 * Bitrix24 loads an app handler by submitting a hidden form into the iframe (POST with the auth
 * fields; b24-portal-contract §1.3), so every page URL answers GET, HEAD and POST alike. The POST
 * body is drained and ignored: the SDK never reads it, it takes its tokens over postMessage.
 * Static asset files answer GET/HEAD only.
 *
 * @example
 * const server = await createAppServer({ root: 'dist', port: 8081, frameAncestors: ['https://example.bitrix24.com'] });
 * console.log(server.url); // http://127.0.0.1:8081/
 */
export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const root = await realpath(resolve(options.root));
  const rootInfo = await stat(root);
  if (!rootInfo.isDirectory()) throw new Error(`App root is not a directory: ${root}`);
  const securityHeaders = buildSecurityHeaders(options.frameAncestors);
  const maxPostBytes = options.maxPostBytes ?? 1024 * 1024;
  const cache = new Map<string, Promise<CachedBody>>();

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
    const resolution = await resolveRequestPath(root, pathname);

    if (method === 'POST') {
      if (resolution.kind === 'file' && !resolution.isPage) {
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
    }

    switch (resolution.kind) {
      case 'bad-request':
        sendText(res, 400, 'Bad request');
        return;
      case 'not-found':
        sendText(res, 404, 'Not found');
        return;
      case 'redirect':
        res.setHeader('Location', resolution.location + search);
        sendText(res, 308, 'Moved permanently');
        return;
      case 'file':
        break;
    }

    const extension = extname(resolution.file).toLowerCase();
    const info = await stat(resolution.file);
    res.setHeader('Content-Type', mimeTypeFor(extension));
    res.setHeader('Cache-Control', resolution.isHashedAsset ? IMMUTABLE : 'no-cache');
    res.setHeader('Last-Modified', info.mtime.toUTCString());
    const compressible = COMPRESSIBLE_EXTENSIONS.has(extension);
    if (compressible) res.setHeader('Vary', 'Accept-Encoding');

    if (info.size > MAX_CACHED_BYTES) {
      // Too big to hold in memory: stream it as is.
      res.setHeader('Content-Length', info.size);
      res.writeHead(200);
      if (method === 'HEAD') res.end();
      else createReadStream(resolution.file).pipe(res);
      return;
    }

    const encoding =
      compressible && info.size >= MIN_COMPRESS_BYTES
        ? negotiateEncoding(headerValue(req.headers['accept-encoding']))
        : undefined;
    const cached = await load(resolution.file, info.size, info.mtimeMs, encoding);
    res.setHeader('ETag', cached.etag);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    if (matchesEtag(headerValue(req.headers['if-none-match']), cached.etag)) {
      res.writeHead(304).end();
      return;
    }
    res.setHeader('Content-Length', cached.body.length);
    res.writeHead(200);
    res.end(method === 'HEAD' ? undefined : cached.body);
  }

  function load(
    file: string,
    size: number,
    mtimeMs: number,
    encoding: Encoding | undefined,
  ): Promise<CachedBody> {
    const key = `${file}\0${size}\0${mtimeMs}\0${encoding ?? 'identity'}`;
    const hit = cache.get(key);
    if (hit) return hit;
    // The promise is cached, so parallel first requests share one compression.
    const entry = compress(file, size, mtimeMs, encoding);
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
    return entry;
  }

  async function compress(
    file: string,
    size: number,
    mtimeMs: number,
    encoding: Encoding | undefined,
  ): Promise<CachedBody> {
    const raw = await readFile(file);
    const body =
      encoding === 'br'
        ? await brotliAsync(raw, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : encoding === 'gzip'
          ? await gzipAsync(raw, { level: GZIP_LEVEL })
          : raw;
    // The ETag names the variant: caches must not hand a gzip body to a brotli request.
    const etag = `"${size.toString(36)}-${Math.trunc(mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
    return { body, etag };
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

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
