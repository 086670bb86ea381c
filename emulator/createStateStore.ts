import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmulatorState } from './types.ts';

export interface StateStore {
  /** The live state; mutate it, then call save(). */
  readonly state: EmulatorState;
  readonly filesDir: string;
  readonly tmpDir: string;
  /**
   * Schedules a write of state.json. Writes are coalesced (at most one per SAVE_DELAY_MS) and
   * asynchronous, so 1,000 uploads do not rewrite the whole file 1,000 times on the event loop.
   */
  save(): void;
  /** Writes state.json now, synchronously (on close and reset). */
  flush(): void;
  /** Replaces everything with `fresh` and deletes stored files. */
  reset(fresh: EmulatorState): void;
}

const SAVE_DELAY_MS = 200;

/**
 * Persistence of the portal in `dataDir`: `state.json` plus `files/` (stored uploads under
 * generated names) and `tmp/` (request bodies and decode output in flight, emptied on start).
 * Every write goes to a temp file first and is renamed over state.json, so a crash never leaves
 * half a file; a crash may lose the last SAVE_DELAY_MS of changes.
 */
export function createStateStore(dataDir: string, seed: () => EmulatorState): StateStore {
  const statePath = join(dataDir, 'state.json');
  const filesDir = join(dataDir, 'files');
  const tmpDir = join(dataDir, 'tmp');
  const tmpPath = `${statePath}.${process.pid}.tmp`;
  const asyncTmpPath = `${statePath}.${process.pid}.async.tmp`;
  mkdirSync(filesDir, { recursive: true });
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });

  let state: EmulatorState = existsSync(statePath)
    ? (JSON.parse(readFileSync(statePath, 'utf8')) as EmulatorState)
    : seed();
  let timer: NodeJS.Timeout | null = null;
  /** The write in progress, so a flush or the next write never overlaps it. */
  let writing: Promise<void> = Promise.resolve();
  let generation = 0;

  const writeAsync = (): void => {
    timer = null;
    const mine = ++generation;
    const text = JSON.stringify(state);
    writing = writing
      .then(async () => {
        // A later flush already wrote newer state: do not overwrite it with this one.
        if (mine !== generation) return;
        await writeFile(asyncTmpPath, text);
        if (mine !== generation) return;
        await rename(asyncTmpPath, statePath);
      })
      .catch((error: unknown) => {
        console.error('[emulator] saving state failed:', (error as Error).message);
      });
  };

  const store: StateStore = {
    get state() {
      return state;
    },
    filesDir,
    tmpDir,
    save() {
      if (timer === null) timer = setTimeout(writeAsync, SAVE_DELAY_MS);
    },
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      generation += 1;
      writeFileSync(tmpPath, JSON.stringify(state));
      renameSync(tmpPath, statePath);
    },
    reset(fresh) {
      state = fresh;
      rmSync(filesDir, { recursive: true, force: true });
      mkdirSync(filesDir, { recursive: true });
      store.flush();
    },
  };
  store.flush();
  return store;
}
