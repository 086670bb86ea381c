import { useMemo } from 'react';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { EagerChatDropPanel } from './EagerChatDropPanel.tsx';
import { InstallPage } from '../../../src/ui/InstallPage.tsx';
import { AppView, type AppParts } from '../../../src/app/AppView.tsx';
import type { Boot } from '../../../src/app/Boot.ts';

const PARTS: AppParts = { InstallPage, ChatDropPanel: EagerChatDropPanel };

/**
 * The widget's AppView with every page and language at hand (synchronous), for tests that render
 * it without waiting for chunks. The widget's startup (src/app/main.tsx) renders the same AppView
 * with the portal's language and its pages loaded as separate chunks (lazyAppParts.ts).
 */
export function EagerApp({ boot }: { readonly boot: Boot | undefined }) {
  const translator = useMemo(() => createTranslator(boot?.lang), [boot?.lang]);
  return <AppView boot={boot} translator={translator} parts={PARTS} />;
}
