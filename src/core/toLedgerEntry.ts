import { isUnknownOutcome } from './errorPolicy.ts';
import type { LedgerEntry, UploadItem } from './types.ts';

/** What the ledger remembers of an item's phase; `undefined` = nothing (a cancelled file is forgotten). */
export function ledgerStateOf(item: UploadItem): LedgerEntry['state'] | undefined {
  switch (item.phase) {
    case 'queued':
    case 'reading':
    case 'waiting':
      // Nothing has reached the portal (a rate-limit refusal comes before processing).
      return 'unfinished';
    case 'sending':
    case 'checking':
      return 'unknown';
    case 'delivered':
      return 'delivered';
    case 'failed':
      return item.error && isUnknownOutcome(item.error) ? 'unknown' : 'failed';
    case 'cancelled':
      return undefined;
  }
}

/**
 * The ledger's line for `item` as it is now (`at`: epoch ms), or `undefined` when the ledger
 * should forget it. Only names, sizes, states and message ids: never contents or tokens.
 *
 * @example
 * const entry = toLedgerEntry(item, Date.now());
 * if (entry) ledger.record(item.dialogId, entry); else ledger.forget(item.dialogId, item.id);
 */
export function toLedgerEntry(item: UploadItem, at: number): LedgerEntry | undefined {
  const state = ledgerStateOf(item);
  if (state === undefined) return undefined;
  return {
    id: item.id,
    name: item.name,
    size: item.size,
    lastModified: item.lastModified,
    state,
    messageId: item.receipt?.messageId,
    errorCode: item.error?.code,
    at,
  };
}
