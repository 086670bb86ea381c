import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHashedAsset, precompressAssets } from '../../../server/precompressAssets.ts';

const SCRIPT = `export const text = ${JSON.stringify('chat drop '.repeat(300))};\n`;
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'chat-drop-precompress-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), `<!doctype html>${'<p>page</p>'.repeat(200)}`);
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'tiny-Ab12Cd34.js'), 'export {};\n');
  await writeFile(join(root, 'assets', 'logo-Qq11Rr22.png'), Buffer.alloc(4096, 1));
  await writeFile(join(root, 'assets', 'unhashed.js'), SCRIPT);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('precompressAssets', () => {
  it('writes brotli and gzip copies of compressible hashed assets only, never of the page', async () => {
    const written = await precompressAssets(root);
    expect(written.sort()).toEqual(['assets/index-Ab12Cd34.js.br', 'assets/index-Ab12Cd34.js.gz']);
    const br = await readFile(join(root, 'assets', 'index-Ab12Cd34.js.br'));
    const gz = await readFile(join(root, 'assets', 'index-Ab12Cd34.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(SCRIPT);
    expect(gunzipSync(gz).toString()).toBe(SCRIPT);
    expect(await readdir(root)).not.toContain('index.html.br');
  });

  it('leaves copies already there alone, so running it again writes nothing', async () => {
    await precompressAssets(root);
    expect(await precompressAssets(root)).toEqual([]);
  });

  it('tells content-hashed build files from other paths', () => {
    expect(isHashedAsset('/assets/index-D7O_lGia.js')).toBe(true);
    expect(isHashedAsset('assets/base64.worker-T02ek5oA.js')).toBe(true);
    expect(isHashedAsset('/index.html')).toBe(false);
    expect(isHashedAsset('/assets/unhashed.js')).toBe(false);
    expect(isHashedAsset('/favicon-Ab12Cd34.svg')).toBe(false);
  });
});
