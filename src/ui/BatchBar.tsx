import { describeSummary } from './describeSummary.ts';
import { ProgressBar } from './ProgressBar.tsx';
import type { ItemSummary } from './summarizeItems.ts';
import { useTranslator } from './useTranslator.ts';

export interface BatchBarProps {
  readonly summary: ItemSummary;
  readonly onCancelAll: () => void;
  readonly onClearFinished: () => void;
}

/** Overall progress of the queue with Cancel all and Clear finished. */
export function BatchBar({ summary, onCancelAll, onClearFinished }: BatchBarProps) {
  const translator = useTranslator();
  if (summary.total === 0) return null;
  const finished = summary.total - summary.active;
  const percent = translator.formatPercent(summary.percentage ?? 0);
  return (
    <div className="cd-batch" data-testid="batch-bar">
      <div className="cd-batch__line">
        <span className="cd-batch__text">
          {translator.t('fileCount', { count: summary.total })} ·{' '}
          {describeSummary(summary, translator)}
        </span>
        <span className="cd-batch__actions">
          {summary.active > 0 && (
            <button type="button" className="cd-button cd-button--ghost" onClick={onCancelAll}>
              {translator.t('cancelAll')}
            </button>
          )}
          {finished > 0 && (
            <button type="button" className="cd-button cd-button--ghost" onClick={onClearFinished}>
              {translator.t('clearFinished')}
            </button>
          )}
        </span>
      </div>
      {summary.active > 0 && (
        <ProgressBar
          value={summary.percentage}
          label={translator.t('batchLabel')}
          valueText={translator.t('batchProgress', {
            done: finished,
            total: summary.total,
            percent,
          })}
        />
      )}
    </div>
  );
}
