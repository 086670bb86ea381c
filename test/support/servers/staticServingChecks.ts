import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { CopiedSite } from './copySite.ts';
import type { RawResponse } from './sendRaw.ts';

/** A GET of `path` (relative to the site's address) against the server under test. */
export type SiteGet = (path: string, headers?: Record<string, string>) => Promise<RawResponse>;

/**
 * What every documented web server recipe must do with the built app's files (docs/INSTALL.md),
 * asserted the same way for nginx and Apache: hashed assets cached for a year, the page always
 * revalidated, and gzip for the page and the assets when the browser accepts it.
 */
export const staticServingChecks = {
  async caching(get: SiteGet, site: CopiedSite): Promise<void> {
    expect(site.pageAssets.length).toBeGreaterThan(0);
    for (const asset of site.pageAssets) {
      const res = await get(asset);
      expect(res.status, asset).toBe(200);
      expect(res.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('')).headers['cache-control']).toBe('no-cache');
  },
  async gzip(get: SiteGet, site: CopiedSite): Promise<void> {
    const page = await get('', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toBe(site.indexHtml);
    const script = site.pageAssets.find((asset) => asset.endsWith('.js')) ?? 'missing.js';
    const raw = await readFile(join(site.dist, script));
    const asset = await get(script, { 'Accept-Encoding': 'gzip, deflate' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.body.length).toBeLessThan(raw.length);
    expect(gunzipSync(asset.body).equals(raw)).toBe(true);
  },
};
