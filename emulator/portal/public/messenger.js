// @ts-check
/* global window, document, location, history, setInterval, setTimeout, clearTimeout, URLSearchParams */
// The emulated Bitrix24 messenger (/online/): chat list, the open dialog, the message input and
// the two app placements of the chat (IM_SIDEBAR, IM_TEXTAREA). Portal reference §1.7.
//
// Everything user-provided (chat names, message text, file names) is rendered with textContent.

import {
  el,
  errorText,
  getJson,
  localeOf,
  pluralizer,
  postJson,
  readBootstrap,
  renderPortalHeader,
  translator,
} from './portal-common.js';
import { renderChatList } from './chatList.js';
import { highlightMessage, initials, renderMessage } from './messageView.js';
import { createPlacementPanels } from './placementPanels.js';
import { installTextareaBridge } from './textarea-bridge.js';

const POLL_MS = 1000;

const boot = readBootstrap();
const t = translator(boot.lang);
const plural = pluralizer(boot.lang);
/** What the message view needs to know about the page. */
const view = { t, userId: boot.userId, lang: boot.lang };
document.documentElement.lang = localeOf(boot.lang);

const state = {
  /** @type {string|null} */
  dialogId: new URLSearchParams(location.search).get('IM_DIALOG') ?? boot.dialogId,
  /** @type {import('./chatList.js').ListedChat[]} */
  chats: [],
  chatsKey: '',
  messagesKey: '',
  /** @type {Map<string, string>} per-chat input content, kept in memory like the real client */
  drafts: new Map(),
  /** @type {number|null} */
  highlightId: parseMessageId(new URLSearchParams(location.search).get('IM_MESSAGE')),
  highlightScrolled: false,
  loadingMessages: false,
  loadingChats: false,
};

// ---- layout ---------------------------------------------------------------------------------

const chatList = el('nav', {
  className: 'chat-list',
  'data-testid': 'chat-list',
  'aria-label': t('chats'),
});
const dialogTitle = el('h1', { className: 'dialog-title', 'data-testid': 'dialog-title' });
const dialogSubtitle = el('div', { className: 'dialog-subtitle' });
const dialogAvatar = el('div', { className: 'avatar dialog-avatar', 'aria-hidden': 'true' });
const openSidebarButton = el('button', {
  type: 'button',
  className: 'portal-button',
  'data-testid': 'open-im-sidebar',
  text: t('openSidebar'),
  onClick: () => void panels.open('IM_SIDEBAR'),
});
const openTextareaButton = el('button', {
  type: 'button',
  className: 'portal-button',
  'data-testid': 'open-im-textarea',
  text: t('openTextarea'),
  onClick: () => void panels.open('IM_TEXTAREA'),
});
const notice = el('div', {
  className: 'portal-notice',
  'data-testid': 'portal-notice',
  hidden: true,
});
const messageList = el('div', {
  className: 'message-list',
  'data-testid': 'message-list',
  role: 'log',
  'aria-live': 'polite',
});
const textareaSlot = el('div', { className: 'textarea-panel-slot' });
const input = /** @type {HTMLTextAreaElement} */ (
  el('textarea', {
    className: 'chat-input',
    'data-testid': 'chat-input',
    rows: '2',
    placeholder: t('inputPlaceholder'),
    'aria-label': t('inputPlaceholder'),
  })
);
const sendButton = el('button', {
  type: 'button',
  className: 'portal-button portal-button-primary',
  'data-testid': 'chat-send',
  text: t('send'),
  onClick: () => void sendMessage(),
});
const sidebarSlot = el('div', { className: 'sidebar-panel-slot' });

const dialog = el('main', { className: 'dialog' }, [
  el('div', { className: 'dialog-header', 'data-testid': 'dialog-header' }, [
    dialogAvatar,
    el('div', { className: 'dialog-heading' }, [dialogTitle, dialogSubtitle]),
    el('div', { className: 'dialog-actions' }, [openTextareaButton, openSidebarButton]),
  ]),
  notice,
  messageList,
  textareaSlot,
  el('div', { className: 'chat-composer' }, [input, sendButton]),
]);

document
  .getElementById('portal-root')
  ?.replaceChildren(
    renderPortalHeader(boot, t('messenger')),
    el('div', { className: 'messenger' }, [
      el('aside', { className: 'messenger-recent' }, [
        el('div', { className: 'messenger-recent-title', text: t('chats') }),
        chatList,
      ]),
      dialog,
      sidebarSlot,
    ]),
  );

input.addEventListener('input', () => {
  if (state.dialogId) state.drafts.set(state.dialogId, input.value);
});
input.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter starts a new line — as in the Bitrix24 chat.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void sendMessage();
  }
});
window.addEventListener('popstate', () => {
  const query = new URLSearchParams(location.search);
  openDialog(query.get('IM_DIALOG'), {
    messageId: parseMessageId(query.get('IM_MESSAGE')),
    push: false,
  });
});

installTextareaBridge({
  getDialogId: () => state.dialogId,
  getText: () => input.value,
  setText: (text) => {
    input.value = text;
    if (state.dialogId) state.drafts.set(state.dialogId, text);
  },
});

// ---- chats ----------------------------------------------------------------------------------

/**
 * @param {string|null} dialogId
 * @param {number|null} [messageId]
 * @returns {string}
 */
function dialogUrl(dialogId, messageId = null) {
  const query = new URLSearchParams();
  if (dialogId) query.set('IM_DIALOG', dialogId);
  if (messageId !== null) query.set('IM_MESSAGE', String(messageId));
  query.set('user', String(boot.userId));
  query.set('lang', boot.lang);
  return `/online/?${query}`;
}

async function loadChats() {
  if (state.loadingChats) return;
  state.loadingChats = true;
  try {
    const answer = await getJson(`/_emulator/ui/chats?user=${encodeURIComponent(boot.userId)}`);
    if (!answer.ok || !Array.isArray(answer.body)) {
      if (answer.status === 0) showNotice(t('portalUnreachable'));
      return;
    }
    const key = JSON.stringify(answer.body);
    if (key === state.chatsKey) return;
    state.chatsKey = key;
    state.chats = answer.body;
    renderChats();
    renderDialogHeader();
  } finally {
    state.loadingChats = false;
  }
}

function renderChats() {
  renderChatList(chatList, state.chats, {
    activeDialogId: state.dialogId,
    t,
    plural,
    hrefOf: (dialogId) => dialogUrl(dialogId),
    onOpen: (dialogId) => openDialog(dialogId, { messageId: null, push: true }),
  });
}

function currentChat() {
  return state.chats.find((chat) => String(chat.dialogId) === state.dialogId) ?? null;
}

function renderDialogHeader() {
  const chat = currentChat();
  const hasDialog = Boolean(state.dialogId);
  const name = chat?.name ?? state.dialogId ?? '';
  dialogTitle.textContent = hasDialog ? name : t('messenger');
  dialogSubtitle.textContent = !chat
    ? ''
    : chat.kind === 'user'
      ? t('privateChat')
      : t('groupChat');
  dialogAvatar.textContent = hasDialog ? initials(name) : '';
  dialogAvatar.hidden = !hasDialog;
  dialogAvatar.style.backgroundColor =
    typeof chat?.avatarColor === 'string' && /^#[0-9a-f]{3,8}$/i.test(chat.avatarColor)
      ? chat.avatarColor
      : '';
  openSidebarButton.disabled = !hasDialog;
  openTextareaButton.disabled = !hasDialog;
  void panels.refreshButtons();
  input.disabled = !hasDialog;
  sendButton.disabled = !hasDialog;
  document.title = hasDialog ? `${name} · ${t('messenger')}` : t('messenger');
}

// ---- dialog ---------------------------------------------------------------------------------

/**
 * @param {unknown} value
 * @returns {number|null}
 */
function parseMessageId(value) {
  const id = Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(id) ? id : null;
}

/**
 * Switches the open dialog without reloading the page, so app frames elsewhere and the
 * per-chat input content survive, like the real single-page messenger.
 */
/**
 * @param {string|null} dialogId
 * @param {{ messageId: number|null, push: boolean }} how
 */
function openDialog(dialogId, { messageId, push }) {
  const next = dialogId ? String(dialogId) : null;
  if (push) history.pushState(null, '', dialogUrl(next, messageId));
  state.highlightId = messageId;
  state.highlightScrolled = false;
  if (next === state.dialogId) {
    applyHighlight();
    void loadMessages();
    return;
  }
  // Placements belong to the dialog they were opened for (their PLACEMENT_OPTIONS name it).
  panels.closeUnlessFor(next);
  state.dialogId = next;
  input.value = next ? (state.drafts.get(next) ?? '') : '';
  state.messagesKey = '';
  messageList.replaceChildren();
  hideNotice();
  renderChats();
  renderDialogHeader();
  void loadMessages();
}

async function loadMessages() {
  const dialogId = state.dialogId;
  if (!dialogId) {
    messageList.replaceChildren(
      el('div', { className: 'message-empty', 'data-testid': 'no-dialog', text: t('noDialog') }),
    );
    return;
  }
  if (state.loadingMessages) return;
  state.loadingMessages = true;
  try {
    const query = new URLSearchParams({ user: String(boot.userId), dialogId });
    const answer = await getJson(`/_emulator/ui/messages?${query}`);
    if (dialogId !== state.dialogId) return;
    if (answer.status === 0) {
      showNotice(t('portalUnreachable'));
      return;
    }
    if (!answer.ok || !Array.isArray(answer.body)) {
      const detail =
        answer.body && answer.body.error !== undefined ? errorText(answer.body.error) : '';
      const key = `error:${answer.status}:${detail}`;
      if (key !== state.messagesKey) {
        state.messagesKey = key;
        messageList.replaceChildren(
          el('div', { className: 'message-empty', 'data-testid': 'dialog-error', role: 'alert' }, [
            el('strong', { text: t('chatUnavailable') }),
            detail ? el('div', { text: detail }) : null,
          ]),
        );
      }
      return;
    }
    hideNotice();
    const key = JSON.stringify(answer.body);
    if (key !== state.messagesKey) {
      state.messagesKey = key;
      renderMessages(answer.body);
    }
  } finally {
    state.loadingMessages = false;
  }
}

/** @param {import('./messageView.js').ShownMessage[]} messages */
function renderMessages(messages) {
  const nearBottom =
    messageList.scrollTop + messageList.clientHeight >= messageList.scrollHeight - 60 ||
    messageList.childElementCount === 0;
  if (messages.length === 0) {
    messageList.replaceChildren(el('div', { className: 'message-empty', text: t('noMessages') }));
    return;
  }
  messageList.replaceChildren(...messages.map((m) => renderMessage(m, view)));
  if (!applyHighlight() && nearBottom) messageList.scrollTop = messageList.scrollHeight;
}

/** Marks the message an app asked to show (imOpenMessenger messageId). True when it scrolled. */
function applyHighlight() {
  const scrolled = highlightMessage(messageList, state.highlightId, state.highlightScrolled);
  if (scrolled) state.highlightScrolled = true;
  return scrolled;
}

async function sendMessage() {
  const dialogId = state.dialogId;
  const text = input.value;
  if (!dialogId || text.trim() === '') return;
  sendButton.disabled = true;
  try {
    const answer = await postJson('/_emulator/ui/messages', { user: boot.userId, dialogId, text });
    if (!answer.ok || (answer.body && answer.body.error !== undefined)) {
      const detail = answer.body?.error !== undefined ? `: ${errorText(answer.body.error)}` : '';
      showNotice(`${t('sendFailed')}${detail}`);
      return;
    }
    if (state.dialogId === dialogId) input.value = '';
    state.drafts.delete(dialogId);
    messageList.scrollTop = messageList.scrollHeight;
    await loadMessages();
    messageList.scrollTop = messageList.scrollHeight;
  } finally {
    sendButton.disabled = !state.dialogId;
  }
}

/** @param {string} text */
function showNotice(text) {
  notice.textContent = text;
  notice.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
  notice.textContent = '';
}

// ---- app placements -------------------------------------------------------------------------

let activityTimer = 0;
const panels = createPlacementPanels({
  boot,
  t,
  getDialogId: () => state.dialogId,
  slots: { IM_SIDEBAR: sidebarSlot, IM_TEXTAREA: textareaSlot },
  buttons: { IM_SIDEBAR: openSidebarButton, IM_TEXTAREA: openTextareaButton },
  // An app talking to the portal often means it just uploaded something: refresh soon.
  onActivity: () => {
    clearTimeout(activityTimer);
    activityTimer = setTimeout(() => void loadMessages(), 300);
  },
  onOpenMessenger: (dialogId, messageId) =>
    openDialog(dialogId || state.dialogId, { messageId, push: true }),
});

// ---- start ----------------------------------------------------------------------------------

// Spell user and lang out in the address, so reloads and shared links open the same view.
history.replaceState(null, '', dialogUrl(state.dialogId, state.highlightId) + location.hash);
renderDialogHeader();
void loadChats();
void loadMessages();
setInterval(() => {
  void loadChats();
  void loadMessages();
}, POLL_MS);
