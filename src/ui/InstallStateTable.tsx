import type { PlacementState } from '../core/installTypes.ts';
import type { InstallMessageKey } from '../i18n/installMessages.ts';
import type { InstallTranslate } from './InstallTranslate.ts';

function rowStateKey(row: PlacementState, handler: string): InstallMessageKey {
  if (row.current) return 'row.current';
  if (row.handlers.length === 0) return 'row.missing';
  if (row.handlers.length > 1) return 'row.multiple';
  // Bound here, but with options (icon, popup size) from an older version: Repair rebinds it.
  return row.handlers[0] === handler ? 'row.outdated' : 'row.other';
}

/** Where each placement is bound, against this app's own address. */
export function InstallStateTable({
  placements,
  handler,
  t,
}: {
  readonly placements: readonly PlacementState[];
  readonly handler: string;
  readonly t: InstallTranslate;
}) {
  return (
    <table className="cd-install__table" data-testid="install-state">
      <thead>
        <tr>
          <th scope="col">{t('columnPlace')}</th>
          <th scope="col">{t('columnAddress')}</th>
          <th scope="col">{t('columnState')}</th>
        </tr>
      </thead>
      <tbody>
        {placements.map((row) => (
          <tr
            key={row.placement}
            data-testid="install-state-row"
            data-placement={row.placement}
            data-current={row.current ? 'true' : 'false'}
          >
            <th scope="row">{t(`placement.${row.placement}`)}</th>
            <td className="cd-install__address" dir="ltr">
              {row.handlers.length === 0 ? '—' : row.handlers.join('\n')}
            </td>
            <td>
              <span
                className={`cd-install__badge cd-install__badge--${row.current ? 'ok' : 'bad'}`}
              >
                {t(rowStateKey(row, handler))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
