import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';
import {
  FIREFOX_PATH,
  MINIBROWSER_PATH,
  WEBKIT_DRIVER_PATH,
  XVFB_PATH,
} from './engines/enginePaths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the production build of the widget that every e2e test serves. */
    chatDropDist: string;
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where e2e builds go: inside node_modules so they are never committed nor linted. */
export const E2E_CACHE_DIR: string = join(repoRoot, 'node_modules', '.cache', 'chat-drop-e2e');

/**
 * This run's builds. One directory per Vitest process, and one per project inside it: two runs
 * at once (two engineers, or a watch run beside `npm test`), or the `e2e` and `e2e-load`
 * projects of one run, must not empty each other's build while their tests serve it.
 */
const E2E_RUN_DIR: string = join(E2E_CACHE_DIR, `run-${process.pid}`);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes builds left by runs that ended without their teardown (killed, crashed). */
async function removeStaleBuilds(): Promise<void> {
  const entries = await readdir(E2E_CACHE_DIR).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (entry) => {
      const match = /^run-(\d+)$/.exec(entry);
      if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1])))
        await rm(join(E2E_CACHE_DIR, entry), { recursive: true, force: true });
    }),
  );
}

/**
 * Vitest global setup of the browser projects: checks for the project's browser, then builds the widget once
 * (production mode, the repo's own vite.config.ts) so every test file serves the same files a
 * real portal would load. Test files read the path with `inject('chatDropDist')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The binaries this project drives (the engine projects set CHAT_DROP_ENGINE).
  const engine = project.config.env?.CHAT_DROP_ENGINE;
  const needed =
    engine === 'firefox'
      ? [FIREFOX_PATH]
      : engine === 'webkit'
        ? [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH, XVFB_PATH]
        : [CHROMIUM_PATH];
  for (const path of needed) {
    if (!existsSync(path)) {
      throw new Error(
        `e2e: ${path} is missing. Run "bash scripts/ensure-browsers.sh" (installs the Debian browser packages), or use "npm test", which runs it first.`,
      );
    }
  }
  if (!existsSync(join(repoRoot, 'index.html'))) {
    throw new Error(
      'e2e: index.html is missing at the repository root, so the widget cannot be built.',
    );
  }
  await removeStaleBuilds();
  const distDir = join(E2E_RUN_DIR, project.name, 'dist');
  const started = Date.now();
  await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir: distDir, emptyOutDir: true },
  });
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`e2e: the widget build did not produce ${join(distDir, 'index.html')}.`);
  }
  if (process.env.CHAT_DROP_E2E_VERBOSE) {
    console.log(`e2e: widget built in ${Date.now() - started} ms into ${distDir}`);
  }
  project.provide('chatDropDist', distDir);
  return async () => {
    await rm(dirname(distDir), { recursive: true, force: true });
  };
}
