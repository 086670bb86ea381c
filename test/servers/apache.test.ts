// Issue 16: the Apache recipe of docs/INSTALL.md, run as documented by Debian's Apache 2.4,
// started by the test as the current user with its own ServerRoot and a loopback port.
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copySite, type CopiedSite } from '../support/servers/copySite.ts';
import { freePort } from '../support/servers/freePort.ts';
import { fillPlaceholders, readDocSnippet } from '../support/servers/readDocSnippet.ts';
import { postPortalForm } from '../support/servers/postPortalForm.ts';
import { sendRaw } from '../support/servers/sendRaw.ts';
import { staticServingChecks } from '../support/servers/staticServingChecks.ts';
import { apacheVersion, startApache, type StartedApache } from '../support/servers/startApache.ts';

const PORTAL = 'https://yourcompany.bitrix24.com';

let site: CopiedSite;
let apache: StartedApache;
let base: string;

beforeAll(async () => {
  site = await copySite(inject('chatDropDist'));
  const port = await freePort();
  apache = await startApache({
    port,
    // The modules the guide names: Debian's defaults plus mod_headers.
    modules: ['alias', 'dir', 'headers', 'deflate', 'filter'],
    site: fillPlaceholders(readDocSnippet('apache-conf'), {
      '/srv/chat-drop/dist/': `${site.dist}/`,
    }),
  });
  base = `http://127.0.0.1:${port}/chat-drop/`;
});

afterAll(async () => {
  await apache?.close();
  if (site) await rm(site.dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  sendRaw(new URL(path, base).href, { headers });

describe('the documented Apache recipe', () => {
  it('passes apache2 -t without warnings', () => {
    expect(apache.testOutput).toMatch(/Syntax OK/);
    expect(apache.testOutput).not.toMatch(/AH\d+/);
  });

  it('names the Apache version it was tried with', async () => {
    const version = /Apache\/(\d+\.\d+)/.exec(apacheVersion())?.[1];
    expect(version).toBeDefined();
    const guide = await readFile(new URL('../../docs/INSTALL.md', import.meta.url), 'utf8');
    expect(guide).toContain(`Tried with Apache ${version}`);
  });

  it("answers the portal's POST to the handler path with 200 and the app page", async () => {
    const res = await postPortalForm(base);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toString()).toBe(site.indexHtml);
    expect(await apache.errorLog()).not.toMatch(/\[(\w+:)?error\]/);
  });

  staticServingChecks(get, () => site, PORTAL);
});
