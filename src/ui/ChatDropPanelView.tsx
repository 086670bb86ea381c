import { useCallback, useState, type ComponentType } from 'react';
import { useDropzone, type DropEvent, type FileRejection } from 'react-dropzone';
import type { LedgerStorage, PortalPort } from '../core/ports.ts';
import type { ChatInfo, LedgerEntry, UploadItem } from '../core/types.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import type { AlreadySentPromptProps } from './AlreadySentPrompt.tsx';
import { createLazyPart } from './createLazyPart.tsx';
import { BatchBar } from './BatchBar.tsx';
import { carriesFiles } from './carriesFiles.ts';
import { isRowInView } from './isRowInView.ts';
import { ChatHeader } from './ChatHeader.tsx';
import type { ChatPickerProps } from './ChatPicker.tsx';
import type { LedgerPanelProps } from './LedgerPanel.tsx';
import { MessageField } from './MessageField.tsx';
import { openChat } from './openChat.ts';
import { LazyPanelToaster as PanelToaster } from './LazyPanelToaster.tsx';
import { QueueAnnouncer } from './QueueAnnouncer.tsx';
import type { UploadListProps } from './UploadList.tsx';
import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';
import { useChatInfo } from './useChatInfo.ts';
import { useChatInputHandoff } from './useChatInputHandoff.ts';
import { useDocumentPaste } from './useDocumentPaste.ts';
import { useEarlierSessions } from './useEarlierSessions.ts';
import { useQueueToasts } from './useQueueToasts.ts';
import { useSendFiles } from './useSendFiles.ts';
import { useTranslator } from './useTranslator.ts';
import { useUploadQueue } from './useUploadQueue.ts';

export interface ChatDropPanelProps {
  readonly queue: UploadQueueLike;
  readonly portal: PortalPort;
  /** `PLACEMENT` from the portal: `IM_TEXTAREA`, `IM_SIDEBAR`, `DEFAULT`, ... */
  readonly placement: string;
  /** The chat given by the placement; without it the user picks one first. */
  readonly dialogId?: string | undefined;
  /** Earlier sessions per chat (core's `Ledger` or a `LedgerStorage`). */
  readonly ledger?: Pick<LedgerStorage, 'load'> | undefined;
}

/**
 * The parts of the panel that not every start needs, given by the caller so that the widget can
 * load them as separate chunks (issue 7): the chat picker (DEFAULT placement only), the queue's
 * list (empty until something is dropped) and earlier sessions. LazyChatDropPanel.tsx loads them
 * on demand; the component tests' EagerChatDropPanel passes them all at hand.
 */
export interface PanelParts {
  readonly ChatPicker: ComponentType<ChatPickerProps>;
  readonly UploadList: ComponentType<UploadListProps>;
  readonly LedgerPanel: ComponentType<LedgerPanelProps>;
}

export interface ChatDropPanelViewProps extends ChatDropPanelProps {
  readonly parts: PanelParts;
}

// Asked only after a drop of a file already in the chat: its own chunk (startup JS budget).
const alreadySentPrompt = createLazyPart<AlreadySentPromptProps>(
  async () => (await import('./AlreadySentPrompt.tsx')).AlreadySentPrompt,
);
const AlreadySentPrompt = alreadySentPrompt.Component;

/** The ids of the rows, as one string: changes when rows come or go, not on progress ticks. */
const selectRowIds = (state: QueueStateLike): string =>
  state.items.map((item) => item.id).join('\n');

/**
 * The whole widget: target chat, a drop zone over the entire panel (drop, paste, click or
 * Enter/Space to pick), the message, the queue with its batch bar, earlier sessions and toasts.
 * It reads only which rows exist from the queue; the list and the batch bar select their own
 * slices, so a progress tick does not re-render the header or the message field.
 */
export function ChatDropPanelView({
  queue,
  portal,
  placement,
  dialogId,
  ledger,
  parts,
}: ChatDropPanelViewProps) {
  const { ChatPicker, UploadList, LedgerPanel } = parts;
  const translator = useTranslator();
  const rowIds = useUploadQueue(queue, selectRowIds);

  const [picked, setPicked] = useState<ChatInfo | undefined>(undefined);
  const [picking, setPicking] = useState(dialogId === undefined);
  const targetDialogId = dialogId ?? picked?.dialogId;
  const { chat, failed: chatFailed } = useChatInfo(portal, dialogId);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const earlier = useEarlierSessions(ledger, targetDialogId);
  const prefill = useCallback((text: string) => setMessage((current) => current || text), []);
  const handoff = useChatInputHandoff(portal, placement, queue, prefill);
  const retry = useCallback((id: string) => queue.retry(id), [queue]);

  const headerChat = dialogId !== undefined ? chat : picked;
  // After "Change chat" the picker is open again while the old chat is still `targetDialogId`.
  const showPicker = dialogId === undefined && (picking || !picked);
  const ready = targetDialogId !== undefined && targetDialogId !== '' && !showPicker;

  const send = useSendFiles({
    queue,
    ledger,
    handoff,
    dialogId: ready ? targetDialogId : undefined,
    message,
    setMessage,
    setNotice,
  });
  const { addFiles } = send;

  const onDrop = useCallback(
    (accepted: File[], rejected: FileRejection[], event: DropEvent) => {
      const all = [...accepted, ...rejected.map((rejection) => rejection.file)];
      if (all.length === 0) {
        // Files were dragged but none could be read: a folder the browser cannot open, or empty.
        if ('dataTransfer' in event && event.dataTransfer) setNotice('dropFolderEmpty');
        return;
      }
      addFiles(all);
    },
    [addFiles],
  );

  const { getRootProps, getInputProps, isDragActive, open, rootRef } = useDropzone({
    onDrop,
    // A folder the browser could not read (permissions, a vanished entry): say so instead of
    // react-dropzone's default, a console error and nothing on screen.
    onError: () => setNotice('dropFolderEmpty'),
    noClick: true,
    noKeyboard: true,
    multiple: true,
    // Not `disabled` before a chat is picked: react-dropzone then marks the whole panel
    // aria-disabled, which makes the chat picker inside it read as disabled (and Playwright
    // refuses to type into it). A drop before the pick is explained by addFiles instead.
  });
  useDocumentPaste(addFiles, rootRef);
  const rowInView = useCallback((id: string) => isRowInView(rootRef.current, id), [rootRef]);
  useQueueToasts(queue, { translator, portal, retry, rowInView });

  const onDropAnything = (event: React.DragEvent<HTMLElement>): void => {
    if (!carriesFiles(event.dataTransfer)) {
      event.preventDefault();
      setNotice(ready ? 'dropNoFiles' : 'pickChatFirst');
    }
  };

  const fileFor = useCallback((item: UploadItem) => queue.fileFor(item.id), [queue]);
  const onOpen = useCallback(
    (item: UploadItem) => {
      if (item.receipt) openChat(portal, translator, item.receipt.dialogId, item.receipt.messageId);
    },
    [portal, translator],
  );
  const onCheckChat = useCallback(
    (item: UploadItem) => openChat(portal, translator, item.dialogId, 0),
    [portal, translator],
  );
  const onCheckLedgerChat = useCallback(
    (entry: LedgerEntry) => {
      if (targetDialogId) openChat(portal, translator, targetDialogId, entry.messageId ?? 0);
    },
    [portal, translator, targetDialogId],
  );
  const onCancel = useCallback((id: string) => queue.cancel(id), [queue]);
  const onRemove = useCallback((id: string) => queue.remove(id), [queue]);
  const inQueue = new Set(rowIds.split('\n'));
  const toaster = <PanelToaster label={translator.t('appTitle')} dir={translator.dir} />;

  return (
    // The page's main landmark: the widget is the whole page of its frame (axe landmark-one-main).
    <main
      {...getRootProps({
        className: `cd-panel${placement === 'IM_TEXTAREA' ? ' cd-panel--textarea' : ''}${isDragActive ? ' cd-panel--dragging' : ''}`,
        role: 'main',
        // Arabic mirrors the whole panel (logical CSS); names keep their own direction.
        dir: translator.dir,
        lang: translator.locale,
        'aria-label': translator.t('appTitle'),
        'data-testid': 'chat-drop',
        onDrop: onDropAnything,
      })}
    >
      <input
        {...getInputProps({ 'aria-label': translator.t('chooseFiles') })}
        data-testid="file-input"
      />
      {showPicker ? (
        <ChatPicker
          portal={portal}
          onPick={(chosen) => {
            setPicked(chosen);
            setPicking(false);
            setNotice(undefined);
          }}
        />
      ) : (
        <ChatHeader
          chat={headerChat}
          failed={chatFailed}
          onChangeChat={dialogId === undefined ? () => setPicking(true) : undefined}
        />
      )}
      {ready && (
        <>
          <div className="cd-drop-area">
            <button type="button" className="cd-dropzone" onClick={open} data-testid="dropzone">
              <span className="cd-dropzone__icon" aria-hidden="true" />
              <span className="cd-dropzone__title">{translator.t('dropHere')}</span>
              <span className="cd-dropzone__hint">{translator.t('dropHint')}</span>
            </button>
            {/* Over the drop zone (toasts.css): the top of the frame is what the portal's panel
                shows, wherever the list ends; no row moves when a toast comes or goes, and no
                row's control is covered. */}
            {toaster}
          </div>
          <MessageField value={message} onChange={setMessage} />
        </>
      )}
      {notice && (
        <p className="cd-notice" role="alert" data-testid="notice">
          {translator.t(notice)}
        </p>
      )}
      {send.held && (
        <AlreadySentPrompt
          matches={send.held.matches}
          chatName={headerChat?.name ?? send.held.dialogId}
          now={send.held.at}
          onSendAgain={send.sendAgain}
          onSkip={send.skip}
        />
      )}
      <BatchBar queue={queue} />
      <UploadList
        queue={queue}
        fileFor={fileFor}
        onCancel={onCancel}
        onRetry={retry}
        onRemove={onRemove}
        onOpen={onOpen}
        onCheckChat={onCheckChat}
        onPickAgain={open}
      />
      <LedgerPanel
        entries={earlier.filter((entry) => !inQueue.has(entry.id))}
        onAddAgain={() => open()}
        onCheckChat={onCheckLedgerChat}
      />
      {isDragActive && (
        <div className="cd-overlay" aria-hidden="true">
          <span>
            {ready
              ? translator.t('dropRelease', { chat: headerChat?.name ?? '' })
              : translator.t('pickChatFirst')}
          </span>
        </div>
      )}
      <QueueAnnouncer queue={queue} translator={translator} />
      {/* No drop zone while a chat is picked: the toasts then take their room at the end. */}
      {!ready && toaster}
    </main>
  );
}
