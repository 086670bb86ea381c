import type { Frame } from 'playwright-core';

/** One sample of a queue row: its phase and its progress bar's value (undefined = indeterminate). */
export interface ProgressSample {
  readonly at: number;
  readonly phase: string;
  readonly value: number | undefined;
}

/** A running sampler inside the app frame; `stop()` ends it and returns the samples. */
export interface ProgressRecording {
  stop(): Promise<ProgressSample[]>;
}

/**
 * Samples the row of the file `name` every `everyMs` inside the app frame (so a busy test process
 * cannot miss fast changes): its `data-phase` and the `aria-valuenow` of its `role="progressbar"`.
 * Names are compared as data (`dataset.name`), never put into a selector.
 */
export async function recordProgress(
  appFrame: Frame,
  name: string,
  everyMs = 25,
): Promise<ProgressRecording> {
  const key = `__chatDropProgress_${Math.random().toString(36).slice(2)}`;
  await appFrame.evaluate(
    ({ key, name, everyMs }) => {
      const samples: { at: number; phase: string; value: number | undefined }[] = [];
      const timer = setInterval(() => {
        const row = Array.from(
          document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]'),
        ).find((r) => r.dataset.name === name);
        if (!row) return;
        const bar = row.querySelector('[role="progressbar"]');
        const now = bar?.getAttribute('aria-valuenow');
        samples.push({
          at: performance.now(),
          phase: row.dataset.phase ?? '',
          value: now === null || now === undefined ? undefined : Number(now),
        });
      }, everyMs);
      (window as unknown as Record<string, unknown>)[key] = { samples, timer };
    },
    { key, name, everyMs },
  );
  return {
    stop: () =>
      appFrame.evaluate((key) => {
        const store = (window as unknown as Record<string, unknown>)[key] as {
          samples: { at: number; phase: string; value: number | undefined }[];
          timer: ReturnType<typeof setInterval>;
        };
        clearInterval(store.timer);
        return store.samples;
      }, key),
  };
}
