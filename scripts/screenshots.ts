// `npx tsx scripts/screenshots.ts`: the pictures of docs/INSTALL.md, taken in the emulator.
// Builds the app into a temp folder, serves it with the production server (server/), starts a
// fresh emulator with the app registered but not installed, and walks the admin's path in
// Debian's Chromium: the install page, the DEFAULT page's install state, the widget in a chat.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startShotStack } from './startShotStack.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(repoRoot, 'docs', 'images');
/** Small enough for a README (< 150 KB per PNG), big enough to read the text. */
const VIEWPORT = { width: 900, height: 600 } as const;
const MESSENGER_VIEWPORT = { width: 1200, height: 640 } as const;

/** Set once the install page is photographed: the held `setInstallFinish` may go on. */
let released = false;

async function main(): Promise<void> {
  const stack = await startShotStack({ installed: false });
  const { emulator, browser } = stack;
  try {
    await mkdir(OUT_DIR, { recursive: true });
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: VIEWPORT,
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const portal = (path: string): string => new URL(path, emulator.url).href;

    // 1. The install page with its finished steps. installFinish() makes the portal leave the
    //    page at once, so that one frame command is held back while the picture is taken.
    await page.route('**/_emulator/frame/command', async (route) => {
      if (route.request().postData()?.includes('setInstallFinish')) {
        await holdUntilUnrouted(page);
      }
      await route.continue().catch(() => undefined);
    });
    await page.goto(portal('/marketplace/app/1/?user=1&lang=en'));
    const installFrame = page.getByTestId('app-frame').contentFrame();
    await installFrame.getByTestId('install-result').waitFor({ timeout: 30_000 });
    await settle(page);
    await shoot(page, 'install-result.png');
    released = true;
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByTestId('install-banner').waitFor({ timeout: 30_000 });

    // 2. The app's own page (DEFAULT placement) as the admin: where the widgets are bound.
    await page.goto(portal('/marketplace/app/1/?user=1&lang=en'));
    const defaultFrame = page.getByTestId('app-frame').contentFrame();
    await defaultFrame.getByTestId('install-state').waitFor({ timeout: 30_000 });
    // The page may show the chat picker above the install section: bring the section into view.
    await defaultFrame.getByTestId('install-page').scrollIntoViewIfNeeded();
    await settle(page);
    await shoot(page, 'install-state.png');

    // 3. The widget in a chat's side panel; wider, as the messenger shows three columns.
    await page.setViewportSize(MESSENGER_VIEWPORT);
    await page.goto(portal('/online/?IM_DIALOG=chat5&user=1&lang=en'));
    await page.getByTestId('open-im-sidebar').click();
    const widget = page.getByTestId('app-frame').last().contentFrame();
    await widget.getByTestId('chat-drop').waitFor({ state: 'visible', timeout: 30_000 });
    await widget.getByTestId('chat-header').waitFor({ timeout: 30_000 });
    await settle(page);
    await shoot(page, 'widget-in-chat.png');
    await context.close();
  } finally {
    await stack.close();
  }
}

/** Keeps a routed request waiting until the screenshot is taken (or 60 s pass). */
async function holdUntilUnrouted(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!released && !page.isClosed() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lets fonts, transitions and the frame's resize settle so the pictures are stable. */
async function settle(page: Page): Promise<void> {
  // A string: this file is type-checked without the DOM library (tsconfig.node.json).
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(400);
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = join(OUT_DIR, name);
  await page.screenshot({ path: file, type: 'png', animations: 'disabled', caret: 'hide' });
  const { size } = await stat(file);
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB`);
  if (size > 150 * 1024) console.warn(`  warning: ${name} is over 150 KB`);
}

main().catch((error: unknown) => {
  console.error(`Screenshots failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
