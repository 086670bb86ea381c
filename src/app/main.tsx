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
void startChatDrop().then(render);
