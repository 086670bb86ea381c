export interface ProgressBarProps {
  /** 0..100; undefined shows an indeterminate bar (no aria-valuenow). */
  readonly value: number | undefined;
  readonly label: string;
  readonly valueText?: string;
  readonly tone?: 'active' | 'waiting' | 'done' | 'failed';
}

/** A thin progress bar exposed as `role="progressbar"`. */
export function ProgressBar({ value, label, valueText, tone = 'active' }: ProgressBarProps) {
  const clamped = value === undefined ? undefined : Math.min(100, Math.max(0, value));
  return (
    <div
      className={`cd-progress cd-progress--${tone}${clamped === undefined ? ' cd-progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped === undefined ? undefined : Math.round(clamped)}
      aria-valuetext={valueText}
    >
      <div className="cd-progress__fill" style={{ inlineSize: `${clamped ?? 100}%` }} />
    </div>
  );
}
