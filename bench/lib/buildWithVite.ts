import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a production Vite build through Vite's JS API into `outDir`.
 * `which: 'bench'` builds the bench page (bench/vite.config.ts); `'widget'` builds the real
 * widget with the project's own vite.config.ts (for startup time and shipped size).
 */
export async function buildWithVite(which: 'bench' | 'widget', outDir: string): Promise<void> {
  const configFile =
    which === 'bench'
      ? fileURLToPath(new URL('../vite.config.ts', import.meta.url))
      : `${ROOT}vite.config.ts`;
  await build({
    configFile,
    root: which === 'bench' ? undefined : ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
