import {
  createBitrixPortal,
  createBitrixTransport,
  createUserOptionLedgerStorage,
  startFrame,
  type installApp,
  type readInstallState,
  type repairInstall,
} from '../bitrix/index.ts';
import { createUploadQueue } from '../core/index.ts';
import { createWorkerEncoder } from '../encode/index.ts';
import type { Boot } from './Boot.ts';
import { lazyInstallApp, lazyReadInstallState, lazyRepairInstall } from './lazyInstallDeps.ts';

/** The code of a failure thrown while starting (an SDK or widget bug), not one startFrame named. */
export const START_FAILED_CODE = 'WIDGET_START_FAILED';

/**
 * The outside world the composition root wires: the portal frame and the SDK adapters (bitrix)
 * and the Worker encoder (encode). Tests pass their own; the app passes {@link DEFAULT_DEPS}.
 */
export interface ChatDropDeps {
  readonly startFrame: typeof startFrame;
  readonly createTransport: typeof createBitrixTransport;
  readonly createPortal: typeof createBitrixPortal;
  readonly createLedgerStorage: typeof createUserOptionLedgerStorage;
  readonly createEncoder: typeof createWorkerEncoder;
  readonly installApp: typeof installApp;
  readonly readInstallState: typeof readInstallState;
  readonly repairInstall: typeof repairInstall;
}

export const DEFAULT_DEPS: ChatDropDeps = {
  startFrame,
  createTransport: createBitrixTransport,
  createPortal: createBitrixPortal,
  createLedgerStorage: createUserOptionLedgerStorage,
  createEncoder: createWorkerEncoder,
  installApp: lazyInstallApp,
  readInstallState: lazyReadInstallState,
  repairInstall: lazyRepairInstall,
};

/**
 * The composition root: starts the portal frame and wires the SDK adapters (bitrix), the engine
 * (core) and the Worker encoder (encode) into what the UI needs. Never throws: a failure becomes
 * `{ kind: 'failed', code }`, which the UI explains by its code. The portal page's `dispose`
 * releases everything this created: the queue (which writes the ledger), the encoder's Workers,
 * the transport's SDK interceptor and the frame.
 */
export async function startChatDrop(deps: ChatDropDeps = DEFAULT_DEPS): Promise<Boot> {
  const fallbackLang = new URLSearchParams(window.location.search).get('LANG') ?? undefined;
  try {
    const frame = await deps.startFrame();
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
          install: (onProgress) => deps.installApp(b24, { onProgress }),
        },
      };
    }
    const transport = deps.createTransport(b24);
    const encoder = deps.createEncoder();
    const queue = createUploadQueue({
      transport,
      encoder,
      ledger: deps.createLedgerStorage({ userOptions: context.userOptions }),
    });
    let disposed: Promise<void> | undefined;
    return {
      kind: 'portal',
      lang: context.lang,
      placement: context.placement,
      dialogId: context.dialogId,
      queue,
      portal: deps.createPortal(b24),
      ledger: { load: (dialogId) => queue.loadHistory(dialogId) },
      fitFrame: (element) => frame.resizeToContent(element),
      dispose: () =>
        (disposed ??= (async () => {
          // The queue first: it aborts what is in flight and writes the ledger through the frame.
          await queue.dispose();
          encoder.dispose();
          transport.dispose();
          frame.dispose();
        })()),
      // The app's own page (DEFAULT) shows admins where the widgets are bound, with Repair.
      manage:
        context.placement === 'DEFAULT' && context.isAdmin
          ? {
              isAdmin: true,
              mode: 'manage',
              readState: () => deps.readInstallState(b24),
              repair: (onProgress) => deps.repairInstall(b24, { onProgress }),
            }
          : undefined,
    };
  } catch (error) {
    console.error('[chat-drop] start failed:', error instanceof Error ? error.name : 'unknown');
    return { kind: 'failed', lang: fallbackLang, code: START_FAILED_CODE };
  }
}
