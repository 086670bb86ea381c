import { chmod, cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precompressAssets } from '../../../server/precompressAssets.ts';

export interface CopiedSite {
  /** A temporary directory readable by a server's worker user. */
  readonly dir: string;
  /** `<dir>/dist`: the build as `npm run build` leaves it (with the .br/.gz of hashed assets). */
  readonly dist: string;
  /** The build's index.html. */
  readonly indexHtml: string;
  /** The assets index.html loads by relative URL, e.g. `assets/index-AbCd1234.js`. */
  readonly pageAssets: readonly string[];
}

/**
 * Copies a widget build into a fresh temporary directory as an admin would deploy it
 * (`npm run build`, then copy `dist/`), so a server can serve it and a test can replace it.
 */
export async function copySite(build: string): Promise<CopiedSite> {
  const dir = await mkdtemp(join(tmpdir(), 'chat-drop-site-'));
  await chmod(dir, 0o755);
  const dist = join(dir, 'dist');
  await cp(build, dist, { recursive: true });
  await precompressAssets(dist);
  const indexHtml = await readFile(join(dist, 'index.html'), 'utf8');
  const pageAssets = [...indexHtml.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  return { dir, dist, indexHtml, pageAssets };
}
