import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from './types.ts';

export interface StateStore {
  /** The live state; mutate it, then call save(). */
  readonly state: EmulatorState;
  readonly filesDir: string;
  readonly tmpDir: string;
  /** Writes state.json atomically (temp file + rename), so a crash never leaves half a file. */
  save(): void;
  /** Replaces everything with `fresh` and deletes stored files. */
  reset(fresh: EmulatorState): void;
}

/**
 * Persistence of the portal in `dataDir`: `state.json` plus `files/` (stored uploads under
 * generated names) and `tmp/` (request bodies and decode output in flight, emptied on start).
 */
export function createStateStore(dataDir: string, seed: () => EmulatorState): StateStore {
  const statePath = join(dataDir, 'state.json');
  const filesDir = join(dataDir, 'files');
  const tmpDir = join(dataDir, 'tmp');
  mkdirSync(filesDir, { recursive: true });
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });

  let state: EmulatorState;
  if (existsSync(statePath)) {
    state = JSON.parse(readFileSync(statePath, 'utf8')) as EmulatorState;
  } else {
    state = seed();
  }

  const store: StateStore = {
    get state() {
      return state;
    },
    filesDir,
    tmpDir,
    save() {
      const tmp = `${statePath}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state));
      renameSync(tmp, statePath);
    },
    reset(fresh) {
      state = fresh;
      rmSync(filesDir, { recursive: true, force: true });
      mkdirSync(filesDir, { recursive: true });
      store.save();
    },
  };
  store.save();
  return store;
}
