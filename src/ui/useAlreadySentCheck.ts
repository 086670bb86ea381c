import { useCallback } from 'react';
import type { LedgerStorage } from '../core/ports.ts';
import type { AlreadySent, SentFile } from './findAlreadySent.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/**
 * How long the check waits for the ledger before letting the files go without it. Assumed: a
 * storage that does not answer must not hold dropped files back (nothing lost).
 */
export const LEDGER_WAIT_MS = 1500;

function withDeadline<T>(promise: Promise<T>, fallback: T, ms: number): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/**
 * Which dropped files are already in the chat: the ledger's delivered entries (earlier sessions
 * and this one) plus this session's delivered rows, so the check also works without a ledger.
 */
export function useAlreadySentCheck(
  ledger: Pick<LedgerStorage, 'load'> | undefined,
  queue: UploadQueueLike,
): (dialogId: string, files: readonly File[]) => Promise<AlreadySent[]> {
  return useCallback(
    async (dialogId, files) => {
      const rows: SentFile[] = queue.store
        .getState()
        .items.filter((item) => item.phase === 'delivered' && item.dialogId === dialogId)
        .map((item) => ({
          name: item.name,
          size: item.size,
          at: item.phaseStartedAt ?? item.addedAt,
        }));
      const entries = ledger ? await withDeadline(ledger.load(dialogId), [], LEDGER_WAIT_MS) : [];
      const delivered = entries.filter((entry) => entry.state === 'delivered');
      const sent = [...delivered, ...rows];
      if (sent.length === 0) return [];
      // Its own chunk, like the prompt: not needed for the widget's first paint (startup budget).
      const { findAlreadySent } = await import('./findAlreadySent.ts');
      return findAlreadySent(files, sent, Date.now());
    },
    [ledger, queue],
  );
}
