import { useId } from 'react';
import type { LedgerEntry } from '../core/types.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import { showBidiOverrides } from '../i18n/showBidiOverrides.ts';
import { useTranslator } from './useTranslator.ts';

export interface LedgerPanelProps {
  readonly entries: readonly LedgerEntry[];
  /** Opens the file picker so the user can pick the same file again (contents are never kept). */
  readonly onAddAgain: (entry: LedgerEntry) => void;
  /** Opens the chat so the user can see whether a file with an unknown outcome is there. */
  readonly onCheckChat: (entry: LedgerEntry) => void;
}

const STATE_LABEL = {
  delivered: 'ledgerDelivered',
  failed: 'ledgerNotDelivered',
  unfinished: 'ledgerNotDelivered',
  unknown: 'ledgerUnknown',
} as const satisfies Record<LedgerEntry['state'], MessageKey>;

/** Files from earlier sessions in this chat: what arrived, and what did not. */
export function LedgerPanel({ entries, onAddAgain, onCheckChat }: LedgerPanelProps) {
  const translator = useTranslator();
  const baseId = useId();
  if (entries.length === 0) return null;
  const open = entries.some((entry) => entry.state !== 'delivered');
  return (
    <details className="cd-ledger" open={open} data-testid="ledger">
      <summary>
        {translator.t('ledgerTitle')} ({translator.formatNumber(entries.length)})
      </summary>
      <ul className="cd-ledger__list">
        {entries.map((entry) => (
          <li key={entry.id} className={`cd-ledger__entry cd-ledger__entry--${entry.state}`}>
            <span
              className="cd-ledger__name"
              id={`${baseId}-${entry.id}`}
              dir="auto"
              title={showBidiOverrides(entry.name)}
            >
              {showBidiOverrides(entry.name)}
            </span>
            <span className="cd-ledger__state">
              {translator.formatSize(entry.size)} · {translator.t(STATE_LABEL[entry.state])}
            </span>
            {entry.state === 'unknown' ? (
              // The file may already be in the chat (the portal's answer was lost): no one-click
              // re-add, which could post it twice; the user looks first (core/errorPolicy.ts).
              <>
                <span className="cd-ledger__hint">{translator.t('ledgerUnknownHint')}</span>
                <button
                  type="button"
                  className="cd-button cd-button--link"
                  aria-label={translator.t('ledgerCheckChatFile', { name: entry.name })}
                  onClick={() => onCheckChat(entry)}
                >
                  {translator.t('checkTheChat')}
                </button>
              </>
            ) : (
              entry.state !== 'delivered' && (
                // The visible text is the name (axe label-content-name-mismatch); the file it is
                // about comes from the entry's name.
                <button
                  type="button"
                  className="cd-button cd-button--link"
                  aria-describedby={`${baseId}-${entry.id}`}
                  onClick={() => onAddAgain(entry)}
                >
                  {translator.t('addAgain')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
