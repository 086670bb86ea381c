import { useEffect, useState } from 'react';
import type { LedgerStorage } from '../core/ports.ts';
import type { LedgerEntry } from '../core/types.ts';

/**
 * Earlier sessions' files in this chat, newest first: read once per chat, before this session
 * adds anything, so these are what happened before the panel opened. `[]` without a ledger.
 */
export function useEarlierSessions(
  ledger: Pick<LedgerStorage, 'load'> | undefined,
  dialogId: string | undefined,
): readonly LedgerEntry[] {
  const [earlier, setEarlier] = useState<readonly LedgerEntry[]>([]);
  useEffect(() => {
    if (!ledger || !dialogId) return;
    let live = true;
    ledger.load(dialogId).then(
      (entries) => live && setEarlier(entries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ledger, dialogId]);
  return earlier;
}
