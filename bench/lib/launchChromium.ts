import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

export { CHROMIUM_PATH };

/** Flags shared with the e2e tests (see the project brief), plus what the bench needs. */
const FLAGS = [
  '--headless=new',
  ...CHROMIUM_ARGS,
  // Lets the page collect garbage between cases (outside the measured interval) so one case's
  // leftovers do not count against the next.
  '--js-flags=--expose-gc',
  // Unquantized performance.memory, also inside a cross-origin frame.
  '--enable-precise-memory-info',
  // A headless page in the background must not be throttled while it waits for the network.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--window-size=1280,900',
];

export interface RunningChromium {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Kills the whole browser (process group) and removes the temp profile. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium as a plain child process, with no driver attached: the page itself
 * reports its timings (a driver's network inspection keeps request bodies and slows uploads,
 * docs/PERFORMANCE.md, Method).
 */
export async function launchChromium(
  url: string,
  extraFlags: readonly string[] = [],
): Promise<RunningChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'chat-drop-bench-chromium-'));
  const child = spawn(CHROMIUM_PATH, [...FLAGS, ...extraFlags, `--user-data-dir=${profile}`, url], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // own process group, so close() can kill the zygote and renderers too
  });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('bench: could not start chromium');
  let closed: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid,
    child,
    close() {
      closed ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          try {
            process.kill(-pid, 'SIGTERM');
          } catch {
            // already gone
          }
          const timer = setTimeout(() => {
            try {
              process.kill(-pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }, 3000);
          await exited;
          clearTimeout(timer);
        }
        // Renderers may outlive the browser for a moment; the group kill reaches them.
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // group empty
        }
        await rm(profile, { recursive: true, force: true });
        if (process.env.BENCH_DEBUG) process.stderr.write(stderrTail);
      })();
      return closed;
    },
  };
}
