import { storedNamePattern } from './diskStoredName.ts';
import type { Emitter } from './createEmitter.ts';
import type { Ledger } from './createLedger.ts';
import type { OwnFileMessage, UploadTransport } from './ports.ts';
import type { DeliveryReceipt, LedgerEntry } from './types.ts';
import type { UploadEvents } from './UploadEvents.ts';

/**
 * Slack (ms) around an attempt's window and a ledger entry's time: the chat's times come from the
 * portal's clock, corrected by the finder to this client's clock, to within a few seconds.
 */
export const RECONCILE_SLACK_MS = 5_000;

/** A file this batch delivered: what was sent, when, and the message that stands for it. */
export interface Delivery {
  readonly id: string;
  readonly dialogId: string;
  readonly name: string;
  readonly size: number;
  readonly message: string | undefined;
  readonly receipt: DeliveryReceipt;
  /** Epoch ms: the attempt began / the delivery was known. */
  readonly since: number;
  readonly at: number;
}

/** What one reconciliation found for one delivered file. */
export interface Duplicate {
  readonly delivery: Delivery;
  readonly messageId: number;
  /** True when the extra message was removed; false when it must be offered to the person. */
  readonly removed: boolean;
}

export interface ChatReconciler {
  /** Notes a delivery of the current batch. */
  delivered(delivery: Delivery): void;
  /**
   * The batch is over: reconciles its deliveries ({@link ChatReconciler.afterBatch}), emits
   * `duplicate-removed` / `duplicate-found` for each copy, and starts a new batch.
   */
  batchDone(claimed: ReadonlySet<number>): Promise<Duplicate[]>;
  /** Removes a message offered with `duplicate-found`; false when refused or never offered. */
  removeOffered(messageId: number): Promise<boolean>;
  /**
   * After a batch: one read of each chat's history since the batch's first attempt. A message of
   * this user with the same name (as the portal stores it), size and text inside an attempt's
   * window that no file claims is a copy the browser re-sent on its own: removed when the port
   * can, else reported. Never rejects; a history that cannot be read yields nothing.
   */
  afterBatch(deliveries: readonly Delivery[], claimed: ReadonlySet<number>): Promise<Duplicate[]>;
  /**
   * Earlier sessions' entries of a chat that are not `delivered`, checked against the chat: the
   * ledger may be stale (the portal writes user options up to 5 s late). Found ⇒ `delivered`
   * with its message; history unreadable ⇒ an `unfinished` entry becomes `unknown` (it may have
   * arrived: check the chat, never "add again"). Returns the entries that changed.
   */
  reconcileLedger(dialogId: string, entries: readonly LedgerEntry[]): Promise<LedgerEntry[]>;
}

type Finder = Pick<UploadTransport, 'listOwnFileMessages' | 'deleteMessage'>;

/** Message ids the ledger ties to files (earlier sessions' too); none when it cannot be read. */
async function ledgerClaims(
  ledger: Pick<Ledger, 'load'> | undefined,
  dialogId: string,
): Promise<number[]> {
  try {
    const entries = ledger ? await ledger.load(dialogId) : [];
    return entries.flatMap((entry) => (entry.messageId === undefined ? [] : [entry.messageId]));
  } catch {
    return [];
  }
}

const sameText = (message: OwnFileMessage, text: string | undefined): boolean =>
  message.text.trim() === (text ?? '').trim();

/**
 * Reconciles what the engine believes with the chat's own history, through the transport's
 * finder (`listOwnFileMessages`, `deleteMessage`; both optional ports: without them nothing is
 * reconciled). One history read per chat and batch, not per file. A message the `ledger` ties
 * to a file (an earlier session's delivery of another file of that name and size) is that file,
 * never a copy: it is never removed.
 *
 * @example
 * const reconciler = createChatReconciler(transport, events.emit, ledger);
 * const duplicates = await reconciler.afterBatch(deliveries, claimedMessageIds);
 */
export function createChatReconciler(
  finder: Finder,
  emit: Emitter<UploadEvents>['emit'],
  ledger?: Pick<Ledger, 'load'>,
): ChatReconciler {
  /** Message ids offered to the person as duplicates, the only ones `removeOffered` removes. */
  const offered = new Set<number>();

  async function history(dialogId: string, since: number): Promise<OwnFileMessage[] | undefined> {
    if (!finder.listOwnFileMessages) return undefined;
    try {
      return [...(await finder.listOwnFileMessages({ dialogId, since }))];
    } catch {
      return undefined;
    }
  }

  async function remove(messageId: number): Promise<boolean> {
    if (!finder.deleteMessage) return false;
    try {
      await finder.deleteMessage(messageId);
      return true;
    } catch {
      return false;
    }
  }

  let batch: Delivery[] = [];

  const reconciler: ChatReconciler = {
    delivered(delivery) {
      batch.push(delivery);
    },
    async batchDone(claimed) {
      const deliveries = batch;
      batch = [];
      const found = deliveries.length === 0 ? [] : await reconciler.afterBatch(deliveries, claimed);
      for (const { delivery, messageId, removed } of found) {
        if (!removed) offered.add(messageId);
        const payload = { id: delivery.id, dialogId: delivery.dialogId, messageId };
        emit(removed ? 'duplicate-removed' : 'duplicate-found', payload);
      }
      return found;
    },
    async removeOffered(messageId) {
      if (!offered.has(messageId) || !(await remove(messageId))) return false;
      offered.delete(messageId);
      return true;
    },
    async afterBatch(deliveries, claimed) {
      const found: Duplicate[] = [];
      const taken = new Set(claimed);
      for (const receipt of deliveries) taken.add(receipt.receipt.messageId);
      for (const dialogId of new Set(deliveries.map((d) => d.dialogId))) {
        const mine = deliveries.filter((d) => d.dialogId === dialogId);
        const since = Math.min(...mine.map((d) => d.since)) - RECONCILE_SLACK_MS;
        for (const messageId of await ledgerClaims(ledger, dialogId)) taken.add(messageId);
        const messages = await history(dialogId, since);
        for (const delivery of messages ? mine : []) {
          const name = storedNamePattern(delivery.name);
          for (const message of messages ?? []) {
            if (taken.has(message.messageId) || message.size !== delivery.size) continue;
            if (!name.test(message.name) || !sameText(message, delivery.message)) continue;
            if (message.at < delivery.since - RECONCILE_SLACK_MS) continue;
            if (message.at > delivery.at + RECONCILE_SLACK_MS) continue;
            taken.add(message.messageId);
            const removed = await remove(message.messageId);
            found.push({ delivery, messageId: message.messageId, removed });
          }
        }
      }
      return found;
    },

    async reconcileLedger(dialogId, entries) {
      const open = entries.filter((entry) => entry.state !== 'delivered');
      if (open.length === 0) return [];
      const since = Math.min(...open.map((entry) => entry.at)) - RECONCILE_SLACK_MS;
      const messages = await history(dialogId, since);
      if (!messages) {
        return open
          .filter((entry) => entry.state === 'unfinished')
          .map((entry) => ({ ...entry, state: 'unknown' }));
      }
      const taken = new Set(entries.map((entry) => entry.messageId));
      const changed: LedgerEntry[] = [];
      for (const entry of open) {
        const name = storedNamePattern(entry.name);
        const match = messages.find(
          (message) =>
            !taken.has(message.messageId) &&
            message.size === entry.size &&
            message.at >= entry.at - RECONCILE_SLACK_MS &&
            name.test(message.name),
        );
        if (!match) continue;
        taken.add(match.messageId);
        changed.push({
          ...entry,
          state: 'delivered',
          messageId: match.messageId,
          errorCode: undefined,
        });
      }
      return changed;
    },
  };
  return reconciler;
}
