// The e2e harness itself: a test must fail on any error in the portal page or the app frame.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { createPageGuard } from '../support/createPageGuard.ts';
import type { Browser } from 'playwright-core';

let browser: Browser;
let parent: Server;
let child: Server;
let parentUrl = '';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A child document on another origin that logs an error, rejects a promise, throws, and gets a 503.
  child = createServer((req, res) => {
    if (req.url === '/busy') {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<script>
      console.error('child console error');
      Promise.reject(new Error('child rejection'));
      setTimeout(() => { throw new Error('child throw'); }, 0);
      fetch('/busy');
    </script>`);
  });
  const childPort = await listen(child);
  parent = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<iframe src="http://127.0.0.1:${childPort}/"></iframe>`);
  });
  parentUrl = `http://localhost:${await listen(parent)}/`;
});

afterAll(async () => {
  await browser?.close();
  parent?.close();
  child?.close();
});

describe('page guard', () => {
  test('reports console errors, unhandled rejections and uncaught errors from a cross-origin frame', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const guard = createPageGuard(page);
    await page.goto(parentUrl);
    await expect.poll(() => guard.problems().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    const texts = guard.unexpected().map((p) => p.text);
    expect(texts).toContain('child console error');
    expect(texts.some((t) => t.includes('child rejection'))).toBe(true);
    expect(texts.some((t) => t.includes('child throw'))).toBe(true);
    expect(() => guard.assertClean()).toThrow(/unexpected page error/);
    await context.close();
  });

  test('accepts only what a test explicitly allows', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const guard = createPageGuard(page);
    guard.allowFailedResponses([503], 'this page asks for /busy, which answers 503');
    await page.goto(parentUrl);
    await expect.poll(() => guard.problems().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    const left = guard.unexpected().map((p) => p.text);
    expect(left.some((t) => t.includes('status of 503'))).toBe(false);
    expect(left).toContain('child console error');
    expect(() => guard.allow(/x/, ' ')).toThrow(/say why/);
    await context.close();
  });

  test('reports a dialog and dismisses it; only an explicit allowance excuses it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const guard = createPageGuard(page);
    await page.setContent('<p>x</p>');
    // The page goes on after the dialog: the evaluate resolves because the guard dismissed it.
    await page.evaluate(() => alert('from a name'));
    expect(guard.dialogs()).toEqual(['alert: from a name']);
    expect(() => guard.assertClean()).toThrow(/\[dialog\] alert: from a name/);
    guard.allow(/^alert: from a name$/, 'this test opens the dialog itself');
    expect(() => guard.assertClean()).not.toThrow();
    await context.close();
  });
});
