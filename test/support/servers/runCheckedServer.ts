import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  runServerProcess,
  type ServerProcess,
  type ServerProcessOptions,
} from './runServerProcess.ts';

/** A web server run from a temporary prefix after its own configuration test passed. */
export interface CheckedServer extends ServerProcess {
  /** The temporary prefix: configuration, pid, logs, temp files. */
  readonly prefix: string;
  /** The configuration test's output (it passed, or the start would have thrown). */
  readonly testOutput: string;
  /** Stops the server and removes the prefix. */
  close(): Promise<void>;
}

/**
 * Runs the server's own configuration test first (`run.command` with `testArgs`, e.g.
 * `nginx … -t`, `apache2 -t -f …`); when it passes, starts the server ({@link runServerProcess})
 * with `run`. Throws with the test's output when it refuses the configuration; the prefix is
 * removed then and on close.
 */
export async function runCheckedServer(
  prefix: string,
  testArgs: readonly string[],
  run: ServerProcessOptions,
): Promise<CheckedServer> {
  const test = spawnSync(run.command, [...testArgs], { encoding: 'utf8' });
  const testOutput = `${test.stdout}${test.stderr}`;
  if (test.status !== 0) {
    await rm(prefix, { recursive: true, force: true });
    throw new Error(`${basename(run.command)} -t refused the configuration:\n${testOutput}`);
  }
  const running = await runServerProcess(run);
  return {
    ...running,
    prefix,
    testOutput,
    async close() {
      await running.stop();
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
