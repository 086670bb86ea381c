import { useCallback, useEffect, useState } from 'react';
import type { InstallState } from '../core/installTypes.ts';
import { InstallErrorNotice } from './InstallErrorNotice.tsx';
import { InstallOutcome } from './InstallOutcome.tsx';
import { InstallStateTable } from './InstallStateTable.tsx';
import { InstallStepList } from './InstallStepList.tsx';
import type { InstallTranslate } from './InstallTranslate.ts';
import { useInstallRun, type InstallRun } from './useInstallRun.ts';

export interface InstallManagerProps {
  readonly isAdmin: boolean;
  /** Reads which placements are bound where (`readInstallState`). */
  readonly readState: (() => Promise<InstallState>) | undefined;
  /** Binds the widgets to this address again (`repairInstall`). */
  readonly repair: InstallRun | undefined;
  readonly t: InstallTranslate;
}

function readFailure(error: unknown): InstallState {
  return {
    ok: false,
    handler: '',
    error: { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: String(error) },
  };
}

/** The admin's view of where the widgets are bound, with Repair and Reload. */
export function InstallManager({ isAdmin, readState, repair, t }: InstallManagerProps) {
  const [state, setState] = useState<InstallState | undefined>(undefined);
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
  const run = useInstallRun(repair, load);

  useEffect(() => {
    if (!isAdmin || !readState) return;
    let live = true;
    readState().then(
      (next) => live && setState(next),
      (error: unknown) => live && setState(readFailure(error)),
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
      {state && !state.ok && (
        <InstallErrorNotice error={state.error} handler={state.handler} t={t} />
      )}
      {state?.ok && (
        <>
          <p className="cd-muted">{t('thisAddress', { handler: state.handler })}</p>
          <InstallStateTable placements={state.placements} handler={state.handler} t={t} />
          <p className={state.healthy ? 'cd-notice cd-install__ok' : 'cd-notice'} role="status">
            {t(state.healthy ? 'healthy' : 'unhealthy')}
          </p>
        </>
      )}
      {run.steps.length > 0 && <InstallStepList steps={run.steps} t={t} />}
      <InstallOutcome result={run.result} okText="repaired" t={t} />
      <div className="cd-install__actions">
        {repair && (
          <button
            type="button"
            className="cd-button"
            onClick={run.start}
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
