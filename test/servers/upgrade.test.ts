// Issue 16: upgrading the app on the same server while a panel is open in a chat.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { precompressAssets } from '../../server/precompressAssets.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { openWidget } from '../support/openWidget.ts';
import { buildNextVersion } from '../support/servers/buildNextVersion.ts';
import { copySite, type CopiedSite } from '../support/servers/copySite.ts';
import { startFramingStack, type FramingStack } from '../support/servers/startFramingStack.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { waitForPhase } from '../support/waitForPhase.ts';
// Aliased: `useBrowser` registers Vitest hooks; it is not a React hook (react-hooks/rules-of-hooks).
import { useBrowser as registerBrowser } from '../support/useBrowser.ts';

const MARKETING = 5;

let next: string;
let nextAssets: string[];
let site: CopiedSite | undefined;
let stack: FramingStack | undefined;

beforeAll(async () => {
  next = await mkdtemp(join(tmpdir(), 'chat-drop-next-'));
  await buildNextVersion(join(next, 'dist'), 'next');
  nextAssets = await readdir(join(next, 'dist', 'assets'));
  const current = await readdir(join(inject('chatDropDist'), 'assets'));
  // The precondition of every test here: the new build's scripts are new files (unchanged
  // files, such as the styles, keep their names, as in any release).
  const changed = nextAssets.filter((name) => name.endsWith('.js') && !current.includes(name));
  expect(changed.some((name) => name.startsWith('index-'))).toBe(true);
  expect(changed.some((name) => name.startsWith('base64.worker-'))).toBe(true);
  expect(changed.some((name) => name.startsWith('UploadList-'))).toBe(true);
}, 120_000);
afterAll(async () => {
  if (next) await rm(next, { recursive: true, force: true });
});
afterEach(async () => {
  await stack?.close();
  if (site) await rm(site.dir, { recursive: true, force: true });
  stack = undefined;
  site = undefined;
});
const harness = registerBrowser();

/** Serves the current build, opens the panel in a chat, and records what the app server answered. */
async function openPanelOnCurrentBuild() {
  site = await copySite(inject('chatDropDist'));
  stack = await startFramingStack({ root: site.dist, frameAncestors: (portal) => [portal] });
  const appUrl = stack.appUrl;
  const { page, guard } = await harness.newPage('panel open across the upgrade');
  const answers: Response[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(appUrl)) answers.push(response);
  });
  const widget = await openWidget(page, stack.emulator.url, { dialogId: 'chat5' });
  return { page, guard, widget, answers, emulator: stack.emulator, dist: site.dist };
}

/** Status of the last answer for an asset whose name starts with `prefix`, e.g. `base64.worker-`. */
function lastStatus(answers: readonly Response[], prefix: string): number | undefined {
  return answers
    .filter((response) => new URL(response.url()).pathname.startsWith(`/assets/${prefix}`))
    .at(-1)
    ?.status();
}

async function dropAndExpectDelivered(
  widget: Awaited<ReturnType<typeof openWidget>>,
  emulator: FramingStack['emulator'],
  name: string,
): Promise<void> {
  const [dropped] = await setInputFiles(widget.frame, [{ name, size: 4096 }]);
  await waitForPhase(widget.appFrame, name, 'delivered');
  const arrived = await waitForChatFiles(emulator, MARKETING, [name]);
  expect(arrived).toHaveLength(1);
  expect(arrived[0]?.sha256).toBe(dropped?.sha256);
}

describe('upgrading the app while a panel is open', () => {
  it('a new build that replaced the old one entirely (npm run build empties dist/): the open panel keeps delivering, and reopening it runs the new build', async () => {
    const { widget, answers, emulator, dist, page, guard } = await openPanelOnCurrentBuild();
    // The old page's files loaded on first use (its Worker, the chat-history reader after a
    // batch) are gone with the old build: their 404s are expected; the panel goes on without them.
    guard.allowFailedResponses([404], 'the old build was removed under the open panel');
    await rm(dist, { recursive: true, force: true });
    await cp(join(next, 'dist'), dist, { recursive: true });
    await precompressAssets(dist);

    await dropAndExpectDelivered(widget, emulator, 'during-upgrade.txt');
    // The old page asked for its own Worker, which the new build removed: the widget encoded
    // the file on the page instead (createWorkerEncoder's fallback), and nothing broke.
    expect(lastStatus(answers, 'base64.worker-')).toBe(404);

    // Reopened in the same browser, its HTTP cache kept: the page is the new one (the portal
    // posts the frame, and the page is no-cache for GET loads), so its scripts are the new ones;
    // the old, year-cached files cannot mix in, because the new names differ.
    answers.length = 0;
    const reopened = await openWidget(page, emulator.url, { dialogId: 'chat5' });
    const entry = answers
      .map((response) => new URL(response.url()).pathname)
      .find((path) => /^\/assets\/index-.+\.js$/.test(path));
    expect(nextAssets).toContain(entry?.slice('/assets/'.length));
    await dropAndExpectDelivered(reopened, emulator, 'after-upgrade.txt');
    expect(lastStatus(answers, 'base64.worker-')).toBe(200);
  });

  it("a new build copied over the old one (the guide's rsync without --delete): the open panel keeps its own files", async () => {
    const { widget, answers, emulator, dist } = await openPanelOnCurrentBuild();
    await cp(join(next, 'dist'), dist, { recursive: true });
    await precompressAssets(dist);

    await dropAndExpectDelivered(widget, emulator, 'during-copy-upgrade.txt');
    expect(lastStatus(answers, 'base64.worker-')).toBe(200);
    expect(answers.every((response) => response.status() < 400)).toBe(true);
  });
});
