import type { ErrorCode, WidgetCode } from './errorPolicy.ts';

export type { WidgetCode } from './errorPolicy.ts';

/**
 * The upload engine's domain model. Shared by core (which owns it), bitrix (which implements
 * the ports in ./ports.ts) and ui (which renders it). No React, no SDK here.
 */

/** Every phase an upload item can be in. `waiting` = refused by the portal's rate limit, will be sent again. */
export const PHASES = [
  'queued',
  'reading',
  'sending',
  'waiting',
  'checking',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type Phase = (typeof PHASES)[number];

/** Where an error was decided: by the widget itself, by the portal's answer, or by the network. */
export type ErrorOrigin = 'client' | 'server' | 'transport';

/** What every error carries besides its code and origin. */
interface ErrorFacts {
  readonly status?: number;
  /** For logs and the "details" disclosure only; users see the policy table's localized message. */
  readonly detail?: string;
  /**
   * Set by the engine after an unknown outcome was checked with `findDelivery`: `not-found` = the
   * file is known not to be in the chat (a resend is safe), `failed` = the check itself failed (the
   * file may be in the chat). Absent when no check was made. See core/errorPolicy.ts `policyFor`.
   */
  readonly deliveryCheck?: 'not-found' | 'failed';
}

/**
 * An error the widget decided itself: its code is one of the widget's own ({@link WidgetCode}),
 * or the portal's name for a check the widget makes before sending (empty file, over the size
 * limit), so a misspelt code fails type-checking instead of silently getting the fallback policy.
 */
export interface ClientError extends ErrorFacts {
  readonly code: WidgetCode | Extract<ErrorCode, 'FILE_EMPTY' | 'FILE_TOO_LARGE'>;
  readonly origin: 'client';
}

/**
 * An error read from the portal's answer (`server`) or met on the way to it (`transport`: the
 * network, the SDK). `code` is the portal's or the SDK's code verbatim (`FILE_TOO_LARGE`,
 * `expired_token`, `NETWORK_ERROR`, `JSSDK_…`), or a widget code naming what the answer was
 * (`WIDGET_HTTP_ERROR`, `WIDGET_HTML_ANSWER`, …).
 */
export interface RemoteError extends ErrorFacts {
  readonly code: string;
  readonly origin: 'server' | 'transport';
}

/** An expected failure, kept as data: decided by the widget, or by the portal or the network. */
export type UploadError = ClientError | RemoteError;

/** Progress of one file. A figure that cannot be known yet is `undefined`, never made up. */
export interface FileProgress {
  readonly bytesTotal: number;
  readonly bytesRead: number;
  /** Bytes of the request body sent; counts base64 text, so its total is `sendTotal`. */
  readonly bytesSent: number;
  readonly sendTotal: number | undefined;
  /** 0..100 over both phases (reading, then sending). */
  readonly percentage: number | undefined;
  /** Bytes of the original file per second in the current phase. */
  readonly speed: number | undefined;
  readonly secondsLeft: number | undefined;
}

/** What the portal returned for a delivered file. */
export interface DeliveryReceipt {
  readonly messageId: number;
  readonly fileId: number;
  readonly chatId: number;
  readonly dialogId: string;
  /**
   * The name the portal stored the file under, when known (the upload's `result.file.name`, or the
   * name found in the chat). It may differ from the name sent: see core/diskStoredName.ts.
   */
  readonly storedName?: string;
}

export interface UploadItem {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly mimeType: string;
  readonly lastModified: number;
  readonly dialogId: string;
  readonly message: string | undefined;
  readonly phase: Phase;
  readonly progress: FileProgress;
  readonly error: UploadError | undefined;
  readonly receipt: DeliveryReceipt | undefined;
  /** Number of times the request was actually sent (a resend only after a user's action). */
  readonly attempts: number;
  readonly addedAt: number;
  /** Epoch ms when the current phase began (speed is measured from it); set by the engine. */
  readonly phaseStartedAt?: number;
  /** In `waiting`: epoch ms of the next automatic send, for a countdown. */
  readonly retryAt?: number;
}

/** Information about a chat, for the header and the chat picker. */
export interface ChatInfo {
  readonly dialogId: string;
  readonly name: string;
  readonly avatarUrl: string | undefined;
  readonly color: string | undefined;
  readonly kind: 'chat' | 'user' | 'other';
}

/** One line of the per-chat delivery ledger: never file contents, never tokens. */
export interface LedgerEntry {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  readonly state: 'delivered' | 'failed' | 'unfinished' | 'unknown';
  readonly messageId: number | undefined;
  readonly errorCode: string | undefined;
  readonly at: number;
}
