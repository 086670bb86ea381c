import type { B24Frame } from '@bitrix24/b24jssdk';
import { createInstallClient } from './createInstallClient.ts';
import type { InstallClient } from './createInstallClient.ts';
import { installHandlerUrl } from './installHandlerUrl.ts';
import { hasInstallOptions } from './installPlacementParams.ts';
import { INSTALL_PLACEMENTS } from '../core/installTypes.ts';
import type { InstallState, PlacementState } from '../core/installTypes.ts';

/**
 * Which of Chat Drop's placements are bound, to which handler, and whether that is this app's
 * current address — for the admin table on the DEFAULT page. `placement.get` is admin-only, so a
 * non-admin gets `{ ok: false, error: { code: 'ACCESS_DENIED', origin: 'client' } }` without a
 * request.
 *
 * @example
 * const state = await readInstallState(b24);
 * if (state.ok && !state.healthy) offerRepair();
 */
export function readInstallState(
  b24: B24Frame,
  options: { readonly handler?: string } = {},
): Promise<InstallState> {
  return readInstallStateWithClient(
    createInstallClient(b24),
    options.handler ?? installHandlerUrl(window.location),
  );
}

/** {@link readInstallState} over any {@link InstallClient}. */
export async function readInstallStateWithClient(
  client: InstallClient,
  handler: string,
): Promise<InstallState> {
  if (!client.isAdmin) {
    return { ok: false, handler, error: { code: 'ACCESS_DENIED', origin: 'client' } };
  }
  const listed = await client.call('placement.get', {});
  if (!listed.ok) {
    const error =
      listed.error.code === 'insufficient_scope'
        ? { ...listed.error, missingScopes: ['placement'] }
        : listed.error;
    return { ok: false, handler, error };
  }
  const rows = Array.isArray(listed.result) ? (listed.result as unknown[]) : [];
  const placements = INSTALL_PLACEMENTS.map((placement): PlacementState => {
    const mine = rows.flatMap((row) => {
      if (row === null || typeof row !== 'object') return [];
      const record = row as Record<string, unknown>;
      const code = record.placement ?? record.PLACEMENT;
      const bound = record.handler ?? record.HANDLER;
      return typeof code === 'string' &&
        code.toUpperCase() === placement &&
        typeof bound === 'string'
        ? [{ handler: bound, options: record.options ?? record.OPTIONS }]
        : [];
    });
    const [only] = mine;
    return {
      placement,
      handlers: mine.map((row) => row.handler),
      current:
        mine.length === 1 &&
        only !== undefined &&
        only.handler === handler &&
        hasInstallOptions(placement, only.options),
    };
  });
  return { ok: true, handler, placements, healthy: placements.every((row) => row.current) };
}
