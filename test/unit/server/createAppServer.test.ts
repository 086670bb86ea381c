import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from '../../../server/createAppServer.ts';
import type { AppServer } from '../../../server/createAppServer.ts';
import { precompressAssets } from '../../../server/precompressAssets.ts';
import { makeCertificate } from '../../support/servers/makeCertificate.ts';
import { sendRaw, type RawRequest } from '../../support/servers/sendRaw.ts';

/** A raw HTTP(S) request for `path` exactly as written: no normalisation, no decompression. */
const send = (base: string, path: string, init: Omit<RawRequest, 'path'> = {}) =>
  sendRaw(base, { ...init, path });

const PORTAL = 'https://example.bitrix24.com';
const INDEX_HTML =
  '<!doctype html><html><head><title>Chat Drop</title>' +
  '<script type="module" crossorigin src="./assets/index-Ab12Cd34.js"></script></head>' +
  '<body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('chat drop '.repeat(400))});\n`;

let root: string;
let outside: string;
let server: AppServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chat-drop-serve-'));
  outside = await mkdtemp(join(tmpdir(), 'chat-drop-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'outside the root');
  await symlink(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  await mkdir(join(root, 'assets'));
  await mkdir(join(root, 'nested'));
  await writeFile(join(root, 'index.html'), INDEX_HTML);
  await writeFile(join(root, 'nested', 'index.html'), '<!doctype html><title>nested</title>');
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'index-Xy98Zw76.css'), 'body{margin:0}'.repeat(100));
  await writeFile(join(root, 'assets', 'logo-Qq11Rr22.png'), Buffer.alloc(2048, 1));
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, '.env'), 'SECRET=1');
  expect((await precompressAssets(root)).sort()).toEqual([
    'assets/index-Ab12Cd34.js.br',
    'assets/index-Ab12Cd34.js.gz',
    'assets/index-Xy98Zw76.css.br',
    'assets/index-Xy98Zw76.css.gz',
  ]);
  server = await createAppServer({ root, frameAncestors: [PORTAL] });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('createAppServer', () => {
  it('listens on a random local port and reports its URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers the portal POST on the handler URL with the app HTML', async () => {
    const form =
      'AUTH_ID=token&AUTH_EXPIRES=3600&REFRESH_ID=refresh&member_id=abc&status=L&PLACEMENT=DEFAULT';
    const res = await send(
      server.url,
      '/?DOMAIN=example.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=1',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; ?charset=utf-8$/);
    expect(res.body.toString()).toBe(INDEX_HTML);
  });

  it('answers GET on the handler URL with the app HTML', async () => {
    const res = await send(server.url, '/?DOMAIN=example.bitrix24.com');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(INDEX_HTML);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await send(server.url, '/index.html', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(res.body.length).toBe(0);
  });

  it('serves the app for page-like handler paths that have no file (install URL)', async () => {
    for (const path of ['/install', '/handler.php', '/app.html']) {
      const res = await send(server.url, path, { method: 'POST', body: 'AUTH_ID=x' });
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toBe(INDEX_HTML);
    }
  });

  it('serves a subdirectory by its own index and redirects to its slash URL keeping the query', async () => {
    const redirect = await send(server.url, '/nested?DOMAIN=x&APP_SID=1');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe('/nested/?DOMAIN=x&APP_SID=1');
    const page = await send(server.url, '/nested/', { method: 'POST', body: 'AUTH_ID=x' });
    expect(page.body.toString()).toContain('nested');
  });

  it('never redirects to another host', async () => {
    const res = await send(server.url, '//nested');
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe('/nested/');
  });

  it('returns 404 for a missing asset instead of the app HTML', async () => {
    for (const path of ['/assets/missing-Ab12Cd34.js', '/missing.js', '/assets/new-page']) {
      const res = await send(server.url, path);
      expect(res.status, path).toBe(404);
    }
  });

  it('refuses POST on static assets', async () => {
    const res = await send(server.url, '/assets/index-Ab12Cd34.js', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('refuses a POST body over the size cap', async () => {
    const small = await createAppServer({ root, maxPostBytes: 1024 });
    try {
      const res = await send(small.url, '/', { method: 'POST', body: 'A'.repeat(4096) });
      expect(res.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('sends frame-ancestors with the configured portal, nosniff, no-referrer and no X-Frame-Options', async () => {
    const res = await send(server.url, '/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors ${PORTAL}`);
    expect(csp).toMatch(/connect-src 'self' https:/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('lets an http portal origin be framed and reached by REST when configured', async () => {
    const local = await createAppServer({
      root,
      frameAncestors: ['http://localhost:8080/online/'],
    });
    try {
      const csp = String((await send(local.url, '/')).headers['content-security-policy']);
      expect(csp).toContain('frame-ancestors http://localhost:8080');
      expect(csp).toMatch(/connect-src 'self' https: http:\/\/localhost:8080/);
    } finally {
      await local.close();
    }
  });

  it('allows any parent when no portal is configured', async () => {
    const open = await createAppServer({ root });
    try {
      const csp = String((await send(open.url, '/')).headers['content-security-policy']);
      expect(csp).toContain('frame-ancestors *');
    } finally {
      await open.close();
    }
  });

  it('compresses hashed assets with their precompressed brotli file, preferring it over gzip', async () => {
    const res = await send(server.url, '/assets/index-Ab12Cd34.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
  });

  it('compresses with gzip when brotli is not accepted', async () => {
    const res = await send(server.url, '/assets/index-Ab12Cd34.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends identity without Accept-Encoding and never compresses images', async () => {
    const plain = await send(server.url, '/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    const image = await send(server.url, '/assets/logo-Qq11Rr22.png', {
      headers: { 'Accept-Encoding': 'br, gzip' },
    });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('caches hashed assets as immutable and revalidates HTML', async () => {
    const asset = await send(server.url, '/assets/index-Xy98Zw76.css');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/^text\/css/);
    const page = await send(server.url, '/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const favicon = await send(server.url, '/favicon.svg');
    expect(favicon.headers['cache-control']).toBe('no-cache');
    expect(favicon.headers['content-type']).toBe('image/svg+xml');
  });

  it('serves a new build copied into the root without a restart', async () => {
    await writeFile(join(root, 'assets', 'next-Zz99Yy88.js'), 'export {};\n');
    const res = await send(server.url, '/assets/next-Zz99Yy88.js');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('export {};\n');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await send(server.url, '/');
    const etag = String(first.headers.etag);
    const second = await send(server.url, '/', { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('refuses path traversal, encoded or not, and symlinks leaving the root', async () => {
    const attempts = [
      '/../../../../etc/passwd',
      '/assets/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%5c..%5c..%5cetc%5cpasswd',
      '/%00index.html',
      '/%E0%A4%A',
      '/leak.txt',
    ];
    for (const path of attempts) {
      const res = await send(server.url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body.toString(), path).not.toContain('root:');
      expect(res.body.toString(), path).not.toContain('outside the root');
    }
  });

  it('does not serve dotfiles', async () => {
    const res = await send(server.url, '/.env');
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('SECRET');
  });

  it('refuses other methods with 405', async () => {
    const res = await send(server.url, '/', { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('serves HTTPS with a given certificate', async () => {
    const certificate = await makeCertificate(outside);
    const secure = await createAppServer({
      root,
      tls: { cert: certificate.cert, key: certificate.key },
    });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await send(secure.url, '/', {
        method: 'POST',
        body: 'AUTH_ID=x',
        ca: certificate.cert,
      });
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe(INDEX_HTML);
    } finally {
      await secure.close();
    }
  }, 30_000);
});
