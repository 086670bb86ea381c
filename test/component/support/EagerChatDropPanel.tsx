import {
  ChatDropPanelView,
  type ChatDropPanelProps,
  type PanelParts,
} from '../../../src/ui/ChatDropPanelView.tsx';
import { ChatPicker } from '../../../src/ui/ChatPicker.tsx';
import { LedgerPanel } from '../../../src/ui/LedgerPanel.tsx';
import { UploadList } from '../../../src/ui/UploadList.tsx';

const PARTS: PanelParts = { ChatPicker, UploadList, LedgerPanel };

/**
 * The widget's ChatDropPanelView with every part at hand, for tests that render it without
 * waiting for chunks. The widget renders LazyChatDropPanel: the same view, parts loaded on demand.
 */
export function EagerChatDropPanel(props: ChatDropPanelProps) {
  return <ChatDropPanelView {...props} parts={PARTS} />;
}
