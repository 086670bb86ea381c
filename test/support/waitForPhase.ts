import type { Frame } from 'playwright-core';
import type { Phase } from '../../src/core/types.ts';

/** One queue row as the widget shows it (`data-testid="upload-row"`). */
export interface RowState {
  readonly name: string;
  readonly phase: string;
  readonly text: string;
}

const TERMINAL: readonly string[] = ['delivered', 'failed', 'cancelled'];

/** Rows currently in the DOM, in DOM order (a virtualized list renders only the visible ones). */
export function readRows(appFrame: Frame): Promise<RowState[]> {
  return appFrame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]')).map((row) => ({
      name: row.dataset.name ?? '',
      phase: row.dataset.phase ?? '',
      text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * Waits until the row of the file `name` shows `phase`. Fails at once when the row settles in
 * another final phase (waiting for `delivered` on a `failed` row would only time out), and on
 * timeout reports what the rows showed. Names are compared as data (no CSS selector escaping).
 */
export async function waitForPhase(
  appFrame: Frame,
  name: string,
  phase: Phase,
  timeoutMs = 60_000,
): Promise<RowState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await readRows(appFrame);
    const mine = last.filter((r) => r.name === name);
    const hit = mine.find((r) => r.phase === phase);
    if (hit) return hit;
    const settled = mine.find((r) => TERMINAL.includes(r.phase) && TERMINAL.includes(phase));
    if (settled && mine.every((r) => TERMINAL.includes(r.phase))) {
      throw new Error(
        `waitForPhase: "${name}" settled as ${settled.phase} (${settled.text}), expected ${phase}`,
      );
    }
    if (Date.now() > deadline) {
      const shown = last.map((r) => `${r.name}=${r.phase}`).join(', ') || 'no rows';
      throw new Error(
        `waitForPhase: "${name}" did not reach ${phase} within ${timeoutMs} ms; rows: ${shown}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
