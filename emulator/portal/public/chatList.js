// @ts-check
// The messenger's chat list: one link per chat the user can see, the open one marked.

import { el } from './portal-common.js';
import { avatar } from './messageView.js';
import { bbPlainText, parseBbCode } from './parseBbCode.js';

/**
 * @typedef {object} ListedChat
 * @property {string} dialogId `chatN` or the other user's id
 * @property {string} [name]
 * @property {string} [avatarColor]
 * @property {'chat'|'user'} [kind]
 * @property {string | { text?: string, files?: { name: string }[] }} [lastMessage]
 */

/**
 * @typedef {object} ChatListOptions
 * @property {string|null} activeDialogId
 * @property {(key: string) => string} t
 * @property {(key: string, count: number) => string} plural counted texts of the page's language
 * @property {(dialogId: string) => string} hrefOf the chat's messenger URL
 * @property {(dialogId: string) => void} onOpen a plain click (no modifier keys)
 */

/**
 * Renders `chats` into `container`, replacing what was there.
 * @param {HTMLElement} container
 * @param {ListedChat[]} chats
 * @param {ChatListOptions} options
 */
export function renderChatList(container, chats, options) {
  container.replaceChildren(
    ...chats.map((chat) => {
      const dialogId = String(chat.dialogId);
      const active = dialogId === options.activeDialogId;
      return el(
        'a',
        {
          className: active ? 'chat-item chat-item-active' : 'chat-item',
          'data-testid': 'chat-item',
          'data-dialog-id': dialogId,
          href: options.hrefOf(dialogId),
          'aria-current': active ? 'page' : undefined,
          /** @param {MouseEvent} event */
          onClick: (event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            options.onOpen(dialogId);
          },
        },
        [
          avatar(chat.name, chat.avatarColor, chat.kind ?? 'chat'),
          el('span', { className: 'chat-item-body' }, [
            el('span', { className: 'chat-item-name', text: chat.name ?? dialogId }),
            el('span', {
              className: 'chat-item-preview',
              text: previewOf(chat.lastMessage, options.plural),
            }),
          ]),
        ],
      );
    }),
  );
}

/**
 * The last message as one line of text.
 * @param {ListedChat['lastMessage']} lastMessage
 * @param {(key: string, count: number) => string} plural
 * @returns {string}
 */
function previewOf(lastMessage, plural) {
  if (!lastMessage) return '';
  if (typeof lastMessage === 'string') return bbPlainText(parseBbCode(lastMessage));
  const text =
    typeof lastMessage.text === 'string' ? bbPlainText(parseBbCode(lastMessage.text)) : '';
  if (text) return text;
  const files = Array.isArray(lastMessage.files) ? lastMessage.files : [];
  return files.length > 0
    ? `${plural('files', files.length)}: ${files.map((file) => file.name).join(', ')}`
    : '';
}
