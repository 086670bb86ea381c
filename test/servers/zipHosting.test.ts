// Issue 16: the ZIP as Bitrix24 hosts a static local app: unpacked under a path prefix on an
// origin other than the portal's, `install.html` opened for the install, `index.html` after it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmulator } from '../../emulator/createEmulator.ts';
import type { Emulator, EmulatorState } from '../../emulator/types.ts';
import { packageApp } from '../../scripts/package.ts';
import { createAppServer, type AppServer } from '../../server/createAppServer.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { openWidget } from '../support/openWidget.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { waitForPhase } from '../support/waitForPhase.ts';
// Aliased: `useBrowser` registers Vitest hooks; it is not a React hook (react-hooks/rules-of-hooks).
import { useBrowser as registerBrowser } from '../support/useBrowser.ts';

/** A fixed OAuth token of the app for user 1 (admin), to read the portal's state over REST. */
const ADMIN_TOKEN = 'servers-zip-admin-token';
/** Where the portal's file hosting puts this app's files (assumed shape: one folder per app). */
const PREFIX = '/rest-apps/chat-drop-1a2b3c/';
const MARKETING = 5;

let work: string;
let host: AppServer;
let emulator: Emulator;
let indexUrl: string;
let installUrl: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'chat-drop-zip-'));
  const zip = await packageApp({ distDir: inject('chatDropDist'), outFile: join(work, 'app.zip') });
  const hosted = join(work, 'hosting', ...PREFIX.split('/').filter(Boolean));
  for (const [name, data] of Object.entries(
    unzipSync(new Uint8Array(await readFile(zip.outFile))),
  )) {
    await mkdir(dirname(join(hosted, name)), { recursive: true });
    await writeFile(join(hosted, name), data);
  }
  // Any static server that answers the portal's POST will do as the hosting; this origin
  // (127.0.0.1:<port>) differs from the portal's (localhost:<port>).
  host = await createAppServer({ root: join(work, 'hosting') });
  indexUrl = new URL(`${PREFIX}index.html`, host.url).href;
  installUrl = new URL(`${PREFIX}install.html`, host.url).href;

  // A static app is registered with both pages: the handler is index.html and the install page
  // is install.html (b24restdocs `settings/app-installation/local-apps/installation-master.md`).
  // The emulator registers one URL for both, so its stored registration is edited between two
  // starts on the same data directory, as a portal admin's form would have saved it.
  const dataDir = join(work, 'portal');
  const options = {
    port: 0,
    dataDir,
    appUrl: indexUrl,
    installed: false,
    oauthTokens: [{ userId: 1, token: ADMIN_TOKEN }],
  };
  await (await createEmulator(options)).close();
  const statePath = join(dataDir, 'state.json');
  const state = JSON.parse(await readFile(statePath, 'utf8')) as EmulatorState;
  const app = state.apps.find((record) => record.id === 1);
  if (!app) throw new Error('the emulator seed has no app 1');
  app.urlInstall = installUrl;
  await writeFile(statePath, JSON.stringify(state));
  emulator = await createEmulator(options);
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const harness = registerBrowser();

async function rest(method: string): Promise<unknown> {
  const response = await fetch(new URL(`/rest/${method}`, emulator.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: ADMIN_TOKEN }),
  });
  const body = (await response.json()) as { result?: unknown };
  return body.result;
}

describe('the ZIP hosted under a path prefix on another origin', () => {
  it('installs from install.html, binds index.html, and the widget then works from index.html with its relative assets', async () => {
    expect(new URL(indexUrl).origin).not.toBe(new URL(emulator.url).origin);
    const { page } = await harness.newPage('admin');
    const hosting: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(host.url)) hosting.push(response);
    });

    await page.goto(new URL('/marketplace/app/1/?user=1&lang=en', emulator.url).href);
    await page.getByTestId('install-banner').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('install-banner').getAttribute('data-result')).toBe('Y');
    expect(((await rest('app.info')) as { INSTALLED: boolean }).INSTALLED).toBe(true);
    const bound = (await rest('placement.get')) as { placement: string; handler: string }[];
    expect(bound.map((row) => [row.placement, row.handler]).sort()).toEqual([
      ['IM_SIDEBAR', indexUrl],
      ['IM_TEXTAREA', indexUrl],
    ]);

    const { page: chat } = await harness.newPage('messenger');
    chat.on('response', (response) => {
      if (response.url().startsWith(host.url)) hosting.push(response);
    });
    const widget = await openWidget(chat, emulator.url, { dialogId: 'chat5' });
    expect(widget.appFrame.url().split('?')[0]).toBe(indexUrl);
    const [dropped] = await setInputFiles(widget.frame, [{ name: 'from-the-zip.txt', size: 2048 }]);
    await waitForPhase(widget.appFrame, 'from-the-zip.txt', 'delivered');
    const [arrived] = await waitForChatFiles(emulator, MARKETING, ['from-the-zip.txt']);
    expect(arrived?.sha256).toBe(dropped?.sha256);

    // install.html first (POST, as the portal opens apps), index.html after; every asset both
    // pages and the encoding Worker asked for was found under the prefix.
    const pages = hosting
      .filter((response) => response.request().resourceType() === 'document')
      .map((response) => new URL(response.url()).pathname);
    expect(pages[0]).toBe(`${PREFIX}install.html`);
    expect(pages.at(-1)).toBe(`${PREFIX}index.html`);
    const assets = hosting.filter((response) =>
      new URL(response.url()).pathname.includes('/assets/'),
    );
    expect(assets.some((response) => /worker/i.test(response.url()))).toBe(true);
    for (const response of assets) {
      expect(new URL(response.url()).pathname.startsWith(`${PREFIX}assets/`), response.url()).toBe(
        true,
      );
      expect(response.status(), response.url()).toBeLessThan(400);
    }
  });
});
