/**
 * Public interface of the local Bitrix24 portal emulator and the shape of its persisted state.
 * The public part (EmulatorOptions, Emulator, UploadLogEntry, EmulatorMessage) is the shared
 * interface every engineer codes against; keep it compatible.
 */

export interface EmulatorOptions {
  /** 0 = random; default 8080. */
  port?: number;
  /** State persists here (state.json + files/); survives restart. */
  dataDir: string;
  /** The app's handler URL, e.g. 'http://127.0.0.1:5173/'. */
  appUrl: string;
  /** Default true. false: registered, not installed, URL_INSTALL = appUrl, no placements. */
  installed?: boolean;
  /** TLS with a generated self-signed certificate. */
  https?: boolean;
  webhooks?: { userId: number; secret: string; scope?: string[] }[];
  oauthTokens?: { userId: number; token: string }[];
  /** Default { burst: 50, drainPerSecond: 2 } (portal reference §5.8). */
  rateLimit?: { burst: number; drainPerSecond: number } | false;
  /** A fault scenario active from the start. */
  scenario?: string;
  /** Lets placement.bind accept handler hosts without a dot (`localhost`), portal reference §5.1. */
  allowLocalHandlers?: boolean;
  /** Default 'post' (portal reference §1.3). */
  frameLoad?: 'post' | 'get';
  /** Default 200 MB (portal reference §4.3). */
  maxBodyBytes?: number;
  /** Default 'en'. */
  lang?: string;
  /** Host to listen on; default: all interfaces (so both localhost and 127.0.0.1 work). */
  host?: string;
  /** Answer placement.bind argument errors with 200 instead of 400 (portal reference §5.1). */
  placementErrors200?: boolean;
  /** With `https`: serve HTTP/2 (HTTP/1.1 fallback by ALPN). */
  http2?: boolean;
  /** Operating-time limit, seconds per 10 minutes per (auth, app/webhook, method); default 480 (§7.3). */
  operatingLimitSeconds?: number;
  /** Billed processing = measured × this; default 1 (reach the limit in seconds in tests). */
  processingScale?: number;
  /** The proxy's body limit: larger bodies get an nginx 413 page (§7.2). Same as maxBodyBytes. */
  proxyBodyLimit?: number;
  /** How long a frame's setUserOption takes to reach the server; default 5000 ms (§7.6). */
  userOptionDelayMs?: number;
  /** Lifetime of the access tokens the portal issues, seconds; default 3600, about 1 h (§7.6). */
  tokenLifetimeSeconds?: number;
  /**
   * The largest decoded file im.v2.File.upload stores, bytes; default 104857600 (100 MB, §4). A
   * box portal's own configured limit may be lower (assumed): larger files get FILE_TOO_LARGE.
   */
  maxUploadBytes?: number;
}

export interface ScenarioOptions {
  count?: number;
  delayMs?: number;
  method?: string;
  /** proxy-error: 502 (default) or 504. */
  status?: number;
  /** proxy-error: 'before' (default) or 'after' the method ran; html-answer: 'login' (default) or 'maintenance'. */
  mode?: 'before' | 'after' | 'login' | 'maintenance';
  /** How long the scenario lasts (html-answer maintenance); default: until cleared or counted out. */
  seconds?: number;
}

export interface UploadLogEntry {
  /** The SDK's `bx24_request_id` ('' when absent). Logged only; the portal never de-duplicates by it. */
  requestId: string;
  userId: number;
  dialogId: string;
  chatId: number;
  fileId: number;
  messageId: number;
  name: string;
  size: number;
  sha256: string;
  /** ISO date of acceptance. */
  at: string;
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

export interface Emulator {
  /** 'http://localhost:<port>' (https:// when https). */
  url: string;
  dataDir: string;
  /** PEM of the self-signed certificate when `https` is on (to trust it in a client). */
  certificate?: string;
  close(): Promise<void>;
  setScenario(name: string, options?: ScenarioOptions): void;
  clearScenario(): void;
  /** Every ACCEPTED im.v2.File.upload. */
  uploads(): UploadLogEntry[];
  /** Oldest first. */
  messages(chatId: number): EmulatorMessage[];
}

// ---------------------------------------------------------------------------------------------
// Persisted state (state.json)

export interface UserRecord {
  id: number;
  name: string;
  lastName: string;
  email: string;
  isAdmin: boolean;
  gender: '' | 'M' | 'F';
  workPosition: string;
  active: boolean;
  dateRegister: string;
}

export interface ChatRecord {
  id: number;
  /** 'chat' = group chat (`chat<N>`), 'private' = dialog between two users. */
  type: 'chat' | 'private';
  name: string;
  members: number[];
  ownerId: number;
  color: string;
  dateCreate: string;
}

export interface MessageRecord {
  id: number;
  chatId: number;
  authorId: number;
  text: string;
  date: string;
  fileIds: number[];
  /** System messages (author 0) carry `CODE`, e.g. `CHAT_JOIN` (portal reference §7.5). */
  params?: Record<string, string>;
}

export interface FileRecord {
  id: number;
  chatId: number;
  authorId: number;
  name: string;
  size: number;
  sha256: string;
  date: string;
  /** Generated storage name inside files/ — never derived from the user's file name. */
  storageName: string;
  /** Random token for the unified link and im.v2.File.download URL. */
  token: string;
}

export interface AppRecord {
  id: number;
  clientId: string;
  clientSecret: string;
  code: string;
  name: string;
  version: number;
  status: 'L';
  url: string;
  urlInstall: string;
  scope: string[];
  installed: boolean;
  applicationToken: string;
  options: Record<string, unknown>;
  userOptions: Record<string, Record<string, unknown>>;
  /** userId → app version for which the user's `install` flag was saved (drives FIRST_RUN). */
  installFlags: Record<string, number>;
}

export interface PlacementRecord {
  id: number;
  appId: number;
  placement: string;
  handler: string;
  userId: number;
  title: string;
  description: string;
  groupName: string;
  options: Record<string, string | number>;
  langAll: Record<string, { TITLE?: string; DESCRIPTION?: string; GROUP_NAME?: string }>;
}

export interface TokenRecord {
  accessToken: string;
  refreshToken: string;
  userId: number;
  appId: number;
  scope: string[];
  /** Epoch ms. */
  expires: number;
  /** Refresh token expiry, epoch ms. */
  refreshExpires: number;
}

export interface WebhookRecord {
  userId: number;
  secret: string;
  scope: string[];
}

export interface EmulatorState {
  version: 1;
  memberId: string;
  nextIds: { chat: number; message: number; file: number; placement: number };
  users: UserRecord[];
  chats: ChatRecord[];
  messages: MessageRecord[];
  files: FileRecord[];
  apps: AppRecord[];
  placements: PlacementRecord[];
  tokens: TokenRecord[];
  webhooks: WebhookRecord[];
  uploads: UploadLogEntry[];
  /** `<userId>:<chatId>` → id of the last message that user has read (drives unread, §7.5). */
  lastRead?: Record<string, number>;
}
