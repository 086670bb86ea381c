import { memo, useId } from 'react';
import type { UploadItem } from '../core/types.ts';
import { showBidiOverrides } from '../i18n/showBidiOverrides.ts';
import { describeFailure } from './describeFailure.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { ROW_ACTIONS, type RowHandlers } from './rowActions.ts';
import { Thumbnail } from './Thumbnail.tsx';
import { useTranslator } from './useTranslator.ts';

/** Images above this size get an icon, not a thumbnail: decoding them costs more than it shows. */
const THUMBNAIL_MAX_BYTES = 20 * 1024 * 1024;

export interface UploadRowProps extends RowHandlers {
  readonly item: UploadItem;
  /** The picked file, when still known; used only for an image thumbnail. */
  readonly file: File | undefined;
}

/**
 * Waiting because the portal refused the method for a while (429 `OPERATION_TIME_LIMIT`, portal
 * reference §7.3): the row says when sending resumes, as the portal told it.
 */
function isPausedByPortal(item: UploadItem): item is UploadItem & { readonly retryAt: number } {
  return (
    item.phase === 'waiting' &&
    item.retryAt !== undefined &&
    item.error?.code === 'OPERATION_TIME_LIMIT'
  );
}

/** One file in the queue: name, size, thumbnail, phase, progress and the actions that help. */
export const UploadRow = memo(function UploadRow({ item, file, ...handlers }: UploadRowProps) {
  const translator = useTranslator();
  const nameId = useId();
  const isImage = item.mimeType.startsWith('image/') && item.size <= THUMBNAIL_MAX_BYTES;
  const failure = item.phase === 'failed' ? describeFailure(item, translator) : undefined;
  const { progress } = item;

  const phaseLabel = failure?.unknown
    ? translator.t('phase_unknown')
    : isPausedByPortal(item)
      ? translator.t('phase_waitingUntil', { time: translator.formatClockTime(item.retryAt) })
      : translator.t(`phase_${item.phase}`);
  const percent =
    progress.percentage === undefined ? undefined : translator.formatPercent(progress.percentage);
  const showProgress =
    item.phase === 'reading' || item.phase === 'sending' || item.phase === 'waiting';
  const meta: string[] = [translator.formatSize(item.size), phaseLabel];
  // Waiting, the last attempt's percentage is history: the next one sends the whole body again.
  const moving = item.phase === 'sending' || item.phase === 'reading';
  if (moving && percent) meta.push(percent);
  // The portal may store the file under a corrected or numbered name (portal reference §7.1):
  // say so, so the person finds it in the chat under that name.
  const storedName = item.receipt?.storedName;
  const shownName = showBidiOverrides(item.name);
  if (storedName !== undefined && storedName !== item.name)
    meta.push(translator.t('storedAs', { name: storedName }));
  if (moving) {
    if (progress.speed !== undefined) meta.push(translator.formatSpeed(progress.speed));
    if (progress.secondsLeft !== undefined)
      meta.push(
        translator.t('timeLeft', { duration: translator.formatDuration(progress.secondsLeft) }),
      );
  }

  return (
    <div
      className={`cd-row cd-row--${failure?.unknown ? 'unknown' : item.phase}`}
      data-testid="upload-row"
      data-item-id={item.id}
      data-phase={item.phase}
      data-name={item.name}
    >
      <div className="cd-row__thumb" aria-hidden="true">
        {isImage && file ? <Thumbnail file={file} /> : <span className="cd-row__icon" />}
      </div>
      <div className="cd-row__body">
        <div className="cd-row__name" id={nameId} dir="auto" title={shownName}>
          {shownName}
        </div>
        <div className="cd-row__meta">{meta.join(' · ')}</div>
        {failure && (
          <div className="cd-row__reason">
            {failure.reason} {failure.hint}
          </div>
        )}
        {showProgress && (
          <ProgressBar
            value={item.phase === 'waiting' ? undefined : progress.percentage}
            label={translator.t('progressLabel', { name: item.name })}
            valueText={(moving && percent) || phaseLabel}
            tone={item.phase === 'waiting' ? 'waiting' : 'active'}
          />
        )}
        {failure && <ErrorDetails code={failure.code} />}
      </div>
      <div className="cd-row__actions">
        {ROW_ACTIONS.filter((action) => action.when(item, failure)).map((action) => (
          <button
            key={action.id}
            type="button"
            className={`cd-button${action.variant === 'primary' ? '' : ` cd-button--${action.variant}`}`}
            aria-describedby={nameId}
            data-action={action.id}
            onClick={() => action.run(item, handlers)}
          >
            {translator.t(action.label(item))}
          </button>
        ))}
      </div>
    </div>
  );
});
