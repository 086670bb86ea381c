import type { ChatInfo, DeliveryReceipt, LedgerEntry, UploadError } from './types.ts';

/**
 * The interfaces the engine and the UI need from the outside world. `bitrix/` implements them
 * with the SDK, `app/` wires them in, tests may implement them over the emulator.
 */

/** Encodes a file to base64 text held in a Blob (see src/encode). */
export interface Encoder {
  encode(
    file: Blob,
    options: { signal: AbortSignal; onProgress: (bytesRead: number) => void },
  ): Promise<Blob>;
}

export interface UploadRequest {
  /** Ties the HTTP request to this attempt (`bx24_request_id`). */
  readonly requestId: string;
  readonly dialogId: string;
  readonly name: string;
  readonly message: string | undefined;
  /** Base64 text of the file. */
  readonly content: Blob;
  readonly signal: AbortSignal;
  /** `sent` of `total` request-body bytes. */
  readonly onProgress: (sent: number, total: number | undefined) => void;
}

/**
 * `operatingResetAt`: the success's `time.operating_reset_at` in epoch ms (the portal sends unix
 * seconds), when the oldest basket of the method's used operating time frees
 * (docs/portal-reference.md §7.3); the engine pauses until then after an `OPERATION_TIME_LIMIT`.
 * `operatingHoldUntil` (epoch ms): the client itself will hold the method back until then, the
 * answer having put its used operating time at the limit; the engine pauses the method visibly
 * until then, as after a refusal.
 */
export type UploadOutcome =
  | {
      readonly ok: true;
      readonly receipt: DeliveryReceipt;
      readonly operatingResetAt?: number;
      readonly operatingHoldUntil?: number;
    }
  | { readonly ok: false; readonly error: UploadError };

export interface DeliveryQuery {
  readonly dialogId: string;
  readonly name: string;
  readonly size: number;
  /** Epoch ms when the attempt began; only messages at or after it count. */
  readonly since: number;
  /**
   * Messages that already stand for another file (receipts the engine holds for this dialog:
   * this session's deliveries and the ledger's): never returned, so one message cannot count as
   * the delivery of two files. Optional; absent = none.
   */
  readonly excludeMessageIds?: readonly number[];
  /**
   * The file's own bytes (the picked `File`). When given, a candidate counts only if the bytes the
   * portal stored are the same: name + size is not identity (two screenshots `image.png` of equal
   * size). Optional; absent = name and size only.
   */
  readonly file?: Blob;
  readonly signal?: AbortSignal;
}

/** One message by the current user that carries a file, as the chat's history shows it. */
export interface OwnFileMessage {
  readonly messageId: number;
  readonly fileId: number;
  readonly chatId: number;
  /** The name the portal stored (it may differ from the name sent, see core/diskStoredName.ts). */
  readonly name: string;
  readonly size: number;
  /** The message text as the portal reads it back (may be rewritten, e.g. URLs to BBCode). */
  readonly text: string;
  /** When the portal created the message, epoch ms on this client's clock (server offset removed). */
  readonly at: number;
}

export interface HistoryQuery {
  readonly dialogId: string;
  /** Epoch ms (client clock): messages from then on are listed. */
  readonly since: number;
  readonly signal?: AbortSignal;
}

/** Sends files with `im.v2.File.upload` and looks up whether an attempt landed. */
export interface UploadTransport {
  upload(request: UploadRequest): Promise<UploadOutcome>;
  /**
   * The receipt of a matching message by this user (the earliest one at or after `since`, not in
   * `excludeMessageIds`), or undefined; throws only on transport failure.
   */
  findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined>;
  /**
   * For one reconciliation after a batch: every message by this user with a file in the chat since
   * `query.since`, oldest first. Throws when the history could not be read back that far (then
   * nothing may be concluded from it). Optional so that test doubles need not implement it.
   */
  listOwnFileMessages?(query: HistoryQuery): Promise<readonly OwnFileMessage[]>;
  /** Removes a message of this user (a proven duplicate of its own). Throws when refused. */
  deleteMessage?(messageId: number, signal?: AbortSignal): Promise<void>;
}

/** Keeps the per-chat ledger somewhere that survives a reload; must never throw on a storage error. */
export interface LedgerStorage {
  load(dialogId: string): Promise<readonly LedgerEntry[]>;
  save(dialogId: string, entries: readonly LedgerEntry[]): Promise<void>;
}

/** What the UI may ask of the portal, besides uploading. */
export interface PortalPort {
  getChat(dialogId: string): Promise<ChatInfo>;
  listRecentChats(search: string): Promise<readonly ChatInfo[]>;
  /** Text typed in the chat's input (IM_TEXTAREA only); undefined when not available. */
  getChatInputText(): Promise<string | undefined>;
  clearChatInputText(): Promise<void>;
  openMessage(dialogId: string, messageId: number): Promise<void>;
}
