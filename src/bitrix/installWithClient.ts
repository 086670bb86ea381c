import type { InstallCallOutcome, InstallClient } from './createInstallClient.ts';
import { hasInstallOptions, installPlacementParams } from './installPlacementParams.ts';
import { INSTALL_PLACEMENTS, INSTALL_STEP_IDS, REQUIRED_SCOPES } from '../core/installTypes.ts';
import type {
  BindOutcome,
  InstallError,
  InstallPlacement,
  InstallResult,
  InstallStep,
  InstallStepId,
} from '../core/installTypes.ts';

export interface InstallRunOptions {
  /** The address to bind (normally {@link import('./installHandlerUrl.ts').installHandlerUrl}). */
  readonly handler: string;
  /** Call `installFinish()` at the end (true in the portal's install mode, false for a repair). */
  readonly finish: boolean;
  /** Called with a fresh snapshot of all steps whenever one changes. */
  readonly onProgress?: (steps: readonly InstallStep[]) => void;
}

/** One row of `placement.get` (portal reference §5.1). */
interface BoundRow {
  readonly placement: string;
  readonly handler: string;
  readonly options: unknown;
}

/**
 * Binds Chat Drop's messenger widgets and, in install mode, finishes the install.
 * Idempotent: `placement.get` first; a placement already bound to `handler` with the current
 * options is left alone; handlers bound from an older address (or with older options) are
 * unbound before binding the current one; `Handler already binded` counts as success.
 *
 * Never throws for portal errors: each step ends `done`, `skipped` or `failed`, and the first
 * failure stops the run and is returned with the scopes that are missing when that is the cause.
 */
export async function installWithClient(
  client: InstallClient,
  options: InstallRunOptions,
): Promise<InstallResult> {
  const ids = INSTALL_STEP_IDS.filter((id) => id !== 'finish' || options.finish);
  let steps: InstallStep[] = ids.map((id) => ({ id, state: 'pending' }));
  const update = (id: InstallStepId, patch: Omit<InstallStep, 'id'>): void => {
    steps = steps.map((step) => (step.id === id ? { id, ...patch } : step));
    options.onProgress?.(steps);
  };
  const fail = (id: InstallStepId, error: InstallError): InstallResult => {
    update(id, { state: 'failed', error });
    return { ok: false, steps, error, handler: options.handler };
  };
  options.onProgress?.(steps);

  // Binding is admin-only on the portal (ACCESS_DENIED otherwise); say so before trying.
  update('check-admin', { state: 'running' });
  if (!client.isAdmin) {
    return fail('check-admin', { code: 'ACCESS_DENIED', origin: 'client' });
  }
  update('check-admin', { state: 'done' });

  update('read-bindings', { state: 'running' });
  const listed = await client.call('placement.get', {});
  if (!listed.ok) return fail('read-bindings', await explain(client, listed.error, 'placement'));
  const rows = parseBoundRows(listed.result);
  update('read-bindings', { state: 'done' });

  for (const placement of INSTALL_PLACEMENTS) {
    const id = `bind-${placement}` as const;
    update(id, { state: 'running' });
    const outcome = await bindPlacement(client, placement, options.handler, rows);
    if (!outcome.ok) return fail(id, await explain(client, outcome.error, placement));
    update(id, { state: 'done', outcome: outcome.result });
  }

  if (options.finish) {
    update('finish', { state: 'running' });
    const finished = await client.finish();
    if (!finished.ok) return fail('finish', finished.error);
    update('finish', { state: 'done' });
  }
  return { ok: true, steps, handler: options.handler };
}

async function bindPlacement(
  client: InstallClient,
  placement: InstallPlacement,
  handler: string,
  rows: readonly BoundRow[],
): Promise<{ ok: true; result: BindOutcome } | { ok: false; error: InstallError }> {
  const mine = rows.filter((row) => row.placement.toUpperCase() === placement);
  const isCurrent = (row: BoundRow): boolean =>
    row.handler === handler && hasInstallOptions(placement, row.options);
  const keep = mine.find(isCurrent);
  const stale = mine.filter((row) => row !== keep);
  if (keep && stale.length === 0) return { ok: true, result: 'unchanged' };

  // `placement.unbind` with HANDLER removes just that handler (b24restdocs
  // `api-reference/widgets/placement-unbind.md`); without it, every handler of the placement.
  for (const handlerToDrop of new Set(stale.map((row) => row.handler))) {
    const unbound = await client.call('placement.unbind', {
      PLACEMENT: placement,
      HANDLER: handlerToDrop,
    });
    if (!unbound.ok) return unbound;
  }
  if (!keep) {
    const bound = await client.call('placement.bind', installPlacementParams(placement, handler));
    if (!bound.ok && !isAlreadyBound(bound)) return bound;
  }
  return { ok: true, result: mine.length === 0 ? 'bound' : 'replaced' };
}

/**
 * `ERROR_CORE` "Unable to set placement handler: Handler already binded" (core `placement.php`)
 * means the wanted state is already there, e.g. a second install tab won the race.
 */
function isAlreadyBound(outcome: InstallCallOutcome): boolean {
  return (
    !outcome.ok &&
    outcome.error.code === 'ERROR_CORE' &&
    /already\s+bind/i.test(outcome.error.detail ?? '')
  );
}

function parseBoundRows(result: unknown): BoundRow[] {
  if (!Array.isArray(result)) return [];
  return result.flatMap((row: unknown): BoundRow[] => {
    if (row === null || typeof row !== 'object') return [];
    const record = row as Record<string, unknown>;
    const placement = record.placement ?? record.PLACEMENT;
    const handler = record.handler ?? record.HANDLER;
    if (typeof placement !== 'string' || typeof handler !== 'string') return [];
    return [{ placement, handler, options: record.options ?? record.OPTIONS }];
  });
}

/**
 * Adds the missing scopes to a scope failure. `insufficient_scope` does not say which scope is
 * missing, and an IM placement without the `im` scope fails with `ERROR_PLACEMENT_NOT_FOUND`
 * (portal reference §5.1). The `scope` method lists the scopes the app was granted
 * (b24restdocs `api-reference/common/system/scope.md`); when it cannot be read, the scope is inferred
 * from the call that failed.
 */
async function explain(
  client: InstallClient,
  error: InstallError,
  failedOn: 'placement' | InstallPlacement,
): Promise<InstallError> {
  const scopeProblem =
    error.code === 'insufficient_scope' ||
    (error.code === 'ERROR_PLACEMENT_NOT_FOUND' && failedOn !== 'placement');
  if (!scopeProblem) return error;
  const granted = await client.call('scope', {});
  if (granted.ok && Array.isArray(granted.result)) {
    const have = new Set(granted.result.map((scope) => String(scope).toLowerCase()));
    const missing = REQUIRED_SCOPES.filter((scope) => !have.has(scope));
    if (missing.length > 0) return { ...error, missingScopes: missing };
  }
  return {
    ...error,
    missingScopes: error.code === 'ERROR_PLACEMENT_NOT_FOUND' ? ['im'] : ['placement'],
  };
}
