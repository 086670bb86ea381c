import {
  ChatDropPanelView,
  type ChatDropPanelProps,
  type PanelParts,
} from '../../../src/ui/ChatDropPanelView.tsx';
import { ChatPicker } from '../../../src/ui/ChatPicker.tsx';
import { LedgerPanel } from '../../../src/ui/LedgerPanel.tsx';
import { UploadList } from '../../../src/ui/UploadList.tsx';
import { preloadPanelToaster } from '../../../src/ui/LazyPanelToaster.tsx';

const PARTS: PanelParts = { ChatPicker, UploadList, LedgerPanel };

// The app loads the toasts' chunk before the panel's first paint (app/lazyAppParts.ts); so here.
await preloadPanelToaster();

/**
 * The widget's ChatDropPanelView with every part at hand, for tests that render it without
 * waiting for chunks. The widget renders LazyChatDropPanel: the same view, parts loaded on demand.
 */
export function EagerChatDropPanel(props: ChatDropPanelProps) {
  return <ChatDropPanelView {...props} parts={PARTS} />;
}
