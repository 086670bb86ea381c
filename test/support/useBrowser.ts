import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newFreshContext } from './browser.ts';
import { createPageGuard, type PageGuard } from './createPageGuard.ts';

/** A page in its own fresh profile, watched by a guard that fails the test on page errors. */
export interface GuardedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly guard: PageGuard;
}

export interface BrowserHarness {
  /** The shared browser of this test file (launched in beforeAll). */
  browser(): Browser;
  /** A new context (fresh profile) and page; closed and checked for page errors after the test. */
  newPage(label?: string): Promise<GuardedPage>;
}

/**
 * Registers the browser lifecycle of one e2e test file (a Vitest-hooks helper, not a React hook:
 * import it aliased, e.g. `useBrowser as setupBrowser`, so react-hooks/rules-of-hooks stays quiet): one Chromium for the whole file (a launch
 * costs ~0.5 s and ~100 MB), one fresh context per page, and after every test a check that no
 * page saw an error it did not explicitly allow. Call at the top level of the test file.
 */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  let open: GuardedPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const pages = open;
    open = [];
    // Let in-flight console messages arrive before judging.
    await new Promise((r) => setTimeout(r, 50));
    const failures: string[] = [];
    for (const p of pages) {
      try {
        p.guard.assertClean();
      } catch (error) {
        failures.push((error as Error).message);
      }
      await p.context.close().catch(() => undefined);
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  return {
    browser() {
      if (!browser)
        throw new Error(
          'useBrowser: the browser is not started (call it at the top level of the test file)',
        );
      return browser;
    },
    async newPage(label = 'page') {
      const context = await newFreshContext(this.browser());
      const page = await context.newPage();
      const guarded: GuardedPage = { page, context, guard: createPageGuard(page, label) };
      open.push(guarded);
      return guarded;
    },
  };
}
