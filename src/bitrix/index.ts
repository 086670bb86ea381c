/**
 * Public surface of src/bitrix, the only folder that imports `@bitrix24/b24jssdk`.
 * (The install flow files of this folder are exported by their owner below this block.)
 */
export {
  startFrame,
  SINGLE_ATTEMPT_RESTRICTIONS,
  FRAME_START_CODES,
  type FrameStart,
  type FrameStartCode,
  type FrameStartError,
  type PortalContext,
  type StartFrameOptions,
  type UserOptionStore,
} from './startFrame.ts';
export {
  createBitrixTransport,
  type BitrixTransport,
  type BitrixTransportOptions,
} from './createBitrixTransport.ts';
export { createBitrixPortal, type BitrixPortalOptions } from './createBitrixPortal.ts';
export {
  createUserOptionLedgerStorage,
  type UserOptionLedgerStorageOptions,
} from './createUserOptionLedgerStorage.ts';
export {
  mapB24Error,
  BITRIX_WIDGET_CODES,
  BITRIX_EMITTED_CODES,
  SDK_CALL_CODES,
  type BitrixWidgetCode,
} from './mapB24Error.ts';
export { BitrixCallError } from './BitrixCallError.ts';
// ── Install flow (issue 5) ───────────────────────────────────────────────────────────────────
// Types only: the app loads the install flow lazily (app/lazyInstallDeps.ts), which a value
// re-export here would defeat by pulling it into the startup chunk (docs/PERFORMANCE.md).
export type { installApp, InstallAppOptions } from './installApp.ts';
export type { repairInstall } from './repairInstall.ts';
export type { readInstallState } from './readInstallState.ts';
export { installHandlerUrl } from './installHandlerUrl.ts';
export {
  INSTALL_PLACEMENTS,
  REQUIRED_SCOPES,
  type InstallError,
  type InstallPlacement,
  type InstallResult,
  type InstallState,
  type InstallStep,
  type PlacementState,
} from '../core/installTypes.ts';
