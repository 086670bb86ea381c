import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

export interface ShippedFile {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleSize {
  readonly js: { readonly raw: number; readonly gzip: number };
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
  return {
    js: sum(files.filter((f) => !f.file.endsWith('.css'))),
    css: sum(files.filter((f) => f.file.endsWith('.css'))),
    files,
  };
}
