import { deadlineSignal, raceAbort } from './async.ts';
import type { Ledger } from './createLedger.ts';
import type { UploadTransport } from './ports.ts';
import type { DeliveryReceipt } from './types.ts';

/** How long (ms) a delivery check may take before it counts as failed. */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

/** The file a check looks for: which item, where, and since when (epoch ms, the attempt's start). */
export interface DeliveryCheckQuery {
  readonly id: string;
  readonly dialogId: string;
  readonly name: string;
  readonly size: number;
  readonly since: number;
  /** The picked file: a candidate counts only if the portal stored the same bytes (when the finder can tell). */
  readonly file?: Blob;
}

/** `failed` = the check itself failed (the file may be in the chat); `cause` is what was thrown. */
export type DeliveryCheckResult =
  | { readonly kind: 'found'; readonly receipt: DeliveryReceipt }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly cause: unknown };

/** Looks for an attempt's file in the chat, and keeps which message stands for which file. */
export interface DeliveryChecker {
  /** Records that `messageId` in `dialogId` is the delivery of item `id` (from a receipt). */
  claim(dialogId: string, messageId: number, id: string): void;
  /** Never rejects; gives up after the check timeout or when `signal` aborts (`failed`). */
  check(query: DeliveryCheckQuery, signal: AbortSignal): Promise<DeliveryCheckResult>;
}

export interface DeliveryCheckerOptions {
  readonly transport: Pick<UploadTransport, 'findDelivery'>;
  /** The ledger's receipts of earlier sessions are excluded too. */
  readonly ledger?: Pick<Ledger, 'load'>;
  /** Default {@link DEFAULT_CHECK_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * The delivery check after an unknown outcome. A check never counts one message for two files: it
 * passes the message ids of the receipts already held for the chat (this session's deliveries,
 * also of rows since removed, and the ledger's) as `excludeMessageIds`, and a receipt another file
 * claimed meanwhile is taken as not found.
 *
 * @example
 * const checker = createDeliveryChecker({ transport, ledger });
 * const result = await checker.check({ id, dialogId, name, size, since }, signal);
 * if (result.kind === 'found') checker.claim(dialogId, result.receipt.messageId, id);
 */
export function createDeliveryChecker(options: DeliveryCheckerOptions): DeliveryChecker {
  const { transport, ledger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  /** Per dialog: message id → the item it was delivered as. */
  const receipts = new Map<string, Map<number, string>>();

  function claimedByOthers(dialogId: string, exceptId: string): Set<number> {
    const claimed = new Set<number>();
    for (const [messageId, owner] of receipts.get(dialogId) ?? []) {
      if (owner !== exceptId) claimed.add(messageId);
    }
    return claimed;
  }

  return {
    claim(dialogId, messageId, id) {
      let chat = receipts.get(dialogId);
      if (!chat) {
        chat = new Map();
        receipts.set(dialogId, chat);
      }
      chat.set(messageId, id);
    },
    async check(query, parent) {
      const deadline = deadlineSignal(
        parent,
        timeoutMs,
        () => new Error('delivery check timed out'),
      );
      try {
        const excluded = claimedByOthers(query.dialogId, query.id);
        if (ledger) {
          for (const entry of await raceAbort(ledger.load(query.dialogId), deadline.signal)) {
            if (entry.id !== query.id && entry.messageId !== undefined)
              excluded.add(entry.messageId);
          }
        }
        const receipt = await raceAbort(
          transport.findDelivery({
            dialogId: query.dialogId,
            name: query.name,
            size: query.size,
            since: query.since,
            ...(query.file ? { file: query.file } : {}),
            excludeMessageIds: [...excluded],
            signal: deadline.signal,
          }),
          deadline.signal,
        );
        if (receipt && !claimedByOthers(query.dialogId, query.id).has(receipt.messageId)) {
          return { kind: 'found', receipt };
        }
        return { kind: 'not-found' };
      } catch (cause) {
        return { kind: 'failed', cause };
      } finally {
        deadline.clear();
      }
    },
  };
}
