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
  /** Operating-time limit in seconds per (auth type, app/webhook, method) window (§7.3). */
  operatingLimitSeconds: number;
  /** Billed processing = measured processing × this (a test knob, §7.3). */
  processingScale: number;
  /** setUserOption reaches the server this long after the frame was answered (§7.6). */
  userOptionDelayMs: number;
  /** Lifetime of issued access tokens, seconds (§7.6). */
  tokenLifetimeSeconds: number;
  /** Decoded bytes above this get FILE_TOO_LARGE (§4; a lower box limit is assumed). */
  maxUploadBytes: number;
}

/** Everything a request handler may touch. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: StateStore;
  scenarios: ScenarioController;
  portal: Portal;
  /**
   * TEST CONTROL, not portal behaviour: how far the operating limiter's clock runs ahead of the
   * wall clock (POST /_emulator/operating-clock), so a test sees 600 s of baskets expire in
   * seconds. The limiter's rules are unchanged; only its notion of "now" moves.
   */
  operatingClock: { offsetMs: number };
}

/** Who is calling: an app's OAuth token or an incoming webhook (portal reference §3.7). */
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

/**
 * A method result plus keys the REST server puts at the top level of the answer, next to
 * `result` (`next`, `total`; portal reference §3.3, §7.7).
 */
export class WithTopLevel {
  readonly result: unknown;
  readonly top: Record<string, unknown>;
  constructor(result: unknown, top: Record<string, unknown>) {
    this.result = result;
    this.top = top;
  }
}
