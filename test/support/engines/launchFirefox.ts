import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type {
  EngineBrowser,
  EngineSession,
  PageFunction,
  SessionOptions,
} from './EngineSession.ts';
import { FIREFOX_PATH } from './enginePaths.ts';

/**
 * Preferences for a quiet, offline Firefox: no first-run pages, no update or telemetry traffic
 * (the machine has no network). Names from Firefox's own `modules/libpref/init/all.js` and
 * `StaticPrefList.yaml`.
 */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/**
 * `network.cookie.cookieBehavior` 1 = reject third-party cookies, which in Firefox also denies
 * a cross-site frame `localStorage`, `sessionStorage` and IndexedDB (its storage access policy
 * follows the cookie policy: `StorageAccess.cpp`).
 */
const BLOCK_THIRD_PARTY_PREFS: Record<string, unknown> = { 'network.cookie.cookieBehavior': 1 };

function launch(prefs: Record<string, unknown>): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // WebDriver BiDi: the protocol Firefox speaks to automation (puppeteer's default for it).
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { ...QUIET_PREFS, ...prefs },
    args: ['--width=1280', '--height=900'],
  });
}

async function appFrameOf(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handles = await page.$$('[data-testid="app-frame"]');
    const frame = await handles.at(-1)?.contentFrame();
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('firefox: no app frame in the portal page');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Debian's Firefox ESR through puppeteer-core over WebDriver BiDi. One browser per test file; a
 * session is a fresh BiDi user context (its own cookies and storage), or a browser of its own
 * when it must block third-party storage (a profile preference).
 */
export async function launchFirefox(): Promise<EngineBrowser> {
  const shared = await launch({});
  const version = await shared.version();

  async function newSession(options: SessionOptions = {}): Promise<EngineSession> {
    const own = options.blockThirdPartyStorage ? await launch(BLOCK_THIRD_PARTY_PREFS) : undefined;
    const context = await (own ?? shared).createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const lines: string[] = [];
    page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => lines.push(`[pageerror] ${String(e)}`));
    return {
      engine: 'firefox',
      version,
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      async reload() {
        await page.reload({ waitUntil: 'load' });
      },
      top<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T> {
        return page.evaluate(fn as (...a: unknown[]) => T, ...args) as Promise<T>;
      },
      async app<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T> {
        const frame = await appFrameOf(page);
        return frame.evaluate(fn as (...a: unknown[]) => T, ...args) as Promise<T>;
      },
      async setInputFiles(selector, paths) {
        const frame = await appFrameOf(page);
        const input = await frame.waitForSelector(selector, { timeout: 30_000 });
        if (!input) throw new Error(`firefox: no ${selector} in the app frame`);
        await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(
          ...paths,
        );
      },
      async screenshot() {
        return Buffer.from(await page.screenshot({ type: 'png' }));
      },
      consoleLines: () => [...lines],
      async close() {
        await context.close().catch(() => undefined);
        await own?.close().catch(() => undefined);
      },
    };
  }

  return {
    engine: 'firefox',
    newSession,
    async close() {
      await shared.close();
    },
  };
}
