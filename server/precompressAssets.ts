// `tsx server/precompressAssets.ts [dist]` (part of `npm run build`): writes the `.br` and `.gz`
// files that the app server (sirv) and nginx's `gzip_static` send instead of compressing per request.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/**
 * Vite names emitted files `name-<hash>.ext` with an 8-character base64url hash
 * (Rollup/Rolldown `[hash]` default), so their content never changes under the same name.
 */
const HASHED_NAME = /(^|\/)assets\/(.+\/)?[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i;

/** Types worth compressing: text formats and wasm. Images and fonts are compressed already. */
const COMPRESSIBLE: ReadonlySet<string> = new Set([
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.wasm',
  '.txt',
]);

/** Small bodies gain nothing from compression (one TCP packet either way). */
const MIN_BYTES = 512;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** True for a URL path or relative file path of a content-hashed build file under `assets/`. */
export function isHashedAsset(path: string): boolean {
  return HASHED_NAME.test(path);
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) next to every compressible hashed
 * asset under `root`, skipping those already there. Only hashed assets: their name changes with
 * their content, so a compressed copy can never be stale. The page (`index.html`, about 1 KB) is
 * left alone, so a new build copied over an old one never leaves an old compressed page behind.
 * Returns the relative paths of the files it wrote.
 */
export async function precompressAssets(root: string): Promise<string[]> {
  const entries = await readdir(resolve(root), { recursive: true, withFileTypes: true });
  const written: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const relative = full.slice(resolve(root).length + 1).replaceAll('\\', '/');
    if (!isHashedAsset(relative) || !COMPRESSIBLE.has(extname(entry.name).toLowerCase())) continue;
    const raw = await readFile(full);
    if (raw.length < MIN_BYTES) continue;
    for (const [suffix, compress] of [
      ['.br', () => brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })],
      ['.gz', () => gzipAsync(raw, { level: 9 })],
    ] as const) {
      if (await stat(full + suffix).catch(() => undefined)) continue;
      await writeFile(full + suffix, await compress());
      written.push(relative + suffix);
    }
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = process.argv[2] ?? 'dist';
  precompressAssets(root).then(
    (written) => console.log(`precompressed ${written.length} files in ${root}`),
    (error: unknown) => {
      console.error(
        `precompress failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
