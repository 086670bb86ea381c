// Issue 16: the nginx recipe of docs/INSTALL.md, run as documented by Debian's nginx, started by
// the test as the current user with its own prefix and a loopback port.
import { connect as connectHttp2 } from 'node:http2';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copySite, type CopiedSite } from '../support/servers/copySite.ts';
import { freePort } from '../support/servers/freePort.ts';
import { makeCertificate, type Certificate } from '../support/servers/makeCertificate.ts';
import { nginxTlsPlaceholders } from '../support/servers/nginxTlsPlaceholders.ts';
import { fillPlaceholders, readDocSnippet } from '../support/servers/readDocSnippet.ts';
import { postPortalForm } from '../support/servers/postPortalForm.ts';
import { sendRaw } from '../support/servers/sendRaw.ts';
import { staticServingChecks } from '../support/servers/staticServingChecks.ts';
import { nginxVersion, startNginx, type StartedNginx } from '../support/servers/startNginx.ts';

/** The portal the documented headers name, kept: the guide's example is a valid https portal. */
const PORTAL = 'https://yourcompany.bitrix24.com';

let site: CopiedSite;
let certificate: Certificate;
let nginx: StartedNginx;
let base: string;

beforeAll(async () => {
  site = await copySite(inject('chatDropDist'));
  await mkdir(join(site.dir, 'tls'));
  certificate = await makeCertificate(join(site.dir, 'tls'));
  const port = await freePort();
  nginx = await startNginx({
    port,
    site: fillPlaceholders(readDocSnippet('nginx-site'), {
      ...nginxTlsPlaceholders(port, certificate),
      '/srv/chat-drop/dist/': `${site.dist}/`,
    }),
    files: { 'snippets/chat-drop-headers.conf': readDocSnippet('nginx-headers') },
  });
  base = `https://127.0.0.1:${port}/chat-drop/`;
});

afterAll(async () => {
  await nginx?.close();
  if (site) await rm(site.dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  sendRaw(new URL(path, base).href, { headers, ca: certificate.cert });

describe('the documented nginx recipe', () => {
  it('passes nginx -t without warnings, as written for nginx 1.18 and newer', () => {
    expect(nginx.testOutput).toMatch(/syntax is ok/);
    expect(nginx.testOutput).toMatch(/test is successful/);
    expect(nginx.testOutput).not.toMatch(/\[(warn|emerg|alert)\]/);
  });

  it('names the nginx version it was tried with', async () => {
    const version = /nginx\/(\d+\.\d+\.\d+)/.exec(nginxVersion())?.[1];
    expect(version).toBeDefined();
    const guide = await readFile(new URL('../../docs/INSTALL.md', import.meta.url), 'utf8');
    expect(guide).toContain(`Tried with nginx ${version}`);
  });

  it("answers the portal's POST to the handler path with 200 and the app page", async () => {
    const res = await postPortalForm(base, certificate.cert);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toString()).toBe(site.indexHtml);
  });

  staticServingChecks(get, () => site, PORTAL);

  it('speaks HTTP/2 over TLS', async () => {
    const session = connectHttp2(base, { ca: certificate.cert, servername: 'localhost' });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':path': '/chat-drop/' });
        stream.on('response', (headers) => resolve(Number(headers[':status'])));
        stream.on('error', reject);
        stream.resume();
      });
      expect(status).toBe(200);
      expect(session.alpnProtocol).toBe('h2');
    } finally {
      session.close();
    }
  });
});
