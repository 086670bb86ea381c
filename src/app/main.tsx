import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { App } from './App.tsx';
import type { Boot } from './Boot.ts';
import { startChatDrop } from './startChatDrop.ts';

const container = document.getElementById('root');
if (!container) throw new Error('[chat-drop] index.html has no #root');
const root = createRoot(container);
const render = (boot: Boot | undefined): void =>
  root.render(
    <StrictMode>
      <App boot={boot} />
    </StrictMode>,
  );

render(undefined);
void startChatDrop().then((boot) => {
  render(boot);
  if (boot.kind !== 'portal') return;
  // The panel closes with the page: record what was still on its way so that reopening it shows
  // those files as not delivered (core's ledger). A page kept in the back/forward cache stays alive.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) void boot.dispose();
  });
});
