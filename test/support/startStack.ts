import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createEmulator } from '../../emulator/createEmulator.ts';
import { createAppServer } from '../../server/createAppServer.ts';
import type { Emulator, EmulatorOptions } from './stackTypes.ts';

/** A running portal emulator and a production app server serving the built widget. */
export interface Stack {
  /** The current emulator (a new object after `restartEmulator`). */
  readonly emulator: Emulator;
  /** The app server's URL, e.g. `http://127.0.0.1:40123/`: the app's handler URL in the portal. */
  readonly appUrl: string;
  /** `POST /_emulator/reset`: back to the seed state (messages, uploads, scenario). */
  reset(): Promise<void>;
  /** Stops the emulator and starts it again on the same port with the same data directory. */
  restartEmulator(): Promise<Emulator>;
  close(): Promise<void>;
}

/**
 * Starts the app server (serving the e2e build from the global setup) and an emulator on a random
 * port with a temporary data directory, its app handler pointing at the app server.
 * @example
 * const stack = await startStack({ scenario: 'slow' });
 * try { ... } finally { await stack.close(); }
 */
export async function startStack(options: Partial<EmulatorOptions> = {}): Promise<Stack> {
  const dist = inject('chatDropDist');
  const app = await createAppServer({ root: dist, port: 0, host: '127.0.0.1' });
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'chat-drop-e2e-')));
  const ownsDataDir = options.dataDir === undefined;
  const emulatorOptions: EmulatorOptions = {
    port: 0,
    ...options,
    dataDir,
    appUrl: options.appUrl ?? app.url,
  };
  let emulator: Emulator;
  try {
    emulator = await createEmulator(emulatorOptions);
  } catch (error) {
    await app.close();
    throw error;
  }

  return {
    get emulator() {
      return emulator;
    },
    appUrl: app.url,
    async reset() {
      const response = await fetch(new URL('/_emulator/reset', emulator.url), { method: 'POST' });
      if (!response.ok) throw new Error(`POST /_emulator/reset answered ${response.status}`);
    },
    async restartEmulator() {
      const port = Number(new URL(emulator.url).port);
      await emulator.close();
      // Keep the port: the widget's frame knows the portal by host:port (window.name).
      emulator = await createEmulator({ ...emulatorOptions, port, scenario: undefined });
      return emulator;
    },
    async close() {
      await Promise.allSettled([emulator.close(), app.close()]);
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
