import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  InstallError,
  InstallPlacement,
  InstallResult,
  InstallState,
  InstallStep,
  InstallStepId,
  InstallStepState,
  PlacementState,
} from '../core/installTypes.ts';
import { installMessage } from '../i18n/installMessages.ts';
import type { InstallMessageKey } from '../i18n/installMessages.ts';
import { useTranslator } from './useTranslator.ts';
import './InstallPage.css';

// The UI's names for core's install data (the same types the bitrix install functions return).
export type InstallStepStateView = InstallStepState;
export type InstallErrorView = InstallError;
export type InstallStepView = InstallStep;
export type InstallRunResultView = InstallResult;
export type PlacementStateView = PlacementState;
export type InstallStateView = InstallState;

/** Runs an install or repair, reporting every step change; never rejects for portal errors. */
export type InstallRun = (
  onProgress: (steps: readonly InstallStepView[]) => void,
) => Promise<InstallRunResultView>;

export interface InstallPageProps {
  /** Whether the current user is a portal administrator (only admins can install). */
  readonly isAdmin: boolean;
  /**
   * `install` (default): the portal opened the install URL; runs {@link InstallPageProps.install}
   * once on mount and shows its steps. `manage`: the DEFAULT page's install-state table for
   * admins, with a Repair button.
   */
  readonly mode?: 'install' | 'manage';
  /** Install mode: binds the widgets and finishes the install (`installApp`). */
  readonly install?: InstallRun;
  /** Manage mode: reads which placements are bound where (`readInstallState`). */
  readonly readState?: () => Promise<InstallStateView>;
  /** Manage mode: binds the widgets to this address again (`repairInstall`). */
  readonly repair?: InstallRun;
}

/**
 * The install wizard (portal opened the app with `INSTALL: true`) and, in `manage` mode, the
 * admin's view of where the widgets are bound. Takes its data and actions as props; no SDK here.
 */
export function InstallPage(props: InstallPageProps) {
  const { lang } = useTranslator();
  const t = useCallback(
    (key: InstallMessageKey, vars?: Readonly<Record<string, string>>) =>
      installMessage(lang, key, vars),
    [lang],
  );
  const mode = props.mode ?? 'install';
  return (
    <main className="cd-page cd-install" data-testid="install-page" data-mode={mode}>
      <h1 className="cd-page__title">{t(mode === 'install' ? 'title' : 'manageTitle')}</h1>
      {mode === 'install' ? (
        <InstallRunner {...props} t={t} />
      ) : (
        <InstallManager {...props} t={t} />
      )}
    </main>
  );
}

type Translate = (key: InstallMessageKey, vars?: Readonly<Record<string, string>>) => string;

function InstallRunner({ isAdmin, install, t }: InstallPageProps & { readonly t: Translate }) {
  const run = useRun(install);
  const started = useRef(false);
  const { start } = run;
  useEffect(() => {
    // Once per page, also under StrictMode's double effect: installFinish must be sent once.
    if (started.current || !isAdmin || !install) return;
    started.current = true;
    start();
  }, [isAdmin, install, start]);

  if (!isAdmin) {
    return (
      <p
        className="cd-notice cd-notice--error"
        role="alert"
        data-testid="install-error"
        data-code="ACCESS_DENIED"
      >
        {t('notAdminInstall')}
      </p>
    );
  }
  if (!install) return <p className="cd-muted">{t('waiting')}</p>;
  return (
    <>
      <p>{t('intro')}</p>
      <StepList steps={run.steps} t={t} />
      {run.result?.ok && (
        <p
          className="cd-notice cd-install__ok"
          role="status"
          data-testid="install-result"
          data-ok="true"
        >
          {t('installed')}
        </p>
      )}
      {run.result && !run.result.ok && (
        <>
          <ErrorNotice error={run.result.error} handler={run.result.handler} t={t} />
          <button type="button" className="cd-button" onClick={start} disabled={run.busy}>
            {t('retry')}
          </button>
        </>
      )}
    </>
  );
}

function InstallManager({
  isAdmin,
  readState,
  repair,
  t,
}: InstallPageProps & { readonly t: Translate }) {
  const [state, setState] = useState<InstallStateView | undefined>(undefined);
  const [reading, setReading] = useState(false);

  /** Reads the state; React state changes only when the answer is there. */
  const load = useCallback(
    (): Promise<void> =>
      readState
        ? readState().then(setState, (error: unknown) => setState(readFailure(error)))
        : Promise.resolve(),
    [readState],
  );

  // After a repair, read the state again so the table shows what the portal now has.
  const run = useRun(repair, load);
  const { start } = run;

  useEffect(() => {
    if (!isAdmin || !readState) return;
    let live = true;
    readState().then(
      (next) => {
        if (live) setState(next);
      },
      (error: unknown) => {
        if (live) setState(readFailure(error));
      },
    );
    return () => {
      live = false;
    };
  }, [isAdmin, readState]);

  const refresh = (): void => {
    setReading(true);
    void load().finally(() => setReading(false));
  };

  if (!isAdmin) {
    return (
      <p className="cd-notice" data-testid="install-not-admin">
        {t('notAdminManage')}
      </p>
    );
  }
  return (
    <>
      {!state && (
        <p className="cd-muted" aria-busy="true">
          {t('loadingState')}
        </p>
      )}
      {state && !state.ok && <ErrorNotice error={state.error} handler={state.handler} t={t} />}
      {state?.ok && (
        <>
          <p className="cd-muted">{t('thisAddress', { handler: state.handler })}</p>
          <table className="cd-install__table" data-testid="install-state">
            <thead>
              <tr>
                <th scope="col">{t('columnPlace')}</th>
                <th scope="col">{t('columnAddress')}</th>
                <th scope="col">{t('columnState')}</th>
              </tr>
            </thead>
            <tbody>
              {state.placements.map((row) => (
                <tr
                  key={row.placement}
                  data-testid="install-state-row"
                  data-placement={row.placement}
                  data-current={row.current ? 'true' : 'false'}
                >
                  <th scope="row">{placementLabel(row.placement, t)}</th>
                  <td className="cd-install__address">
                    {row.handlers.length === 0 ? '—' : row.handlers.join('\n')}
                  </td>
                  <td>
                    <span
                      className={`cd-install__badge cd-install__badge--${row.current ? 'ok' : 'bad'}`}
                    >
                      {t(rowStateKey(row, state.handler))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={state.healthy ? 'cd-notice cd-install__ok' : 'cd-notice'} role="status">
            {t(state.healthy ? 'healthy' : 'unhealthy')}
          </p>
        </>
      )}
      {run.steps.length > 0 && <StepList steps={run.steps} t={t} />}
      {run.result?.ok && (
        <p
          className="cd-notice cd-install__ok"
          role="status"
          data-testid="install-result"
          data-ok="true"
        >
          {t('repaired')}
        </p>
      )}
      {run.result && !run.result.ok && (
        <ErrorNotice error={run.result.error} handler={run.result.handler} t={t} />
      )}
      <div className="cd-install__actions">
        {repair && (
          <button
            type="button"
            className="cd-button"
            onClick={start}
            disabled={run.busy || reading}
          >
            {run.busy ? t('repairing') : t('repair')}
          </button>
        )}
        <button
          type="button"
          className="cd-button cd-button--ghost"
          onClick={refresh}
          disabled={run.busy || reading}
        >
          {t('reload')}
        </button>
      </div>
    </>
  );
}

function readFailure(error: unknown): InstallStateView {
  return {
    ok: false,
    handler: '',
    error: { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: String(error) },
  };
}

/** Runs an {@link InstallRun}, keeping its live steps and final result. */
function useRun(action: InstallRun | undefined, onDone?: () => Promise<void>) {
  const [steps, setSteps] = useState<readonly InstallStepView[]>([]);
  const [result, setResult] = useState<InstallRunResultView | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const start = useCallback(() => {
    if (!action) return;
    setBusy(true);
    setResult(undefined);
    action(setSteps).then(
      (outcome) => {
        setSteps(outcome.steps);
        setResult(outcome);
        setBusy(false);
        void onDone?.();
      },
      (error: unknown) => {
        // The actions do not reject for portal errors; this is a bug, still shown, not thrown.
        setResult({
          ok: false,
          steps: [],
          handler: '',
          error: { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: String(error) },
        });
        setBusy(false);
      },
    );
  }, [action, onDone]);
  return { steps, result, busy, start };
}

const STATE_ICONS = {
  pending: '○',
  running: '◌',
  done: '✓',
  skipped: '–',
  failed: '✕',
} as const satisfies Record<InstallStepStateView, string>;

function StepList({
  steps,
  t,
}: {
  readonly steps: readonly InstallStepView[];
  readonly t: Translate;
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
          <span className="cd-install__label">{stepLabel(step.id, t)}</span>
          <span className="cd-install__state">
            {t(`state.${step.state}`)}
            {step.outcome && step.state === 'done' ? ` · ${t(`outcome.${step.outcome}`)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function ErrorNotice({
  error,
  handler,
  t,
}: {
  readonly error: InstallErrorView | undefined;
  readonly handler: string;
  readonly t: Translate;
}) {
  const code = error?.code ?? 'WIDGET_INSTALL_FAILED';
  return (
    <div
      className="cd-notice cd-notice--error"
      role="alert"
      data-testid="install-error"
      data-code={code}
    >
      <p>{describeInstallError(error, handler, t)}</p>
      <details className="cd-details">
        <summary>{t('details')}</summary>
        <code className="cd-details__code">{t('detailsCode', { code })}</code>
        {error?.detail && (
          <p className="cd-install__detail">{t('detailsText', { detail: error.detail })}</p>
        )}
      </details>
    </div>
  );
}

/** The localized explanation for an install failure; the code and portal text go to the details. */
function describeInstallError(
  error: InstallErrorView | undefined,
  handler: string,
  t: Translate,
): string {
  if (!error) return t('error.generic');
  if (error.missingScopes && error.missingScopes.length > 0) {
    return t('error.scope', {
      scopes: error.missingScopes.map((scope) => `"${scope}"`).join(', '),
    });
  }
  if (error.origin === 'transport') return t('error.transport');
  switch (error.code) {
    case 'ACCESS_DENIED':
    case 'user_access_error':
      return t('error.ACCESS_DENIED');
    case 'insufficient_scope':
      return t('error.scope', { scopes: '"im", "placement"' });
    case 'WRONG_AUTH_TYPE':
      return t('error.WRONG_AUTH_TYPE');
    case 'ERROR_WRONG_HANDLER_URL':
    case 'ERROR_UNSUPPORTED_PROTOCOL':
      return t('error.handler', { handler });
    case 'expired_token':
    case 'invalid_token':
    case 'NO_AUTH_FOUND':
    case 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT':
      return t('error.auth');
    case 'QUERY_LIMIT_EXCEEDED':
    case 'OPERATION_TIME_LIMIT':
    case 'OVERLOAD_LIMIT':
      return t('error.busy');
    default:
      // The code is in the details below the sentence, not in it.
      return t('error.generic');
  }
}

const STEP_KEYS = {
  'check-admin': 'step.check-admin',
  'read-bindings': 'step.read-bindings',
  'bind-IM_SIDEBAR': 'step.bind-IM_SIDEBAR',
  'bind-IM_TEXTAREA': 'step.bind-IM_TEXTAREA',
  finish: 'step.finish',
} as const satisfies Record<InstallStepId, InstallMessageKey>;

function stepLabel(id: InstallStepId, t: Translate): string {
  return t(STEP_KEYS[id]);
}

function placementLabel(placement: InstallPlacement, t: Translate): string {
  return t(`placement.${placement}`);
}

function rowStateKey(row: PlacementStateView, handler: string): InstallMessageKey {
  if (row.current) return 'row.current';
  if (row.handlers.length === 0) return 'row.missing';
  if (row.handlers.length > 1) return 'row.multiple';
  // Bound here, but with options (icon, popup size) from an older version: Repair rebinds it.
  return row.handlers[0] === handler ? 'row.outdated' : 'row.other';
}
