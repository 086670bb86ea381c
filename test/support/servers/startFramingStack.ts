import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../../emulator/createEmulator.ts';
import type { Emulator, EmulatorOptions } from '../../../emulator/types.ts';
import { createAppServer } from '../../../server/createAppServer.ts';
import { freePort } from './freePort.ts';

export interface FramingStack {
  readonly emulator: Emulator;
  /** The app server's URL: the app's handler URL in the emulator. */
  readonly appUrl: string;
  /** The emulator's origin as the browser sees it (the frame's parent), e.g. `http://localhost:40123`. */
  readonly portalOrigin: string;
  close(): Promise<void>;
}

export interface FramingStackOptions {
  /** The build to serve. */
  readonly root: string;
  /** The app server's `frameAncestors`, given the portal's origin (known before either starts). */
  readonly frameAncestors: (portalOrigin: string) => readonly string[];
  readonly emulator?: Partial<EmulatorOptions>;
}

/**
 * The app server and the emulator, each knowing the other's address from the start: both ports
 * are chosen first, then the app server starts with a `frame-ancestors` that may name the
 * emulator's origin, then the emulator with the app server as the app's handler.
 */
export async function startFramingStack(options: FramingStackOptions): Promise<FramingStack> {
  const [portalPort, appPort] = [await freePort(), await freePort()];
  // The emulator's pages are on localhost (its `url`), so that is the frame's ancestor.
  const portalOrigin = `http://localhost:${portalPort}`;
  const app = await createAppServer({
    root: options.root,
    port: appPort,
    frameAncestors: options.frameAncestors(portalOrigin),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'chat-drop-framing-'));
  let emulator: Emulator;
  try {
    emulator = await createEmulator({
      ...options.emulator,
      port: portalPort,
      dataDir,
      appUrl: app.url,
    });
  } catch (error) {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  if (new URL(emulator.url).origin !== portalOrigin)
    throw new Error(`the emulator is at ${emulator.url}, not at ${portalOrigin}`);
  return {
    emulator,
    appUrl: app.url,
    portalOrigin,
    async close() {
      await Promise.allSettled([emulator.close(), app.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
