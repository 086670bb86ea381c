import { parentPort } from 'node:worker_threads';
import { parseJsonFile } from './parseJsonFile.ts';
import { SpilledString } from './SpilledString.ts';
import type { ParamValue } from './params.ts';

/** A job of parseJsonOffThread. */
export interface ParseJob {
  id: number;
  path: string;
  spillDir: string;
}

/** Spilled strings cross the thread boundary as plain markers (classes do not survive cloning). */
export interface SpilledMarker {
  __spilled: string;
  byteLength: number;
}

/** Replaces every SpilledString of `value` by a marker, in place where possible. */
function mark(value: ParamValue | undefined): unknown {
  if (value instanceof SpilledString)
    return { __spilled: value.path, byteLength: value.byteLength };
  if (Array.isArray(value)) return value.map(mark);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: mark(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

parentPort?.on('message', (job: ParseJob) => {
  const spills: string[] = [];
  try {
    const value = parseJsonFile(job.path, job.spillDir, spills);
    parentPort?.postMessage({ id: job.id, value: mark(value), spills });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message, spills });
  }
});
