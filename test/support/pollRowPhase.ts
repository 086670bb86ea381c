import type { Phase } from '../../src/core/types.ts';
import type { RowState } from './waitForPhase.ts';

const TERMINAL: readonly string[] = ['delivered', 'failed', 'cancelled'];

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
