import type { ChatDropPanelProps, PanelParts } from './ChatDropPanelView.tsx';
import { ChatDropPanelView } from './ChatDropPanelView.tsx';
import { createLazyPart } from './createLazyPart.tsx';

// Separate chunks (issue 7), none of them needed to show the drop zone:
// - the chat picker: only the DEFAULT placement picks a chat (the app preloads it there);
// - the queue's list (rows, thumbnails, the @tanstack/react-virtual virtualizer): it is empty
//   until something is dropped, and its chunk is fetched as soon as the panel is on screen;
// - earlier sessions: they come from a ledger read that takes longer than fetching their code.
const chatPicker = createLazyPart(async () => (await import('./ChatPicker.tsx')).ChatPicker);
const uploadList = createLazyPart(async () => (await import('./UploadList.tsx')).UploadList);
const ledgerPanel = createLazyPart(async () => (await import('./LedgerPanel.tsx')).LedgerPanel);

const PARTS: PanelParts = {
  ChatPicker: chatPicker.Component,
  UploadList: uploadList.Component,
  LedgerPanel: ledgerPanel.Component,
};

/**
 * Loads the chat picker; the app awaits it before showing a panel without a chat (DEFAULT), so
 * the picker is there on the first paint instead of popping in.
 */
export const preloadChatPicker = (): Promise<void> => chatPicker.preload();

/** ChatDropPanel for the widget's startup: the same panel, its optional parts loaded on demand. */
export function LazyChatDropPanel(props: ChatDropPanelProps) {
  return <ChatDropPanelView {...props} parts={PARTS} />;
}
