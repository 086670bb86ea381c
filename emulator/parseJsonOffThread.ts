import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpilledString } from './SpilledString.ts';
import { setOwn } from './params.ts';
import type { ParamValue, Params } from './params.ts';
import type { ParseJob, SpilledMarker } from './parseJsonWorker.ts';

interface ParseAnswer {
  id: number;
  value?: unknown;
  error?: string;
  spills: string[];
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (answer: ParseAnswer) => void>();

/**
 * Runs {@link parseJsonFile} for a large JSON body on a worker thread, so a ~140 MB upload
 * body no longer blocks the emulator's event loop for the whole parse (measured in
 * emulator/README.md, "State and large bodies"). One long-lived worker, started on first use
 * and not keeping the process alive; jobs are answered in order.
 */
export function parseJsonOffThread(
  path: string,
  spillDir: string,
  spills: string[],
): Promise<ParamValue | undefined> {
  const thread = (worker ??= startWorker());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (answer) => {
      spills.push(...answer.spills);
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(revive(answer.value, new Set(answer.spills)) as ParamValue | undefined);
    });
    thread.postMessage({ id, path, spillDir } satisfies ParseJob);
  });
}

function startWorker(): Worker {
  // The emulator runs TypeScript through tsx; the worker registers the same loader first.
  const script = new URL('./parseJsonWorker.ts', import.meta.url).href;
  // Resolved here, next to this file, so the worker does not depend on the process's cwd.
  const tsx = tsxEsmApi();
  const boot =
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); ` +
    `return import(${JSON.stringify(script)}); });`;
  const thread = new Worker(boot, { eval: true });
  thread.unref();
  thread.on('message', (answer: ParseAnswer) => {
    const settle = pending.get(answer.id);
    pending.delete(answer.id);
    settle?.(answer);
  });
  const fail = (error: Error): void => {
    worker = null;
    for (const [id, settle] of pending) settle({ id, error: error.message, spills: [] });
    pending.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => {
    if (code !== 0) fail(new Error(`JSON worker exited with ${code}`));
    worker = null;
  });
  return thread;
}

/**
 * A marker the worker made: only a path among the files this job spilled counts, so a request
 * body that contains `{"__spilled": "/etc/passwd"}` stays plain data.
 */
/** URL of tsx's ESM `register` API, from its package.json exports (`tsx/esm/api`, import). */
function tsxEsmApi(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(packageJson), entry)).href;
}

function isMarker(value: unknown, spilled: Set<string>): value is SpilledMarker {
  return (
    typeof value === 'object' &&
    value !== null &&
    '__spilled' in value &&
    typeof value.__spilled === 'string' &&
    spilled.has(value.__spilled)
  );
}

/** Turns markers back into SpilledString (structured cloning drops the class). */
function revive(value: unknown, spilled: Set<string>): unknown {
  if (isMarker(value, spilled)) return new SpilledString(value.__spilled, value.byteLength);
  if (Array.isArray(value)) return value.map((item) => revive(item, spilled));
  if (value !== null && typeof value === 'object') {
    const out: Params = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key, revive(item, spilled) as ParamValue);
    }
    return out;
  }
  return value;
}
