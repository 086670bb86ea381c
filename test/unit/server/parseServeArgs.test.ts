import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../server/parseServeArgs.ts';
import { normalizeAncestors } from '../../../server/buildSecurityHeaders.ts';

describe('parseServeArgs', () => {
  it('defaults to dist on 127.0.0.1:8081 over HTTP', () => {
    expect(parseServeArgs([])).toMatchObject({
      root: 'dist',
      port: 8081,
      host: '127.0.0.1',
      cert: undefined,
      key: undefined,
      frameAncestors: [],
    });
  });

  it('splits frame ancestors on spaces and commas, repeatable', () => {
    const args = parseServeArgs([
      '--frame-ancestors',
      'https://a.bitrix24.com, https://b.bitrix24.de',
      '--frame-ancestors=https://c.example.com',
    ]);
    expect(args.frameAncestors).toEqual([
      'https://a.bitrix24.com',
      'https://b.bitrix24.de',
      'https://c.example.com',
    ]);
  });

  it('rejects a bad port and a certificate without its key', () => {
    expect(() => parseServeArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--cert', 'c.pem'])).toThrow(/--cert and --key/);
    expect(() => parseServeArgs(['--bogus'])).toThrow();
  });
});

describe('normalizeAncestors', () => {
  it('keeps origins, wildcards and keywords, strips paths, and defaults to any parent', () => {
    expect(normalizeAncestors(['https://Example.bitrix24.com/online/?x=1'])).toEqual([
      'https://example.bitrix24.com',
    ]);
    expect(normalizeAncestors(['https://*.bitrix24.com', "'self'", 'https:'])).toEqual([
      'https://*.bitrix24.com',
      "'self'",
      'https:',
    ]);
    expect(normalizeAncestors([])).toEqual(['*']);
    expect(normalizeAncestors(undefined)).toEqual(['*']);
  });

  it('rejects something that is not an origin', () => {
    expect(() => normalizeAncestors(['example.bitrix24.com'])).toThrow(/Invalid frame ancestor/);
  });
});
