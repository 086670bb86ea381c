import { useCallback, useId } from 'react';
import type { InstallState } from '../core/installTypes.ts';
import { InstallManager } from './InstallManager.tsx';
import { installMessage } from '../i18n/installMessages.ts';
import { InstallRunner } from './InstallRunner.tsx';
import type { InstallTranslate } from './InstallTranslate.ts';
import type { InstallRun } from './useInstallRun.ts';
import { useTranslator } from './useTranslator.ts';
import './InstallPage.css';

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
  readonly readState?: () => Promise<InstallState>;
  /** Manage mode: binds the widgets to this address again (`repairInstall`). */
  readonly repair?: InstallRun;
}

/**
 * The install wizard (portal opened the app with `INSTALL: true`) and, in `manage` mode, the
 * admin's view of where the widgets are bound. Takes its data and actions as props; no SDK here.
 */
export function InstallPage(props: InstallPageProps) {
  const { lang, dir, locale } = useTranslator();
  const t = useCallback<InstallTranslate>((key, vars) => installMessage(lang, key, vars), [lang]);
  const mode = props.mode ?? 'install';
  const titleId = useId();
  // Install mode is the whole page; manage mode is a part of the app's page, under the panel
  // (one main landmark per page: axe landmark-no-duplicate-main).
  const Landmark = mode === 'install' ? 'main' : 'section';
  return (
    <Landmark
      className="cd-page cd-install"
      data-testid="install-page"
      data-mode={mode}
      dir={dir}
      lang={locale}
      aria-labelledby={titleId}
    >
      <h1 className="cd-page__title" id={titleId}>
        {t(mode === 'install' ? 'title' : 'manageTitle')}
      </h1>
      {mode === 'install' ? (
        <InstallRunner isAdmin={props.isAdmin} install={props.install} t={t} />
      ) : (
        <InstallManager
          isAdmin={props.isAdmin}
          readState={props.readState}
          repair={props.repair}
          t={t}
        />
      )}
    </Landmark>
  );
}
