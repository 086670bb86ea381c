import type { InstallStep, InstallStepId, InstallStepState } from '../core/installTypes.ts';
import type { InstallMessageKey } from '../i18n/installMessages.ts';
import type { InstallTranslate } from './InstallTranslate.ts';

const STATE_ICONS = {
  pending: '○',
  running: '◌',
  done: '✓',
  skipped: '–',
  failed: '✕',
} as const satisfies Record<InstallStepState, string>;

const STEP_KEYS = {
  'check-admin': 'step.check-admin',
  'read-bindings': 'step.read-bindings',
  'bind-IM_SIDEBAR': 'step.bind-IM_SIDEBAR',
  'bind-IM_TEXTAREA': 'step.bind-IM_TEXTAREA',
  finish: 'step.finish',
} as const satisfies Record<InstallStepId, InstallMessageKey>;

/** The steps of an install or repair run, each with its state, read out as they change. */
export function InstallStepList({
  steps,
  t,
}: {
  readonly steps: readonly InstallStep[];
  readonly t: InstallTranslate;
}) {
  return (
    <ol className="cd-install__steps" aria-live="polite">
      {steps.map((step) => (
        <li
          key={step.id}
          className={`cd-install__step cd-install__step--${step.state}`}
          data-testid="install-step"
          data-step={step.id}
          data-state={step.state}
          aria-busy={step.state === 'running'}
        >
          <span className="cd-install__icon" aria-hidden="true">
            {STATE_ICONS[step.state]}
          </span>
          <span className="cd-install__label">{t(STEP_KEYS[step.id])}</span>
          <span className="cd-install__state">
            {t(`state.${step.state}`)}
            {step.outcome && step.state === 'done' ? ` · ${t(`outcome.${step.outcome}`)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
