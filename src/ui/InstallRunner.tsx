import { useEffect, useRef } from 'react';
import { InstallOutcome } from './InstallOutcome.tsx';
import { InstallStepList } from './InstallStepList.tsx';
import type { InstallTranslate } from './InstallTranslate.ts';
import { useInstallRun, type InstallRun } from './useInstallRun.ts';

export interface InstallRunnerProps {
  readonly isAdmin: boolean;
  /** Binds the widgets and finishes the install; run once on mount. */
  readonly install: InstallRun | undefined;
  readonly t: InstallTranslate;
}

/** The install wizard: runs the install once, shows its steps and how it ended, offers Retry. */
export function InstallRunner({ isAdmin, install, t }: InstallRunnerProps) {
  const run = useInstallRun(install);
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
      <InstallStepList steps={run.steps} t={t} />
      <InstallOutcome result={run.result} okText="installed" t={t} />
      {run.result && !run.result.ok && (
        <button type="button" className="cd-button" onClick={start} disabled={run.busy}>
          {t('retry')}
        </button>
      )}
    </>
  );
}
