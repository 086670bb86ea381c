import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useDropzone, type DropEvent, type FileRejection } from 'react-dropzone';
import { Toaster } from 'sonner';
import type { LedgerStorage, PortalPort } from '../core/ports.ts';
import type { ChatInfo, LedgerEntry, UploadItem } from '../core/types.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import { BatchBar } from './BatchBar.tsx';
import { ChatHeader } from './ChatHeader.tsx';
import type { ChatPickerProps } from './ChatPicker.tsx';
import { createFileIndex } from './createFileIndex.ts';
import type { LedgerPanelProps } from './LedgerPanel.tsx';
import { MessageField } from './MessageField.tsx';
import { openChat } from './openChat.ts';
import { sameSummary, summarizeItems } from './summarizeItems.ts';
import type { UploadListProps } from './UploadList.tsx';
import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';
import { useQueueAnnouncements } from './useQueueAnnouncements.ts';
import { useTranslator } from './useTranslator.ts';
import { useUploadQueue } from './useUploadQueue.ts';
import { watchQueueToasts } from './watchQueueToasts.ts';

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
 * list (empty until something is dropped) and earlier sessions. ChatDropPanel.tsx passes them
 * all at hand; LazyChatDropPanel.tsx loads them on demand.
 */
export interface PanelParts {
  readonly ChatPicker: ComponentType<ChatPickerProps>;
  readonly UploadList: ComponentType<UploadListProps>;
  readonly LedgerPanel: ComponentType<LedgerPanelProps>;
}

export interface ChatDropPanelViewProps extends ChatDropPanelProps {
  readonly parts: PanelParts;
}

const selectItems = (state: QueueStateLike): readonly UploadItem[] => state.items;
const selectSummary = (state: QueueStateLike) => summarizeItems(state.items);

/** True when a drag or paste carries files (not only a link or text). */
function carriesFiles(data: DataTransfer | null | undefined): boolean {
  if (!data) return false;
  const types = Array.from(data.types ?? []);
  if (types.includes('Files') || types.includes('application/x-moz-file')) return true;
  return Array.from(data.items ?? []).some((item) => item.kind === 'file');
}

/**
 * The whole widget: target chat, a drop zone over the entire panel (drop, paste, click or
 * Enter/Space to pick), the message, the queue with its batch bar, earlier sessions and toasts.
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
  const items = useUploadQueue(queue, selectItems);
  const summary = useUploadQueue(queue, selectSummary, sameSummary);
  const announcement = useQueueAnnouncements(queue, translator);

  const [picked, setPicked] = useState<ChatInfo | undefined>(undefined);
  const [picking, setPicking] = useState(dialogId === undefined);
  const targetDialogId = dialogId ?? picked?.dialogId;
  const [chat, setChat] = useState<ChatInfo | undefined>(undefined);
  const [chatFailed, setChatFailed] = useState(false);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const [earlier, setEarlier] = useState<readonly LedgerEntry[]>([]);
  // The thumbnails' files by queue item id (see createFileIndex).
  const [files] = useState(createFileIndex);
  /** The chat input's text we copied and sent: cleared in the chat once a file carrying it lands. */
  const sentInputText = useRef<string | undefined>(undefined);
  const prefill = useRef<string | undefined>(undefined);

  // The chat shown in the header.
  useEffect(() => {
    if (dialogId === undefined) return;
    let live = true;
    portal.getChat(dialogId).then(
      (info) => live && setChat(info),
      () => live && setChatFailed(true),
    );
    return () => {
      live = false;
    };
  }, [portal, dialogId]);

  // IM_TEXTAREA: the text the user already typed in the chat becomes the files' message.
  useEffect(() => {
    if (placement !== 'IM_TEXTAREA') return;
    let live = true;
    portal.getChatInputText().then(
      (text) => {
        if (!live || !text) return;
        prefill.current = text;
        setMessage((current) => current || text);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [portal, placement]);

  // Earlier sessions in this chat.
  useEffect(() => {
    if (!ledger || !targetDialogId) return;
    let live = true;
    // Loaded before this session adds anything, so these are earlier sessions' files.
    ledger.load(targetDialogId).then(
      (entries) => live && setEarlier(entries),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ledger, targetDialogId]);

  // Toasts follow the queue, also outside React's render.
  useEffect(
    () => watchQueueToasts(queue, { translator, portal, retry: (id) => queue.retry(id) }),
    [queue, translator, portal],
  );

  // A row removed or cleared takes its file with it. Every item of this queue was added here and
  // remembered, so more files than rows means some row went; checking that first keeps progress
  // ticks of a 500-file queue from building a set of ids on every update.
  useEffect(
    () =>
      queue.store.subscribe(() => {
        const items = queue.store.getState().items;
        if (files.size > items.length) files.keepOnly(items);
      }),
    [queue, files],
  );

  // Once a file that carried the chat input's text is delivered, empty the chat input.
  useEffect(
    () =>
      queue.store.subscribe(() => {
        const text = sentInputText.current;
        if (text === undefined) return;
        const landed = queue.store
          .getState()
          .items.some((item) => item.phase === 'delivered' && item.message === text);
        if (!landed) return;
        sentInputText.current = undefined;
        portal.clearChatInputText().catch(() => undefined);
      }),
    [queue, portal],
  );

  const headerChat = dialogId !== undefined ? chat : picked;
  // After "Change chat" the picker is open again while the old chat is still `targetDialogId`.
  const showPicker = dialogId === undefined && (picking || !picked);
  const ready = targetDialogId !== undefined && targetDialogId !== '' && !showPicker;

  const addFiles = useCallback(
    (picked: readonly File[]) => {
      if (picked.length === 0) return;
      // While the picker is shown the overlay says "Choose a chat first": a drop or paste must
      // not go to the chat the user is just leaving.
      if (!ready || !targetDialogId) {
        setNotice('pickChatFirst');
        return;
      }
      const text = message.trim() === '' ? undefined : message;
      const added = queue.addFiles(
        picked,
        text === undefined
          ? { dialogId: targetDialogId }
          : { dialogId: targetDialogId, message: text },
      );
      files.remember(added, picked);
      setNotice(undefined);
      // The text went out only with an accepted file (the engine attaches it to the first one);
      // when every file was refused (too large, empty name...) the typed message stays.
      if (!added.some((item) => item.phase !== 'failed')) return;
      if (text !== undefined && prefill.current !== undefined && text === prefill.current) {
        sentInputText.current = text;
        prefill.current = undefined;
      }
      setMessage('');
    },
    [queue, targetDialogId, ready, message, files],
  );

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

  // A paste while nothing inside the panel has focus lands on <body>, outside the drop zone.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const target = event.target as Node | null;
      if (target && rootRef.current?.contains(target)) return;
      if (!carriesFiles(event.clipboardData)) return;
      const pasted = Array.from(event.clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      event.preventDefault();
      addFiles(pasted);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [addFiles, rootRef]);

  const onDropAnything = (event: React.DragEvent<HTMLElement>): void => {
    if (!carriesFiles(event.dataTransfer)) {
      event.preventDefault();
      setNotice(ready ? 'dropNoFiles' : 'pickChatFirst');
    }
  };

  const fileFor = useCallback((item: UploadItem) => files.fileFor(item.id), [files]);
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
  const onRetry = useCallback((id: string) => queue.retry(id), [queue]);
  const onRemove = useCallback((id: string) => queue.remove(id), [queue]);

  return (
    <section
      {...getRootProps({
        className: `cd-panel${isDragActive ? ' cd-panel--dragging' : ''}`,
        role: 'region',
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
          <button type="button" className="cd-dropzone" onClick={open} data-testid="dropzone">
            <span className="cd-dropzone__icon" aria-hidden="true" />
            <span className="cd-dropzone__title">{translator.t('dropHere')}</span>
            <span className="cd-dropzone__hint">{translator.t('dropHint')}</span>
          </button>
          <MessageField value={message} onChange={setMessage} />
        </>
      )}
      {notice && (
        <p className="cd-notice" role="alert" data-testid="notice">
          {translator.t(notice)}
        </p>
      )}
      <BatchBar
        summary={summary}
        onCancelAll={() => queue.cancelAll()}
        onClearFinished={() => queue.clearFinished()}
      />
      <UploadList
        items={items}
        fileFor={fileFor}
        onCancel={onCancel}
        onRetry={onRetry}
        onRemove={onRemove}
        onOpen={onOpen}
        onCheckChat={onCheckChat}
      />
      <LedgerPanel
        entries={earlier.filter((entry) => !items.some((item) => item.id === entry.id))}
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
      <div
        className="cd-visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
      >
        {announcement}
      </div>
      {/* At the bottom: at the top they would hide the header that names the target chat. */}
      <Toaster
        position="bottom-center"
        closeButton
        richColors
        theme="system"
        containerAriaLabel={translator.t('appTitle')}
      />
    </section>
  );
}
