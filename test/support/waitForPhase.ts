import type { Frame } from 'playwright-core';
import type { Phase } from '../../src/core/types.ts';

/** One queue row as the widget shows it (`data-testid="upload-row"`). */
export interface RowState {
  readonly name: string;
  readonly phase: string;
  readonly text: string;
}

const TERMINAL: readonly string[] = ['delivered', 'failed', 'cancelled'];

/**
 * Page script: the queue rows in the DOM (`data-testid="upload-row"`), in DOM order (a
 * virtualized list renders only the visible ones). Runs in the app frame of any engine.
 */
export function rowsInDocument(): RowState[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]')).map(
    (row) => ({
      name: row.dataset.name ?? '',
      phase: row.dataset.phase ?? '',
      text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }),
  );
}

/** Rows currently in the DOM, in DOM order (a virtualized list renders only the visible ones). */
export function readRows(appFrame: Frame): Promise<RowState[]> {
  return appFrame.evaluate(rowsInDocument);
}

/** How {@link pollRowPhase} reads and reports: `label` starts its errors, `pollMs` spaces reads. */
export interface RowPoll {
  readonly label: string;
  readonly timeoutMs: number;
  readonly pollMs: number;
}

/**
 * Reads the rows with `read` until the row of the file `name` shows `phase`. Fails at once when
 * the row settles in another final phase (waiting for `delivered` on a `failed` row would only
 * time out), and on timeout reports what the rows showed. Names are compared as data.
 */
export async function pollRowPhase(
  read: () => Promise<RowState[]>,
  name: string,
  phase: Phase,
  { label, timeoutMs, pollMs }: RowPoll,
): Promise<RowState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    const mine = last.filter((r) => r.name === name);
    const hit = mine.find((r) => r.phase === phase);
    if (hit) return hit;
    const settled = mine.find((r) => TERMINAL.includes(r.phase) && TERMINAL.includes(phase));
    if (settled && mine.every((r) => TERMINAL.includes(r.phase))) {
      throw new Error(
        `${label}: "${name}" settled as ${settled.phase} (${settled.text}), expected ${phase}`,
      );
    }
    if (Date.now() > deadline) {
      const shown = last.map((r) => `${r.name}=${r.phase}`).join(', ') || 'no rows';
      throw new Error(
        `${label}: "${name}" did not reach ${phase} within ${timeoutMs} ms; rows: ${shown}`,
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Waits until the row of the file `name` shows `phase` in the app frame ({@link pollRowPhase}).
 * Names are compared as data (no CSS selector escaping).
 */
export function waitForPhase(
  appFrame: Frame,
  name: string,
  phase: Phase,
  timeoutMs = 60_000,
): Promise<RowState> {
  return pollRowPhase(() => readRows(appFrame), name, phase, {
    label: 'waitForPhase',
    timeoutMs,
    pollMs: 100,
  });
}
