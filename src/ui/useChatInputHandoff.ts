import { useCallback, useEffect, useRef } from 'react';
import type { PortalPort } from '../core/ports.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

export interface ChatInputHandoff {
  /**
   * Call when files went out with `text` as their message. If that text is what the chat input
   * held, the chat input is emptied once a file carrying it is delivered (not before: a file
   * that fails keeps the user's text where they typed it).
   */
  readonly sent: (text: string) => void;
}

/**
 * IM_TEXTAREA: the text the user already typed in the chat's input becomes the files' message
 * (`prefill` is called with it once), and once a file carrying it lands the chat input is
 * emptied, so the text is not posted twice. Other placements have no chat input: nothing happens.
 */
export function useChatInputHandoff(
  portal: Pick<PortalPort, 'getChatInputText' | 'clearChatInputText'>,
  placement: string,
  queue: UploadQueueLike,
  prefill: (text: string) => void,
): ChatInputHandoff {
  /** The chat input's text as read, until it is sent. */
  const typed = useRef<string | undefined>(undefined);
  /** The chat input's text we sent: cleared in the chat once a file carrying it lands. */
  const inFlight = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (placement !== 'IM_TEXTAREA') return;
    let live = true;
    portal.getChatInputText().then(
      (text) => {
        if (!live || !text) return;
        typed.current = text;
        prefill(text);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [portal, placement, prefill]);

  useEffect(
    () =>
      queue.events.on('upload-succeeded', ({ item }) => {
        const text = inFlight.current;
        if (text === undefined || item.message !== text) return;
        inFlight.current = undefined;
        portal.clearChatInputText().catch(() => undefined);
      }),
    [queue, portal],
  );

  const sent = useCallback((text: string) => {
    if (typed.current === undefined || text !== typed.current) return;
    inFlight.current = text;
    typed.current = undefined;
  }, []);
  return { sent };
}
