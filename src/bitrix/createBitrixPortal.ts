import type { B24Frame } from '@bitrix24/b24jssdk';
import type { PortalPort } from '../core/ports.ts';
import type { ChatInfo } from '../core/types.ts';
import { callRest } from './callRest.ts';

export interface BitrixPortalOptions {
  /** How long the recent-chats list is reused while the user types a search. Default 15 s. */
  readonly recentCacheMs?: number;
  readonly now?: () => number;
}

interface DialogGetResult {
  readonly name?: unknown;
  readonly avatar?: unknown;
  readonly color?: unknown;
  readonly dialog_id?: unknown;
}

interface RecentItem {
  readonly id?: unknown;
  readonly type?: unknown;
  readonly title?: unknown;
  readonly avatar?: { readonly url?: unknown; readonly color?: unknown };
}

interface TextareaReply {
  readonly text?: unknown;
  readonly isSafely?: unknown;
}

/** Messenger bridge commands (portal reference §2.7); answered by the messenger page, not app-layout. */
const GET_TEXTAREA = 'im:getImTextareaContent';
const SET_TEXTAREA = 'im:setImTextareaContent';

function kindOf(dialogId: string): ChatInfo['kind'] {
  if (/^chat\d+$/.test(dialogId)) return 'chat';
  if (/^\d+$/.test(dialogId)) return 'user';
  return 'other';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function requestId(): string {
  return `chatdrop-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
}

/**
 * The portal calls the UI needs besides uploading, over the SDK: chat info (`im.dialog.get`),
 * the chat picker (`im.recent.list`, filtered here by title), the messenger's input text
 * (`im:getImTextareaContent` / `im:setImTextareaContent`, messenger placements only) and opening a
 * message (`imOpenMessenger`). REST failures throw {@link BitrixCallError}; the textarea bridge
 * never throws (undefined / no-op when unavailable).
 */
export function createBitrixPortal(b24: B24Frame, options: BitrixPortalOptions = {}): PortalPort {
  const recentCacheMs = options.recentCacheMs ?? 15_000;
  const now = options.now ?? Date.now;
  let recent: { at: number; list: Promise<readonly ChatInfo[]> } | undefined;

  /** Avatar paths may be portal-relative (`/upload/...`); the frame is on another origin. */
  const absolute = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    try {
      const resolved = new URL(url, b24.getTargetOrigin());
      return resolved.protocol === 'https:' || resolved.protocol === 'http:'
        ? resolved.href
        : undefined;
    } catch {
      return undefined;
    }
  };

  const inMessenger = (): boolean => b24.placement.placement.startsWith('IM_');

  async function loadRecent(): Promise<readonly ChatInfo[]> {
    const { result } = await callRest<{ items?: readonly RecentItem[] }>(b24, 'im.recent.list', {
      SKIP_OPENLINES: 'Y',
      LIMIT: 50,
    });
    const list: ChatInfo[] = [];
    for (const item of result.items ?? []) {
      if (typeof item.id !== 'string' && typeof item.id !== 'number') continue;
      const dialogId = String(item.id);
      list.push({
        dialogId,
        name: text(item.title) ?? dialogId,
        avatarUrl: absolute(text(item.avatar?.url)),
        color: text(item.avatar?.color),
        kind: item.type === 'chat' ? 'chat' : item.type === 'user' ? 'user' : kindOf(dialogId),
      });
    }
    return list;
  }

  return {
    async getChat(dialogId) {
      const { result } = await callRest<DialogGetResult>(b24, 'im.dialog.get', {
        DIALOG_ID: dialogId,
      });
      return {
        dialogId,
        name: text(result.name) ?? dialogId,
        avatarUrl: absolute(text(result.avatar)),
        color: text(result.color),
        kind: kindOf(dialogId),
      };
    },

    async listRecentChats(search) {
      if (!recent || now() - recent.at > recentCacheMs) {
        const list = loadRecent();
        recent = { at: now(), list };
        list.catch(() => {
          if (recent?.list === list) recent = undefined;
        });
      }
      const all = await recent.list;
      const needle = search.trim().toLocaleLowerCase();
      return needle === ''
        ? all
        : all.filter((chat) => chat.name.toLocaleLowerCase().includes(needle));
    },

    async getChatInputText() {
      if (!inMessenger()) return undefined;
      try {
        const reply = (await b24.parent.message.send(GET_TEXTAREA, {
          isSafely: true,
          safelyTime: 1500,
          requestId: requestId(),
        })) as TextareaReply | undefined;
        // {isSafely:true} = no answer in time; {message} = no open dialog (portal reference §2.7).
        return typeof reply?.text === 'string' ? reply.text : undefined;
      } catch {
        return undefined;
      }
    },

    async clearChatInputText() {
      if (!inMessenger()) return;
      try {
        await b24.parent.message.send(SET_TEXTAREA, {
          text: '',
          replace: true,
          withNewLine: false,
          isSafely: true,
          safelyTime: 1500,
          requestId: requestId(),
        });
      } catch {
        // The input is the user's; failing to clear it is not worth an error.
      }
    },

    async openMessage(dialogId, messageId) {
      // Fire-and-forget on the portal side (parent.ts imOpenMessenger): resolves on its timer.
      await b24.parent.imOpenMessenger(dialogId as `chat${number}`, messageId);
    },
  };
}
