import {
  createBitrixPortal,
  createBitrixTransport,
  createUserOptionLedgerStorage,
  startFrame,
} from '../bitrix/index.ts';
// The install flow's entry points (issue 5); not re-exported from bitrix/index.ts yet.
import { installApp } from '../bitrix/installApp.ts';
import { readInstallState } from '../bitrix/readInstallState.ts';
import { repairInstall } from '../bitrix/repairInstall.ts';
import { createUploadQueue } from '../core/index.ts';
import { createWorkerEncoder } from '../encode/index.ts';
import type { Boot } from './Boot.ts';

/** The code of a failure thrown while starting (an SDK or widget bug), not one startFrame named. */
export const START_FAILED_CODE = 'WIDGET_START_FAILED';

/**
 * The composition root: starts the portal frame and wires the SDK adapter (bitrix), the engine
 * (core) and the Worker encoder (encode) into what the UI needs. Never throws: a failure becomes
 * `{ kind: 'failed', code }`, which the UI explains by its code.
 */
export async function startChatDrop(): Promise<Boot> {
  const fallbackLang = new URLSearchParams(window.location.search).get('LANG') ?? undefined;
  try {
    const frame = await startFrame();
    if (frame.kind === 'outside')
      return { kind: 'outside', lang: fallbackLang ?? navigator.language };
    if (frame.kind === 'failed') {
      console.error('[chat-drop] the portal did not start the app:', frame.error.code);
      return { kind: 'failed', lang: fallbackLang, code: frame.error.code };
    }
    const { b24, context } = frame;
    if (context.install) {
      return {
        kind: 'install',
        lang: context.lang,
        install: {
          isAdmin: context.isAdmin,
          mode: 'install',
          install: (onProgress) => installApp(b24, { onProgress }),
        },
      };
    }
    const queue = createUploadQueue({
      transport: createBitrixTransport(b24),
      encoder: createWorkerEncoder(),
      ledger: createUserOptionLedgerStorage({ userOptions: context.userOptions }),
    });
    return {
      kind: 'portal',
      lang: context.lang,
      placement: context.placement,
      dialogId: context.dialogId,
      queue,
      portal: createBitrixPortal(b24),
      ledger: { load: (dialogId) => queue.loadHistory(dialogId) },
      fitFrame: (element) => frame.resizeToContent(element),
      dispose: async () => {
        await queue.dispose();
        frame.dispose();
      },
      // The app's own page (DEFAULT) shows admins where the widgets are bound, with Repair.
      manage:
        context.placement === 'DEFAULT' && context.isAdmin
          ? {
              isAdmin: true,
              mode: 'manage',
              readState: () => readInstallState(b24),
              repair: (onProgress) => repairInstall(b24, { onProgress }),
            }
          : undefined,
    };
  } catch (error) {
    console.error('[chat-drop] start failed:', error instanceof Error ? error.name : 'unknown');
    return { kind: 'failed', lang: fallbackLang, code: START_FAILED_CODE };
  }
}
