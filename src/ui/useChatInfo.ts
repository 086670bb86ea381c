import { useEffect, useState } from 'react';
import type { PortalPort } from '../core/ports.ts';
import type { ChatInfo } from '../core/types.ts';

export interface ChatInfoState {
  /** The chat once the portal answered; undefined while loading or after a failure. */
  readonly chat: ChatInfo | undefined;
  /** True when the portal could not tell which chat this is (the header says so). */
  readonly failed: boolean;
}

/** The chat shown in the header, read once per `dialogId`; nothing is read without one. */
export function useChatInfo(portal: Pick<PortalPort, 'getChat'>, dialogId: string | undefined) {
  const [state, setState] = useState<ChatInfoState>({ chat: undefined, failed: false });
  useEffect(() => {
    if (dialogId === undefined) return;
    let live = true;
    portal.getChat(dialogId).then(
      (chat) => live && setState({ chat, failed: false }),
      () => live && setState({ chat: undefined, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [portal, dialogId]);
  return state;
}
