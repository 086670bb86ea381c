import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestLog } from './requestLog.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where failed e2e tests leave their evidence (gitignored). `npm test` prints it at the end when
 * anything is in it; CI keeps the folder.
 */
export const EVIDENCE_DIR: string = join(repoRoot, 'test-results', 'e2e');

/** What one failed test leaves behind. */
export interface Evidence {
  /** The Vitest project, e.g. `e2e-firefox`. */
  readonly project: string;
  /** The test's full name (describe blocks and title). */
  readonly test: string;
  /** PNG screenshots by label (`page`, `page-2`, …). */
  readonly screenshots: ReadonlyMap<string, Buffer>;
  /** Console lines by page label. */
  readonly console: ReadonlyMap<string, readonly string[]>;
  /** The error that failed the test. */
  readonly errors: readonly string[];
}

function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120);
}

/**
 * Writes a failed test's evidence: each page's screenshot and console, the error, and the
 * request log of this process's servers (emulator and app server; paths only, never query strings
 * or bodies, so no token is written). Returns the folder, relative to the repository.
 */
export function keepEvidence(evidence: Evidence): string {
  const dir = join(EVIDENCE_DIR, safeName(evidence.project), safeName(evidence.test));
  mkdirSync(dir, { recursive: true });
  for (const [label, png] of evidence.screenshots)
    writeFileSync(join(dir, `${safeName(label)}.png`), png);
  for (const [label, lines] of evidence.console)
    writeFileSync(join(dir, `${safeName(label)}.console.txt`), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'error.txt'), `${evidence.errors.join('\n\n')}\n`);
  writeFileSync(join(dir, 'requests.txt'), `${requestLog.describe()}\n`);
  return relative(repoRoot, dir);
}
