import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bytes a group of modules takes in the built JS, before minification (rollup's `renderedLength`). */
export interface ModuleGroupSize {
  /** An npm package name, or `src/<area>` for the project's own code. */
  readonly group: string;
  readonly renderedBytes: number;
}

/** `…/node_modules/@scope/name/…` → `@scope/name`; `…/src/ui/X.tsx` → `src/ui`. */
function groupOf(id: string): string {
  const inPackage = id.split('node_modules/').pop() ?? id;
  if (inPackage !== id) {
    const parts = inPackage.split('/');
    return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
  }
  const own = /\/(src\/[^/]+)\//.exec(id);
  return own?.[1] ?? 'other';
}

/** Collects what each package and each src area contributes to the emitted JS chunks. */
function moduleSizes(into: Map<string, number>): Plugin {
  return {
    name: 'chat-drop-bench-module-sizes',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(chunk.modules)) {
          const group = groupOf(id);
          into.set(group, (into.get(group) ?? 0) + info.renderedLength);
        }
      }
    },
  };
}

/**
 * Runs a production Vite build through Vite's JS API into `outDir`.
 * `which: 'bench'` builds the bench page (bench/vite.config.ts); `'widget'` builds the real
 * widget with the project's own vite.config.ts (for startup time and shipped size).
 * Returns the JS size per package / src area, largest first.
 */
export async function buildWithVite(
  which: 'bench' | 'widget',
  outDir: string,
): Promise<ModuleGroupSize[]> {
  const configFile =
    which === 'bench'
      ? fileURLToPath(new URL('../vite.config.ts', import.meta.url))
      : `${ROOT}vite.config.ts`;
  const sizes = new Map<string, number>();
  await build({
    configFile,
    root: which === 'bench' ? undefined : ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [moduleSizes(sizes)],
  });
  return [...sizes]
    .map(([group, renderedBytes]) => ({ group, renderedBytes }))
    .sort((a, b) => b.renderedBytes - a.renderedBytes);
}
