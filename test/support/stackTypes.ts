/**
 * The emulator's and the app server's shared interfaces, as agreed in the team brief. The e2e harness loads
 * emulator/createEmulator.ts and server/createAppServer.ts at run time (see startStack.ts): they
 * belong to tsconfig.node.json, which this test project cannot import from.
 */

export interface EmulatorOptions {
  port?: number;
  dataDir: string;
  appUrl: string;
  installed?: boolean;
  https?: boolean;
  webhooks?: { userId: number; secret: string; scope?: string[] }[];
  oauthTokens?: { userId: number; token: string }[];
  rateLimit?: { burst: number; drainPerSecond: number } | false;
  scenario?: string;
  allowLocalHandlers?: boolean;
  frameLoad?: 'post' | 'get';
  maxBodyBytes?: number;
  lang?: string;
}

export interface UploadLogEntry {
  requestId: string;
  userId: number;
  dialogId: string;
  chatId: number;
  fileId: number;
  messageId: number;
  name: string;
  size: number;
  sha256: string;
  at: number | string;
}

export interface EmulatorMessageFile {
  id: number;
  name: string;
  size: number;
  sha256: string;
  urlDownload: string;
}

export interface EmulatorMessage {
  id: number;
  chatId: number;
  authorId: number;
  text: string;
  date: string;
  files: EmulatorMessageFile[];
}

export interface ScenarioOptions {
  count?: number;
  delayMs?: number;
  method?: string;
}

export interface Emulator {
  url: string;
  dataDir: string;
  close(): Promise<void>;
  setScenario(name: string, options?: ScenarioOptions): void;
  clearScenario(): void;
  uploads(): UploadLogEntry[];
  messages(chatId: number): EmulatorMessage[];
}

export type CreateEmulator = (options: EmulatorOptions) => Promise<Emulator>;

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export type CreateAppServer = (options: {
  root: string;
  port?: number;
  host?: string;
  frameAncestors?: string[];
  tls?: { cert: string; key: string };
}) => Promise<AppServer>;
