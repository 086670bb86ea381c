import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { buildSecurityHeaders } from '../../../server/buildSecurityHeaders.ts';
import type { CopiedSite } from './copySite.ts';
import type { RawResponse } from './sendRaw.ts';

/** A GET of `path` (relative to the site's address) against the server under test. */
export type SiteGet = (path: string, headers?: Record<string, string>) => Promise<RawResponse>;

/** The page and an asset carry `npm run serve`'s CSP for `portal`, nosniff, no X-Frame-Options. */
async function securityHeaders(get: SiteGet, site: CopiedSite, portal: string): Promise<void> {
  const expected = buildSecurityHeaders([portal])['Content-Security-Policy'];
  for (const path of ['', site.pageAssets[0] ?? 'missing']) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp, path).toBe(expected);
    expect(csp, path).toContain(`frame-ancestors ${portal}`);
    expect(csp, path).toMatch(/connect-src 'self' https:/);
    expect(res.headers['x-frame-options'], path).toBeUndefined();
    expect(res.headers['x-content-type-options'], path).toBe('nosniff');
  }
}

/** Hashed assets cached for a year, the page always revalidated. */
async function caching(get: SiteGet, site: CopiedSite): Promise<void> {
  expect(site.pageAssets.length).toBeGreaterThan(0);
  for (const asset of site.pageAssets) {
    const res = await get(asset);
    expect(res.status, asset).toBe(200);
    expect(res.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
  }
  expect((await get('')).headers['cache-control']).toBe('no-cache');
}

/** gzip for the page and a script when the browser accepts it: the same bytes, fewer of them. */
async function gzip(get: SiteGet, site: CopiedSite): Promise<void> {
  const page = await get('', { 'Accept-Encoding': 'gzip' });
  expect(page.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(page.body).toString()).toBe(site.indexHtml);
  const script = site.pageAssets.find((asset) => asset.endsWith('.js')) ?? 'missing.js';
  const raw = await readFile(join(site.dist, script));
  const asset = await get(script, { 'Accept-Encoding': 'gzip, deflate' });
  expect(asset.headers['content-encoding']).toBe('gzip');
  expect(asset.body.length).toBeLessThan(raw.length);
  expect(gunzipSync(asset.body).equals(raw)).toBe(true);
}

/**
 * What every documented web server recipe must do with the built app's files (docs/INSTALL.md),
 * asserted the same way for nginx and Apache: the security headers of `npm run serve`, hashed
 * assets cached for a year, the page always revalidated, and gzip for the page and the assets
 * when the browser accepts it.
 *
 * Registers them as tests of the enclosing `describe` for the server under test: `get` fetches
 * from it, `site()` is the copied build it serves (read when the tests run), `portal` the portal
 * its headers name.
 */
export function staticServingChecks(get: SiteGet, site: () => CopiedSite, portal: string): void {
  it('sends the same CSP as npm run serve: frame-ancestors names the portal, REST to https portals allowed, no X-Frame-Options', () =>
    securityHeaders(get, site(), portal));
  it('caches hashed assets for a year and makes the page revalidate', () => caching(get, site()));
  it('gzips the page and the assets for a browser that accepts it', () => gzip(get, site()));
}
