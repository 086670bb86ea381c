import type { B24Frame } from '@bitrix24/b24jssdk';
import { createInstallClient } from './createInstallClient.ts';
import { installHandlerUrl } from './installHandlerUrl.ts';
import { installWithClient } from './installWithClient.ts';
import type { InstallAppOptions } from './installApp.ts';
import type { InstallResult } from '../core/installTypes.ts';

/**
 * Re-binds the messenger widgets to this app's current address from the DEFAULT page, e.g.
 * after the app moved to a new server. The same steps as {@link installApp} without
 * `installFinish()` (the app is installed already; the SDK would refuse it anyway).
 *
 * @example
 * const result = await repairInstall(b24, { onProgress: setSteps });
 * setState(await readInstallState(b24));
 */
export function repairInstall(
  b24: B24Frame,
  options: InstallAppOptions = {},
): Promise<InstallResult> {
  return installWithClient(createInstallClient(b24), {
    handler: options.handler ?? installHandlerUrl(window.location),
    finish: false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
