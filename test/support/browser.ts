import { chromium, type Browser, type BrowserContext } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** Starts headless Debian Chromium through playwright-core. One per test file is enough. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * A new browser context is a fresh profile: no cookies, no storage, no cache from another test.
 * English locale so the widget's default texts are the ones the tests name.
 */
export function newFreshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
}
