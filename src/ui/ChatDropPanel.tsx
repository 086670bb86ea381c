import { useCallback, useEffect, useRef, useState } from 'react';
import { useDropzone, type DropEvent, type FileRejection } from 'react-dropzone';
import { Toaster } from 'sonner';
import type { LedgerStorage, PortalPort } from '../core/ports.ts';
import type { ChatInfo, LedgerEntry, UploadItem } from '../core/types.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import { BatchBar } from './BatchBar.tsx';
import { ChatHeader } from './ChatHeader.tsx';
import { ChatPicker } from './ChatPicker.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { MessageField } from './MessageField.tsx';
import { sameSummary, summarizeItems } from './summarizeItems.ts';
import { UploadList } from './UploadList.tsx';
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

const selectItems = (state: QueueStateLike): readonly UploadItem[] => state.items;
const selectSummary = (state: QueueStateLike) => summarizeItems(state.items);

function fileKey(name: string, size: number, lastModified: number): string {
  return `${name}\u0000${size}\u0000${lastModified}`;
}

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
export function ChatDropPanel({ queue, portal, placement, dialogId, ledger }: ChatDropPanelProps) {
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
  const files = useRef(new Map<string, File>());
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

  const addFiles = useCallback(
    (picked: readonly File[]) => {
      if (picked.length === 0) return;
      if (!targetDialogId) {
        setNotice('pickChatFirst');
        return;
      }
      for (const file of picked)
        files.current.set(fileKey(file.name, file.size, file.lastModified), file);
      const text = message.trim() === '' ? undefined : message;
      queue.addFiles(
        picked,
        text === undefined
          ? { dialogId: targetDialogId }
          : { dialogId: targetDialogId, message: text },
      );
      if (text !== undefined && prefill.current !== undefined && text === prefill.current) {
        sentInputText.current = text;
        prefill.current = undefined;
      }
      setMessage('');
      setNotice(undefined);
    },
    [queue, targetDialogId, message],
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
      setNotice(targetDialogId ? 'dropNoFiles' : 'pickChatFirst');
    }
  };

  const fileFor = useCallback(
    (item: UploadItem) => files.current.get(fileKey(item.name, item.size, item.lastModified)),
    [],
  );
  const onOpen = useCallback(
    (item: UploadItem) => {
      if (item.receipt)
        void portal
          .openMessage(item.receipt.dialogId, item.receipt.messageId)
          .catch(() => undefined);
    },
    [portal],
  );
  const onCheckChat = useCallback(
    (item: UploadItem) => void portal.openMessage(item.dialogId, 0).catch(() => undefined),
    [portal],
  );
  const onCancel = useCallback((id: string) => queue.cancel(id), [queue]);
  const onRetry = useCallback((id: string) => queue.retry(id), [queue]);
  const onRemove = useCallback((id: string) => queue.remove(id), [queue]);

  const headerChat = dialogId !== undefined ? chat : picked;
  const showPicker = dialogId === undefined && (picking || !picked);

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
      {targetDialogId && !showPicker && (
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
      />
      {isDragActive && (
        <div className="cd-overlay" aria-hidden="true">
          <span>
            {targetDialogId && !showPicker
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
      <Toaster
        position="top-center"
        closeButton
        richColors
        theme="system"
        containerAriaLabel={translator.t('appTitle')}
      />
    </section>
  );
}
