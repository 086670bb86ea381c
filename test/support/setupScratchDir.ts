import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers a temporary folder for the enclosing test file (Vitest hooks, not a React hook):
 * made in `beforeAll` under the system's temp folder with the name prefix `prefix`, removed with
 * its content in `afterAll`. Returns the folder's path getter (throws before `beforeAll`).
 */
export function setupScratchDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('setupScratchDir: the folder exists only during the tests');
    return dir;
  };
}
