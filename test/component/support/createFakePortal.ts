import { vi } from 'vitest';
import type { PortalPort } from '../../../src/core/ports.ts';
import type { ChatInfo } from '../../../src/core/types.ts';

export const CHATS: readonly ChatInfo[] = [
  { dialogId: 'chat5', name: 'Marketing', avatarUrl: undefined, color: '#55d0e0', kind: 'chat' },
  { dialogId: 'chat9', name: 'Design', avatarUrl: undefined, color: '#ab7761', kind: 'chat' },
  { dialogId: '2', name: 'Anna Petrova', avatarUrl: undefined, color: '#df532d', kind: 'user' },
];

/** The portal as the UI sees it: chats from the emulator's seed, the chat input as a string. */
export function createFakePortal(options: { inputText?: string } = {}) {
  const state = { inputText: options.inputText };
  const portal = {
    getChat: vi.fn(async (dialogId: string): Promise<ChatInfo> => {
      const chat = CHATS.find((c) => c.dialogId === dialogId);
      if (!chat) throw new Error('CHAT_NOT_FOUND');
      return chat;
    }),
    listRecentChats: vi.fn(async (search: string) =>
      CHATS.filter((c) => c.name.toLowerCase().includes(search.toLowerCase())),
    ),
    getChatInputText: vi.fn(async () => state.inputText),
    clearChatInputText: vi.fn(async () => {
      state.inputText = '';
    }),
    openMessage: vi.fn(async (_dialogId: string, _messageId: number) => undefined),
  } satisfies PortalPort;
  return { portal, state };
}
