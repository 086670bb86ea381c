import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A second real production build of the widget whose every chunk differs from the first (a
 * comment naming `version` is appended to each), so all hashed file names change: what an
 * upgrade to a new release deploys.
 */
export async function buildNextVersion(outDir: string, version: string): Promise<void> {
  // A legal comment (`/*!`) in every module's source: minifiers keep those, so it reaches the
  // chunks before their names are hashed.
  const stamp: Plugin = {
    name: 'chat-drop-test:next-version',
    transform: (code, id) =>
      /\.(ts|tsx)$/.test(id) ? `${code}\n/*! chat-drop ${version} */\n` : undefined,
  };
  await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    plugins: [stamp],
    worker: { plugins: () => [stamp] },
    build: { outDir, emptyOutDir: true },
  });
}
