import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newFreshContext } from './browser.ts';
import { createPageGuard, type PageGuard } from './createPageGuard.ts';
import { keepEvidence } from './keepEvidence.ts';
import { openWidget, type OpenWidgetOptions } from './openWidget.ts';

/** A page in its own fresh profile, watched by a guard that fails the test on page errors. */
export interface GuardedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Fails the test on page errors and on any dialog (dialogs are dismissed and recorded). */
  readonly guard: PageGuard;
}

/** A guarded page with the widget open in the messenger. */
export interface GuardedWidget extends GuardedPage {
  /** Locators inside the app iframe; they follow the frame across reloads. */
  readonly frame: FrameLocator;
  /** The iframe's Frame, for `evaluate` inside the app. */
  readonly appFrame: Frame;
}

export interface BrowserHarness {
  /** The shared browser of this test file (launched in beforeAll). */
  browser(): Browser;
  /** A new context (fresh profile) and page; closed and checked for page errors after the test. */
  newPage(label?: string): Promise<GuardedPage>;
  /**
   * The e2e prologue in one call: a guarded page ({@link newPage}) with the messenger open on a
   * dialog and the widget rendered in its placement ({@link openWidget}).
   */
  openWidget(portalUrl: string, options?: OpenWidgetOptions): Promise<GuardedWidget>;
}

interface Opened extends GuardedPage {
  readonly label: string;
  readonly console: string[];
}

/**
 * Registers the browser lifecycle of one e2e test file (a Vitest-hooks helper, not a React hook:
 * import it aliased, e.g. `useBrowser as setupBrowser`, so react-hooks/rules-of-hooks stays
 * quiet): one Chromium for the whole file (a launch costs ~0.5 s and ~100 MB), one fresh context
 * per page, after every test a check that no page saw an error it did not explicitly allow, and
 * for a failed test its evidence (screenshots, console, the servers' request log) under
 * test-results/e2e/.
 */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  let open: Opened[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    if (process.env.CHAT_DROP_E2E_VERBOSE) console.log(`e2e: Chromium ${browser.version()}`);
  });

  afterEach(async (context) => {
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
    }
    const result = context.task.result;
    if (result?.state === 'fail' || failures.length > 0) {
      const screenshots = new Map<string, Buffer>();
      for (const p of pages) {
        const png = await p.page.screenshot({ timeout: 5_000 }).catch(() => undefined);
        if (png) screenshots.set(p.label, png);
      }
      const where = keepEvidence({
        project: context.task.file.projectName ?? 'e2e',
        test: context.task.fullName ?? context.task.name,
        screenshots,
        console: new Map(pages.map((p) => [p.label, p.console])),
        errors: [...(result?.errors ?? []).map((e) => String(e.stack ?? e.message)), ...failures],
      });
      console.error(`evidence of the failure: ${where}`);
    }
    for (const p of pages) await p.context.close().catch(() => undefined);
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  const harness: BrowserHarness = {
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
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`[pageerror] ${e.name}: ${e.message}`));
      const taken = new Set(open.map((p) => p.label));
      let unique = label;
      for (let i = 2; taken.has(unique); i += 1) unique = `${label}-${i}`;
      const guarded: Opened = {
        page,
        context,
        guard: createPageGuard(page, unique),
        label: unique,
        console: lines,
      };
      open.push(guarded);
      return guarded;
    },
    async openWidget(portalUrl, options) {
      const guarded = await harness.newPage();
      const { frame, appFrame } = await openWidget(guarded.page, portalUrl, options);
      return {
        page: guarded.page,
        context: guarded.context,
        guard: guarded.guard,
        frame,
        appFrame,
      };
    },
  };
  return harness;
}
