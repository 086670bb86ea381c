import { useMemo } from 'react';
import { createTranslator } from '../i18n/createTranslator.ts';
import { ChatDropPanel } from '../ui/ChatDropPanel.tsx';
import { InstallPage } from '../ui/InstallPage.tsx';
import { AppView, type AppParts } from './AppView.tsx';
import type { Boot } from './Boot.ts';

const PARTS: AppParts = { InstallPage, ChatDropPanel };

/**
 * The app with every page and language at hand (one chunk, synchronous). The widget's startup
 * (main.tsx) renders the same AppView with the portal's language and the pages it needs loaded
 * as separate chunks (lazyAppParts.ts).
 */
export function App({ boot }: { readonly boot: Boot | undefined }) {
  const translator = useMemo(() => createTranslator(boot?.lang), [boot?.lang]);
  return <AppView boot={boot} translator={translator} parts={PARTS} />;
}
