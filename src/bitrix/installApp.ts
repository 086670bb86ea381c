import type { B24Frame } from '@bitrix24/b24jssdk';
import { createInstallClient } from './createInstallClient.ts';
import { installHandlerUrl } from './installHandlerUrl.ts';
import { installWithClient } from './installWithClient.ts';
import type { InstallResult, InstallStep } from '../core/installTypes.ts';

export interface InstallAppOptions {
  /** Called with a snapshot of all steps whenever one changes (drive the install page with it). */
  readonly onProgress?: (steps: readonly InstallStep[]) => void;
  /** Override the bound address; default: this page's URL without the portal's query string. */
  readonly handler?: string;
}

/**
 * The install wizard's work, run when the portal opens the app with `INSTALL: true`
 * (`b24.isInstallMode`): binds `IM_SIDEBAR` and `IM_TEXTAREA` to this app's address, then calls
 * `installFinish()`, after which the portal reloads its page with `install_finished=Y`
 * (portal reference §1.6). Safe to run again: see {@link installWithClient}.
 *
 * @example
 * const b24 = await initializeB24Frame();
 * if (b24.isInstallMode) {
 *   const result = await installApp(b24, { onProgress: setSteps });
 *   if (!result.ok) showError(result.error);
 * }
 */
export function installApp(b24: B24Frame, options: InstallAppOptions = {}): Promise<InstallResult> {
  const client = createInstallClient(b24);
  return installWithClient(client, {
    handler: options.handler ?? installHandlerUrl(window.location),
    finish: client.isInstallMode,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
