// Issue 16: `npm run serve` behind nginx `proxy_pass`, both exactly as docs/INSTALL.md shows them.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppServer, type AppServer } from '../../server/createAppServer.ts';
import { parseServeArgs } from '../../server/parseServeArgs.ts';
import { copySite, type CopiedSite } from '../support/servers/copySite.ts';
import { freePort } from '../support/servers/freePort.ts';
import { makeCertificate, type Certificate } from '../support/servers/makeCertificate.ts';
import { nginxTlsPlaceholders } from '../support/servers/nginxTlsPlaceholders.ts';
import { fillPlaceholders, readDocSnippet } from '../support/servers/readDocSnippet.ts';
import { PORTAL_FORM, postPortalForm } from '../support/servers/postPortalForm.ts';
import { sendRaw } from '../support/servers/sendRaw.ts';
import { startNginx, type StartedNginx } from '../support/servers/startNginx.ts';

const PORTAL = 'https://yourcompany.bitrix24.com';

interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: Promise<string>;
}

let site: CopiedSite;
let certificate: Certificate;
let app: AppServer;
let nginx: StartedNginx;
let base: string;
/** Every request the app server received, with its body as it arrived there. */
const seen: SeenRequest[] = [];
// Node publishes each request an http server receives on this channel (node:http docs,
// "diagnostics_channel"): the test sees what nginx forwarded without touching the server.
const onRequest = (message: unknown): void => {
  const { request } = message as { request: IncomingMessage };
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  const body = new Promise<string>((resolve) =>
    request.on('end', () => resolve(Buffer.concat(chunks).toString())),
  );
  seen.push({ method: request.method ?? '', url: request.url ?? '', body });
};

beforeAll(async () => {
  site = await copySite(inject('chatDropDist'));
  await mkdir(join(site.dir, 'tls'));
  certificate = await makeCertificate(join(site.dir, 'tls'));
  const [appPort, port] = [await freePort(), await freePort()];

  // The documented command line, with this test's port and build.
  const command = readDocSnippet('serve-behind-proxy').trim();
  expect(command.startsWith('npm run serve -- ')).toBe(true);
  const args = parseServeArgs(
    fillPlaceholders(command.slice('npm run serve -- '.length), {
      '--port 8081': `--port ${appPort}`,
    }).split(/\s+/),
  );
  subscribe('http.server.request.start', onRequest);
  app = await createAppServer({ ...args, root: site.dist });
  expect(app.url).toBe(`http://127.0.0.1:${appPort}/`);

  nginx = await startNginx({
    port,
    site: fillPlaceholders(readDocSnippet('nginx-proxy'), {
      ...nginxTlsPlaceholders(port, certificate),
      'http://127.0.0.1:8081/': app.url,
    }),
  });
  base = `https://127.0.0.1:${port}/chat-drop/`;
});

afterAll(async () => {
  unsubscribe('http.server.request.start', onRequest);
  await nginx?.close();
  await app?.close();
  if (site) await rm(site.dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  sendRaw(new URL(path, base).href, { headers, ca: certificate.cert });

describe('npm run serve behind the documented nginx proxy', () => {
  it("forwards the portal's POST with its form body and answers 200 with the app page", async () => {
    seen.length = 0;
    const res = await postPortalForm(base, certificate.cert);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toString()).toBe(site.indexHtml);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/?DOMAIN=yourcompany.bitrix24.com&APP_SID=1');
    expect(await seen[0]?.body).toBe(PORTAL_FORM);
  });

  it('passes on the CSP naming the portal in frame-ancestors and no X-Frame-Options', async () => {
    for (const path of ['', site.pageAssets[0] ?? 'missing']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, path).toContain(`frame-ancestors ${PORTAL}`);
      expect(csp, path).toMatch(/connect-src 'self' https:/);
      expect(res.headers['x-frame-options'], path).toBeUndefined();
    }
  });

  it('passes on a year of caching for hashed assets and revalidation for the page', async () => {
    for (const asset of site.pageAssets) {
      expect((await get(asset)).headers['cache-control'], asset).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    expect((await get('')).headers['cache-control']).toBe('no-cache');
  });

  it('passes on the precompressed brotli and gzip assets', async () => {
    const script = site.pageAssets.find((asset) => asset.endsWith('.js')) ?? 'missing.js';
    const raw = await readFile(join(site.dist, script));
    const br = await get(script, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    const gz = await get(script, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);
  });
});
