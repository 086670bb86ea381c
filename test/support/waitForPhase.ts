import type { Frame } from 'playwright-core';
import type { Phase } from '../../src/core/types.ts';
import { pollRowPhase } from './pollRowPhase.ts';

/** One queue row as the widget shows it (`data-testid="upload-row"`). */
export interface RowState {
  readonly name: string;
  readonly phase: string;
  readonly text: string;
}

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
