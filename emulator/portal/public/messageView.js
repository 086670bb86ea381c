// @ts-check
// How the emulated messenger shows one message: author, text, file chips, time. Everything
// user-provided (names, texts, file names) is rendered as text, never as markup; BB codes of a
// text become DOM nodes (renderMessageText.js).

import { el, formatSize, formatTime } from './portal-common.js';
import { renderMessageText, safeHref } from './renderMessageText.js';

/**
 * @typedef {object} MessageView
 * @property {(key: string) => string} t translator of the page's language
 * @property {number} userId the viewer (own messages are drawn on the right)
 * @property {string} lang interface language (time format)
 */

/**
 * @typedef {object} ShownMessage
 * @property {number} id
 * @property {number} authorId 0 for system messages
 * @property {string} [authorName]
 * @property {string} text
 * @property {string} date
 * @property {ShownFile[]} [files]
 */

/**
 * @typedef {object} ShownFile
 * @property {number} id
 * @property {string} name the stored name
 * @property {number} size bytes
 * @property {string} urlDownload
 */

/**
 * Initials of a name for an avatar.
 * @param {unknown} name
 * @returns {string}
 */
export function initials(name) {
  const parts = String(name ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return parts
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/**
 * A round avatar with initials and the chat colour.
 * @param {unknown} name
 * @param {unknown} color `#rrggbb`; anything else is ignored
 * @param {string} kind `user` or `chat`
 * @returns {HTMLElement}
 */
export function avatar(name, color, kind) {
  const node = el('span', {
    className: kind === 'user' ? 'avatar avatar-user' : 'avatar',
    'aria-hidden': 'true',
    text: initials(name),
  });
  if (typeof color === 'string' && /^#[0-9a-f]{3,8}$/i.test(color)) {
    node.style.backgroundColor = color;
  }
  return node;
}

/**
 * One message of the dialog.
 * @param {ShownMessage} message
 * @param {MessageView} view
 * @returns {HTMLElement}
 */
export function renderMessage(message, view) {
  const { t } = view;
  const own = Number(message.authorId) === view.userId;
  const system = Number(message.authorId) === 0;
  const files = Array.isArray(message.files) ? message.files : [];
  const className = ['message', own ? 'message-own' : '', system ? 'message-system' : '']
    .filter(Boolean)
    .join(' ');
  return el(
    'div',
    {
      className,
      'data-testid': 'message',
      'data-message-id': String(message.id),
      'data-author-id': String(message.authorId),
    },
    [
      own || system ? null : avatar(message.authorName, undefined, 'user'),
      el('div', { className: 'message-bubble' }, [
        own || system
          ? null
          : el('div', { className: 'message-author', text: message.authorName ?? '' }),
        message.text ? renderMessageText(message.text) : null,
        ...files.map((file) => renderFile(file, t)),
        el('div', { className: 'message-time', text: formatTime(message.date, view.lang) }),
      ]),
    ],
  );
}

/**
 * @param {ShownFile} file
 * @param {(key: string) => string} t
 * @returns {HTMLElement}
 */
function renderFile(file, t) {
  const name = String(file.name ?? '');
  return el(
    'div',
    { className: 'message-file', 'data-testid': 'message-file', 'data-file-id': String(file.id) },
    [
      el('span', {
        className: 'message-file-icon',
        'aria-hidden': 'true',
        text: extensionOf(name),
      }),
      el('span', { className: 'message-file-body' }, [
        el('span', {
          className: 'message-file-name',
          'data-testid': 'message-file-name',
          text: name,
        }),
        el('span', {
          className: 'message-file-size',
          'data-testid': 'message-file-size',
          text: formatSize(file.size),
        }),
      ]),
      el('a', {
        className: 'message-file-download',
        href: safeHref(file.urlDownload),
        download: name || true,
        'aria-label': `${t('download')} ${name}`,
        text: t('download'),
      }),
    ],
  );
}

/**
 * @param {string} name
 * @returns {string}
 */
function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1, dot + 5) : '';
  return ext ? ext.toUpperCase() : 'FILE';
}

/**
 * Marks message `id` in `list` (an app's imOpenMessenger messageId) and scrolls to it once.
 * @param {HTMLElement} list
 * @param {number|null} id
 * @param {boolean} alreadyScrolled
 * @returns {boolean} true when it scrolled now
 */
export function highlightMessage(list, id, alreadyScrolled) {
  for (const node of list.querySelectorAll('[data-highlighted]')) {
    node.removeAttribute('data-highlighted');
    node.classList.remove('message-highlight');
  }
  if (id === null) return false;
  const target = list.querySelector(`[data-message-id="${id}"]`);
  if (!target) return false;
  target.setAttribute('data-highlighted', 'true');
  target.classList.add('message-highlight');
  if (alreadyScrolled) return false;
  target.scrollIntoView({ block: 'center' });
  return true;
}
