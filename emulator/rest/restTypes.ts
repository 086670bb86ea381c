import type { Portal } from '../createPortal.ts';
import type { ScenarioController } from '../createScenarioController.ts';
import type { StateStore } from '../createStateStore.ts';
import type { Params } from '../params.ts';
import type { UserRecord } from '../types.ts';

/** Options after defaults. */
export interface ResolvedOptions {
  appUrl: string;
  installed: boolean;
  https: boolean;
  rateLimit: { burst: number; drainPerSecond: number } | false;
  allowLocalHandlers: boolean;
  frameLoad: 'post' | 'get';
  maxBodyBytes: number;
  lang: string;
  placementErrors200: boolean;
}

/** Everything a request handler may touch. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: StateStore;
  scenarios: ScenarioController;
  portal: Portal;
}

/** Who is calling: an app's OAuth token or an incoming webhook (contract §3.7). */
export interface AuthInfo {
  kind: 'oauth' | 'webhook';
  userId: number;
  /** The app behind an OAuth token; null for webhooks. */
  appId: number | null;
  scope: string[];
}

export interface CallContext {
  emu: EmulatorContext;
  params: Params;
  auth: AuthInfo;
  user: UserRecord;
  /** Portal origin as the client addressed it (from the Host header). */
  origin: string;
  /** The SDK's `bx24_request_id` ('' when absent). */
  requestId: string;
  /** Lower-cased method name. */
  method: string;
  isBatch: boolean;
  /** Temp files of this request (deleted after the response). */
  temps: string[];
}

export interface MethodDefinition {
  /** Any of these scopes grants the method; null = no scope needed. */
  scope: readonly string[] | null;
  /** OAuth app context only (webhook ⇒ 403 WRONG_AUTH_TYPE). */
  appOnly?: boolean;
  run(call: CallContext): unknown;
}

/** Methods by lower-cased name. */
export type MethodTable = Record<string, MethodDefinition>;
