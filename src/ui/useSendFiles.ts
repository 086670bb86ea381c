import { useCallback, useState } from 'react';
import type { LedgerStorage } from '../core/ports.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import type { AlreadySent } from './findAlreadySent.ts';
import type { ChatInputHandoff } from './useChatInputHandoff.ts';
import { useAlreadySentCheck } from './useAlreadySentCheck.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/** Files held back because they are already in the chat, waiting for the user's answer. */
export interface HeldFiles {
  readonly dialogId: string;
  readonly matches: readonly AlreadySent[];
  /** When the question was asked (for "5 minutes ago"). */
  readonly at: number;
}

export interface SendFilesOptions {
  readonly queue: UploadQueueLike;
  readonly ledger: Pick<LedgerStorage, 'load'> | undefined;
  readonly handoff: ChatInputHandoff;
  /** The chat files go to; undefined while none is picked. */
  readonly dialogId: string | undefined;
  readonly message: string;
  readonly setMessage: (text: string) => void;
  readonly setNotice: (notice: MessageKey | undefined) => void;
}

export interface SendFiles {
  /** Dropped, pasted or picked files: sent now, or held when some are already in the chat. */
  readonly addFiles: (files: readonly File[]) => void;
  readonly held: HeldFiles | undefined;
  readonly sendAgain: () => void;
  readonly skip: () => void;
}

/**
 * From a drop to the queue: refuses before a chat is picked, sends the typed message with the
 * files, and asks once ("already in this chat") before sending files that are. The files that
 * are new go at once; the ones already in the chat wait for Send again / Skip.
 */
export function useSendFiles(options: SendFilesOptions): SendFiles {
  const { queue, ledger, handoff, dialogId, message, setMessage, setNotice } = options;
  const check = useAlreadySentCheck(ledger, queue);
  const [held, setHeld] = useState<HeldFiles | undefined>(undefined);

  const send = useCallback(
    (target: string, picked: readonly File[]) => {
      if (picked.length === 0) return;
      const text = message.trim() === '' ? undefined : message;
      const added = queue.addFiles(
        picked,
        text === undefined ? { dialogId: target } : { dialogId: target, message: text },
      );
      setNotice(undefined);
      // The text went out only with an accepted file (the engine attaches it to the first one);
      // when every file was refused (too large, empty name...) the typed message stays.
      if (!added.some((item) => item.phase !== 'failed')) return;
      if (text !== undefined) handoff.sent(text);
      setMessage('');
    },
    [queue, handoff, message, setMessage, setNotice],
  );

  const addFiles = useCallback(
    (picked: readonly File[]) => {
      if (picked.length === 0) return;
      // While the picker is shown the overlay says "Choose a chat first": a drop or paste must
      // not go to the chat the user is just leaving.
      if (!dialogId) {
        setNotice('pickChatFirst');
        return;
      }
      void check(dialogId, picked).then((matches) => {
        const again = new Set(matches.map((match) => match.file));
        send(
          dialogId,
          picked.filter((file) => !again.has(file)),
        );
        if (matches.length === 0) return;
        // A second drop while the question is open joins it: one question for all.
        setHeld((open) => ({
          dialogId,
          matches: open && open.dialogId === dialogId ? [...open.matches, ...matches] : matches,
          at: Date.now(),
        }));
      });
    },
    [dialogId, check, send, setNotice],
  );

  const sendAgain = useCallback(() => {
    if (!held) return;
    setHeld(undefined);
    send(
      held.dialogId,
      held.matches.map((match) => match.file),
    );
  }, [held, send]);

  const skip = useCallback(() => setHeld(undefined), []);
  return { addFiles, held, sendAgain, skip };
}
