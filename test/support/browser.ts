import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); Playwright's own download is not reachable here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, deterministic headless Chromium: no sandbox (containers run as root),
 * no GPU, and no background traffic to Google services (the machine has no network; those
 * requests would only add noise and delays).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

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
