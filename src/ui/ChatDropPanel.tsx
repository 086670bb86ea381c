import {
  ChatDropPanelView,
  type ChatDropPanelProps,
  type PanelParts,
} from './ChatDropPanelView.tsx';
import { ChatPicker } from './ChatPicker.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { UploadList } from './UploadList.tsx';

export type { ChatDropPanelProps } from './ChatDropPanelView.tsx';

const PARTS: PanelParts = { ChatPicker, UploadList, LedgerPanel };

/**
 * The whole widget with every part at hand (one chunk). The widget's startup renders
 * LazyChatDropPanel instead, which loads these parts on demand; the behaviour is the same.
 */
export function ChatDropPanel(props: ChatDropPanelProps) {
  return <ChatDropPanelView {...props} parts={PARTS} />;
}
