import type { InstallError } from '../core/installTypes.ts';
import { describeInstallError } from './installErrorPolicy.ts';
import type { InstallTranslate } from './InstallTranslate.ts';

/** An install failure: the localized sentence, with the code and the portal's text in details. */
export function InstallErrorNotice({
  error,
  handler,
  t,
}: {
  readonly error: InstallError | undefined;
  readonly handler: string;
  readonly t: InstallTranslate;
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
