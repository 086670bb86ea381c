import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';

/** A web server started by a test, as the current user, in the foreground. */
export interface ServerProcess {
  /** Stops it (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
  /** The server's own error log, for a failing test's message. */
  errorLog(): Promise<string>;
}

export interface ServerProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  /** The loopback port it listens on: started means "accepts a connection there". */
  readonly port: number;
  readonly errorLogFile: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Default 15 s. */
  readonly startTimeoutMs?: number;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns a server in the foreground and waits (with a deadline) until its port accepts
 * connections. Fails with the server's stderr and error log when it exits or never listens.
 */
export async function runServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(options.command, [...options.args], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const errorLog = (): Promise<string> => readFile(options.errorLogFile, 'utf8').catch(() => '');

  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.command} exited (${child.exitCode ?? child.signalCode}) before listening:\n${output}\n${await errorLog()}`,
      );
    }
    const failed = await Promise.race([spawnError, Promise.resolve(undefined)]);
    if (failed) throw new Error(`${options.command} could not start: ${failed.message}`);
    if (await accepts(options.port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${options.command} did not listen on 127.0.0.1:${options.port} in time:\n${output}\n${await errorLog()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    async stop() {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
    errorLog,
  };
}
