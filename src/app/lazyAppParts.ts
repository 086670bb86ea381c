import type { Translator } from '../i18n/createTranslatorFrom.ts';
import { loadTranslator } from '../i18n/loadTranslator.ts';
import { createLazyPart } from '../ui/createLazyPart.tsx';
import type { InstallPageProps } from '../ui/InstallPage.tsx';
import { LazyChatDropPanel, preloadChatPicker } from '../ui/LazyChatDropPanel.tsx';
import { preloadPanelToaster } from '../ui/LazyPanelToaster.tsx';
import type { AppParts } from './AppView.tsx';
import type { Boot } from './Boot.ts';
import { START_FAILED_CODE } from './startChatDrop.ts';

// The install page (with its own strings) is shown to admins only: installing, or
// the app's own page (DEFAULT). A chat's panel never needs it (issue 7).
const installPage = createLazyPart<InstallPageProps>(
  async () => (await import('../ui/InstallPage.tsx')).InstallPage,
);

/** The widget's parts as separate chunks; `prepareApp` loads those a page shows at once. */
export const LAZY_APP_PARTS: AppParts = {
  InstallPage: installPage.Component,
  ChatDropPanel: LazyChatDropPanel,
};

/**
 * Loads what the page for `boot` shows on its first paint: the portal's language and, where
 * shown, the install page and the chat picker, so nothing pops in after the loading page. When a
 * chunk cannot be fetched (network) the page becomes the start-failed page, which says to reload.
 */
export async function prepareApp(boot: Boot): Promise<{ boot: Boot; translator: Translator }> {
  const showsInstall = boot.kind === 'install' || (boot.kind === 'portal' && !!boot.manage);
  const showsPicker = boot.kind === 'portal' && boot.dialogId === undefined;
  const [translator, loaded] = await Promise.all([
    loadTranslator(boot.lang),
    Promise.all([
      showsInstall ? installPage.preload() : undefined,
      showsPicker ? preloadChatPicker() : undefined,
      // The toasts' Toaster is in the panel from its first paint, as when it was not a chunk (a
      // Toaster mounting later moves the focus). Without it the panel still works: no toasts.
      boot.kind === 'portal' ? preloadPanelToaster().catch(() => undefined) : undefined,
    ]).then(
      () => true,
      () => false,
    ),
  ]);
  if (loaded) return { boot, translator };
  console.error('[chat-drop] a part of the widget could not be loaded');
  if (boot.kind === 'portal') void boot.dispose();
  return { boot: { kind: 'failed', lang: boot.lang, code: START_FAILED_CODE }, translator };
}
