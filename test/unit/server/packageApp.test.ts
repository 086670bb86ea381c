import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageApp } from '../../../scripts/package.ts';
import { precompressAssets } from '../../../server/precompressAssets.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let work: string;
let dist: string;

/** Every relative URL a built HTML/JS/CSS file points at (`./assets/x.js`, a quoted `x-Hash1234.js`). */
function referencedFiles(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:src|href)="\.\/([^"#?]+)"/g))
    if (match[1]) names.add(match[1]);
  for (const match of text.matchAll(
    /["'`(/]([\w.-]+-[\w-]{8}\.(?:js|mjs|css|wasm|svg|png|woff2?))\b/g,
  )) {
    if (match[1]) names.add(`assets/${match[1]}`);
  }
  return [...names];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'chat-drop-package-'));
  dist = join(work, 'dist');
  // The real app, built the way `npm run package` builds it, into a temporary outDir.
  await build({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true, sourcemap: true },
  });
  // Stray files that must never reach the archive: the server's compressed copies
  // (`npm run build` writes them), a dotfile, a test.
  expect((await precompressAssets(dist)).length).toBeGreaterThan(0);
  await writeFile(join(dist, '.DS_Store'), 'junk');
  await writeFile(join(dist, 'assets', 'leftover.test.js'), 'test');
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('packageApp', () => {
  it('zips exactly what a static local app needs: index.html and install.html at the root, every referenced asset', async () => {
    const outFile = join(work, 'chat-drop.zip');
    const result = await packageApp({ distDir: dist, outFile });
    const entries = unzipSync(new Uint8Array(await readFile(outFile)));
    const names = Object.keys(entries).sort();

    expect(names).toEqual(result.files);
    expect(result.size).toBe((await readFile(outFile)).length);
    expect(names).toContain('index.html');
    expect(names).toContain('install.html');
    const index = entries['index.html'];
    expect(index).toBeDefined();
    expect(entries['install.html']).toEqual(index);

    // Every other file sits under assets/: no sources, no maps, no dotfiles, no tests.
    for (const name of names) {
      if (name === 'index.html' || name === 'install.html') continue;
      expect(name, name).toMatch(/^assets\/[\w.-]+\.(js|css|svg|png|wasm|woff2?)$/);
      expect(name, name).not.toMatch(/\.map$|\.test\.|^\.|\/\./);
    }

    // Closed set: everything index.html and the bundles point at is inside, nothing else is.
    const needed = new Set<string>();
    const queue = referencedFiles(strFromU8(index ?? new Uint8Array()));
    expect(queue.length).toBeGreaterThan(0);
    while (queue.length > 0) {
      const name = queue.pop() as string;
      if (needed.has(name)) continue;
      needed.add(name);
      const data = entries[name];
      expect(data, `${name} is referenced but missing from the zip`).toBeDefined();
      if (data && /\.(js|mjs|css)$/.test(name)) queue.push(...referencedFiles(strFromU8(data)));
    }
    expect(names.filter((name) => !needed.has(name) && !name.endsWith('.html'))).toEqual([]);
    // The encoding Worker is a separate file loaded by URL: it must be in the closed set.
    expect([...needed].some((name) => /worker/i.test(name))).toBe(true);
    // Relative URLs only: the portal serves a static app from its own path.
    expect(strFromU8(index ?? new Uint8Array())).not.toMatch(/(?:src|href)="\/(?!\/)/);
  });

  it('keeps source maps only when asked', async () => {
    const outFile = join(work, 'with-maps.zip');
    const result = await packageApp({ distDir: dist, outFile, sourcemaps: true });
    expect(result.files.some((name) => name.endsWith('.map'))).toBe(true);
    expect(result.files.some((name) => name.includes('.test.') || name.startsWith('.'))).toBe(
      false,
    );
  });

  it('refuses a directory without index.html', async () => {
    const empty = await mkdtemp(join(work, 'empty-'));
    await expect(packageApp({ distDir: empty, outFile: join(work, 'x.zip') })).rejects.toThrow(
      /no index\.html/,
    );
  });
});
