// `npm run package`: builds the app and zips it as a Bitrix24 static local application
// (b24restdocs `local-integrations/static-local-app.md`): index.html at the root of the archive,
// assets next to it by relative paths, install.html as the install wizard.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface PackageOptions {
  /** The built app (`vite build` output). */
  readonly distDir: string;
  /** Where to write the ZIP. */
  readonly outFile: string;
  /** Keep `*.map` files (default false: they expose the sources and double the size). */
  readonly sourcemaps?: boolean;
}

export interface PackageResult {
  readonly outFile: string;
  readonly size: number;
  /** Archive paths, sorted. */
  readonly files: readonly string[];
}

/** Already-compressed formats are stored, not deflated again. */
const STORED = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.woff',
  '.woff2',
  '.zip',
  '.gz',
  '.br',
]);
const TEST_FILE = /(^|\/)(__tests__\/|[^/]+\.(test|spec)\.[cm]?[jt]sx?$)/;
/** Fixed timestamp so that the same build gives the same archive. */
const MTIME = new Date('2020-01-01T00:00:00Z');

/**
 * Zips a built app for upload as a static local application. Leaves out dotfiles, tests and
 * (unless asked) source maps. Adds `install.html`, a copy of `index.html`: without it the portal
 * marks a static app installed at once and never opens it in install mode, so the widgets would
 * never be bound (b24restdocs `settings/app-installation/local-apps/installation-master.md`).
 */
export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const distDir = resolve(options.distDir);
  const names = await listFiles(distDir);
  if (!names.includes('index.html')) {
    throw new Error(`${distDir} has no index.html; run "npm run build" first`);
  }
  const tree: Zippable = {};
  const files: string[] = [];
  for (const name of names) {
    if (name.split('/').some((part) => part.startsWith('.'))) continue;
    if (TEST_FILE.test(name)) continue;
    if (!options.sourcemaps && name.endsWith('.map')) continue;
    // The server's precompressed copies (`npm run build`): Bitrix24 serves the files itself.
    if (/\.(br|gz)$/.test(name) && names.includes(name.slice(0, -3))) continue;
    const data = new Uint8Array(await readFile(join(distDir, ...name.split('/'))));
    tree[name] = [data, { level: STORED.has(extname(name).toLowerCase()) ? 0 : 9, mtime: MTIME }];
    files.push(name);
  }
  if (!files.includes('install.html')) {
    tree['install.html'] = [
      new Uint8Array(await readFile(join(distDir, 'index.html'))),
      { level: 9, mtime: MTIME },
    ];
    files.push('install.html');
  }
  const zip = zipSync(tree, { mtime: MTIME });
  await writeFile(options.outFile, zip);
  return { outFile: resolve(options.outFile), size: zip.length, files: files.sort() };
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full)).isFile())) {
      files.push(relative(dir, full).split(sep).join('/'));
    }
  }
  return files.sort();
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sourcemaps: { type: 'boolean' },
      'skip-build': { type: 'boolean' },
      dist: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const distDir = values.dist ?? 'dist';
  const sourcemaps = values.sourcemaps ?? false;
  if (!values['skip-build']) {
    const { build } = await import('vite');
    await build({ build: { outDir: distDir, emptyOutDir: true, sourcemap: sourcemaps } });
  }
  const result = await packageApp({ distDir, outFile: values.out ?? 'chat-drop.zip', sourcemaps });
  console.log(`${result.outFile}: ${formatSize(result.size)}, ${result.files.length} files`);
  for (const file of result.files) console.log(`  ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
