import type { InstallResult } from '../core/installTypes.ts';
import { InstallErrorNotice } from './InstallErrorNotice.tsx';
import type { InstallMessageKey } from '../i18n/installMessages.ts';
import type { InstallTranslate } from './InstallTranslate.ts';

/**
 * How a finished install or repair run ended: a success notice with `okText`, or the failure.
 * Nothing while no run has finished.
 */
export function InstallOutcome({
  result,
  okText,
  t,
}: {
  readonly result: InstallResult | undefined;
  readonly okText: InstallMessageKey;
  readonly t: InstallTranslate;
}) {
  if (!result) return null;
  if (!result.ok) return <InstallErrorNotice error={result.error} handler={result.handler} t={t} />;
  return (
    <p
      className="cd-notice cd-install__ok"
      role="status"
      data-testid="install-result"
      data-ok="true"
    >
      {t(okText)}
    </p>
  );
}
