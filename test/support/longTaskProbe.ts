import type { BrowserContext, Frame } from 'playwright-core';

/** A main-thread task over 50 ms, as the browser's `longtask` PerformanceObserver reports it. */
export interface LongTask {
  readonly startTime: number;
  readonly duration: number;
}

/**
 * Records `longtask` entries in every frame of the context (the app frame included) from the
 * first script on. Call before opening the page; read with `readLongTasks`.
 */
export const longTaskProbe = {
  async install(context: BrowserContext): Promise<void> {
    await context.addInitScript(() => {
      const store: { startTime: number; duration: number }[] = [];
      (window as unknown as { __chatDropLongTasks: typeof store }).__chatDropLongTasks = store;
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            store.push({ startTime: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // longtask is Chromium-only; the tests run in Chromium.
      }
    });
  },
  /** `performance.now()` in the frame: pass it to `read` to keep only tasks after that moment. */
  now(frame: Frame): Promise<number> {
    return frame.evaluate(() => performance.now());
  },
  read(frame: Frame, since = 0): Promise<LongTask[]> {
    return frame.evaluate(
      (from) =>
        (
          (window as unknown as { __chatDropLongTasks?: { startTime: number; duration: number }[] })
            .__chatDropLongTasks ?? []
        ).filter((t) => t.startTime >= from),
      since,
    );
  },
};
