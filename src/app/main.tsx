import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTranslatorFrom, type Translator } from '../i18n/createTranslatorFrom.ts';
import { en } from '../i18n/en.ts';
import '../ui/styles.css';
import { AppView } from './AppView.tsx';
import type { Boot } from './Boot.ts';
import { LAZY_APP_PARTS, prepareApp } from './lazyAppParts.ts';
import { START_FAILED_CODE, startChatDrop } from './startChatDrop.ts';

const container = document.getElementById('root');
if (!container) throw new Error('[chat-drop] index.html has no #root');
const root = createRoot(container);
const render = (boot: Boot | undefined, translator: Translator): void =>
  root.render(
    <StrictMode>
      <AppView boot={boot} translator={translator} parts={LAZY_APP_PARTS} />
    </StrictMode>,
  );

// The loading page is English: the portal's language is known only once the frame has started.
render(undefined, createTranslatorFrom('en', en));
void startChatDrop()
  .then(prepareApp)
  .then(({ boot, translator }) => {
    render(boot, translator);
    if (boot.kind !== 'portal') return;
    // The panel closes with the page: record what was still on its way so that reopening it
    // shows those files as not delivered (core's ledger). A page kept in the back/forward cache
    // stays alive.
    window.addEventListener('pagehide', (event) => {
      if (!event.persisted) void boot.dispose();
    });
  })
  .catch((error: unknown) => {
    // startChatDrop and prepareApp never reject by contract; a render or a future change might.
    // Never leave the loading page up forever: show the start-failed page, which says to reload.
    console.error('[chat-drop] start failed:', error instanceof Error ? error.name : 'unknown');
    const lang = new URLSearchParams(window.location.search).get('LANG') ?? undefined;
    render({ kind: 'failed', lang, code: START_FAILED_CODE }, createTranslatorFrom('en', en));
  });
