import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

export interface ShippedFile {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleSize {
  readonly js: { readonly raw: number; readonly gzip: number };
  /**
   * The JS a browser must fetch before the drop zone can show: the entry script of index.html,
   * its modulepreloads and their static imports; lazy chunks (install page, other languages,
   * the chat picker) and the Worker are fetched later or never.
   */
  readonly startupJs: {
    readonly raw: number;
    readonly gzip: number;
    readonly files: readonly string[];
  };
  readonly css: { readonly raw: number; readonly gzip: number };
  readonly files: readonly ShippedFile[];
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

/**
 * Raw and gzip (level 9, as most size reports use) sizes of every .js/.css file a build ships,
 * Worker chunks included: everything a user's browser may download.
 */
export async function measureBundleSize(distDir: string): Promise<BundleSize> {
  const files: ShippedFile[] = [];
  for (const path of await walk(distDir)) {
    if (!/\.(js|mjs|css)$/.test(path)) continue;
    const bytes = await readFile(path);
    const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    files.push({ file: relative(distDir, path), raw: bytes.length, gzip });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (list: ShippedFile[]): { raw: number; gzip: number } => ({
    raw: list.reduce((s, f) => s + f.raw, 0),
    gzip: list.reduce((s, f) => s + f.gzip, 0),
  });
  const startup = await startupFiles(distDir);
  const startupList = files.filter((f) => startup.has(f.file));
  return {
    js: sum(files.filter((f) => !f.file.endsWith('.css'))),
    startupJs: { ...sum(startupList), files: startupList.map((f) => f.file) },
    css: sum(files.filter((f) => f.file.endsWith('.css'))),
    files,
  };
}

/** Files index.html loads at once, following static `import … from "./x.js"` in each. */
async function startupFiles(distDir: string): Promise<Set<string>> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const pending = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => normalize(m[1] ?? '').replace(/^\//, ''));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(join(distDir, file), 'utf8').catch(() => '');
    // Static imports only (`import{a}from"./b.js"`, `import"./c.js"`); `import("./d.js")` is lazy.
    for (const m of code.matchAll(
      /import\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      pending.push(normalize(join(dirname(file), m[1] ?? '')));
    }
  }
  return seen;
}
