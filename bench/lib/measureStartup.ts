import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

export interface StartupRun {
  /** Frame navigation start (its performance.timeOrigin) → `[data-testid=file-input]` in the DOM. */
  readonly frameToReadyMs: number;
  /** Click on the messenger's "open app" button → the same moment (includes the portal's POST). */
  readonly clickToReadyMs: number;
}

/** Installed into every frame; records when the widget's drop zone input first exists. */
const READY_OBSERVER = `(() => {
  const mark = () => {
    if (window.__benchReadyAt === undefined && document.querySelector('[data-testid="file-input"]')) {
      window.__benchReadyAt = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/**
 * Cold start of the real widget build: a fresh browser context (empty cache) per run, the
 * messenger page of the emulator, a click on "open in sidebar", and the time until the drop
 * zone's file input exists, read from the frame's own clock. A driver is acceptable here: no
 * upload happens, and the page timestamps itself (the driver only reads the figure afterwards).
 */
export async function measureStartup(options: {
  readonly portalUrl: string;
  readonly appOrigin: string;
  readonly runs: number;
  readonly warmup: number;
  readonly timeoutMs: number;
}): Promise<StartupRun[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  const runs: StartupRun[] = [];
  try {
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const context = await browser.newContext();
      try {
        await context.addInitScript(READY_OBSERVER);
        const page = await context.newPage();
        await page.goto(`${options.portalUrl}/online/?IM_DIALOG=chat5`, { waitUntil: 'load' });
        await page
          .locator('[data-testid="open-im-sidebar"]')
          .waitFor({ timeout: options.timeoutMs });
        // String bodies: they run in the page, and this file is type-checked without DOM types.
        const clickedAt = (await page.evaluate(`(() => {
          const at = performance.timeOrigin + performance.now();
          document.querySelector('[data-testid="open-im-sidebar"]').click();
          return at;
        })()`)) as number;
        const deadline = Date.now() + options.timeoutMs;
        let reading: { origin: number; readyAt: number } | undefined;
        while (!reading && Date.now() < deadline) {
          const frame = page.frames().find((f) => f.url().startsWith(options.appOrigin));
          if (frame) {
            reading = await frame
              .evaluate<{ origin: number; readyAt: number } | undefined>(
                `window.__benchReadyAt === undefined ? undefined : { origin: performance.timeOrigin, readyAt: window.__benchReadyAt }`,
              )
              .catch(() => undefined);
          }
          if (!reading) await new Promise((r) => setTimeout(r, 50));
        }
        if (!reading) throw new Error('bench: the widget never showed its drop zone input');
        if (i >= options.warmup) {
          runs.push({
            frameToReadyMs: reading.readyAt,
            clickToReadyMs: reading.origin + reading.readyAt - clickedAt,
          });
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}
