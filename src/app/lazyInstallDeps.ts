import type { installApp, readInstallState, repairInstall } from '../bitrix/index.ts';

// The install flow (install, state table, repair) runs only on an admin's install or app page,
// never in a chat's panel: its code is a separate chunk, loaded when first called (issue 13's
// startup budget, docs/PERFORMANCE.md). When the chunk cannot be fetched the call rejects, which
// the install page shows as a failed install, read or repair, like any other failed call.

/** {@link installApp}, loaded on first call. */
export const lazyInstallApp: typeof installApp = async (b24, options) =>
  (await import('../bitrix/installApp.ts')).installApp(b24, options);

/** {@link readInstallState}, loaded on first call. */
export const lazyReadInstallState: typeof readInstallState = async (b24, options) =>
  (await import('../bitrix/readInstallState.ts')).readInstallState(b24, options);

/** {@link repairInstall}, loaded on first call. */
export const lazyRepairInstall: typeof repairInstall = async (b24, options) =>
  (await import('../bitrix/repairInstall.ts')).repairInstall(b24, options);
