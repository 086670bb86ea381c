import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { createEmulator } from '../emulator/createEmulator.ts';
import type { Emulator, EmulatorOptions } from '../emulator/createEmulator.ts';
import { createAppServer } from '../server/createAppServer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What the screenshot scripts photograph: the production build inside the emulator. */
export interface ShotStack {
  readonly emulator: Emulator;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the widget into a temporary folder, serves it with the production server, starts an
 * emulator whose app points at it, and a headless Debian Chromium: the same pieces a portal admin
 * would run, so the pictures show what users see.
 */
export async function startShotStack(
  emulatorOptions: Partial<Omit<EmulatorOptions, 'port' | 'dataDir' | 'appUrl'>> = {},
): Promise<ShotStack> {
  const work = await mkdtemp(join(tmpdir(), 'chat-drop-shots-'));
  const dist = join(work, 'dist');
  await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true },
  });
  const app = await createAppServer({ root: dist, port: 0 });
  const emulator = await createEmulator({
    ...emulatorOptions,
    port: 0,
    dataDir: join(work, 'portal'),
    appUrl: app.url,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  return {
    emulator,
    browser,
    async close() {
      await browser.close();
      await Promise.allSettled([emulator.close(), app.close()]);
      await rm(work, { recursive: true, force: true });
    },
  };
}
