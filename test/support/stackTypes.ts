/** The emulator's and the app server's types, for the e2e harness: the real modules' own. */
export type {
  Emulator,
  EmulatorMessage,
  EmulatorMessageFile,
  EmulatorOptions,
  ScenarioOptions,
  UploadLogEntry,
} from '../../emulator/types.ts';
export type { AppServer, AppServerOptions } from '../../server/createAppServer.ts';

import type { createEmulator } from '../../emulator/createEmulator.ts';
import type { createAppServer } from '../../server/createAppServer.ts';

export type CreateEmulator = typeof createEmulator;
export type CreateAppServer = typeof createAppServer;
