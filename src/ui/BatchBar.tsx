import { describeSummary } from './describeSummary.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { sameSummary, summarizeItems } from './summarizeItems.ts';
import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';
import { useTranslator } from './useTranslator.ts';
import { useUploadQueue } from './useUploadQueue.ts';

export interface BatchBarProps {
  readonly queue: UploadQueueLike;
}

const selectSummary = (state: QueueStateLike) => summarizeItems(state.items);

/**
 * Overall progress of the queue with Cancel all and Clear finished. Selects its own summary
 * (changes of a whole percent or a count), so the panel around it does not re-render for it.
 */
export function BatchBar({ queue }: BatchBarProps) {
  const translator = useTranslator();
  const summary = useUploadQueue(queue, selectSummary, sameSummary);
  const onCancelAll = (): void => queue.cancelAll();
  const onClearFinished = (): void => queue.clearFinished();
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
