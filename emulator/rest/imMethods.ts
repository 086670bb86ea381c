import { RestError } from '../RestError.ts';
import { getParamCI, paramText } from '../params.ts';
import type { ParamValue } from '../params.ts';
import type { ChatRecord, MessageRecord } from '../types.ts';
import { rewriteMessageText } from '../rewriteMessageText.ts';
import { faultKeyOf } from './faultKeyOf.ts';
import { WithTopLevel } from './restTypes.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/** Legacy messenger methods the widget reads (portal reference §5.5–§5.7, §7.5, §7.7). */
export const imMethods: MethodTable = {
  'im.dialog.get': { scope: ['im'], run: dialogGet },
  'im.recent.list': { scope: ['im'], run: recentList },
  'im.dialog.messages.get': { scope: ['im'], run: dialogMessagesGet },
};

function resolveOrThrow(call: CallContext): { chat: ChatRecord; dialogId: string } {
  const dialogId = paramText(getParamCI(call.params, 'DIALOG_ID')).trim();
  if (dialogId === '') throw new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");
  const lookup = call.emu.portal.resolveDialog(call.user.id, dialogId, faultKeyOf(call));
  if (lookup.kind !== 'ok') {
    // An id that cannot be resolved is 400, a chat the caller may not read 403 (§7.7).
    const status = lookup.kind === 'not-found' ? 400 : 403;
    throw new RestError(status, 'ACCESS_ERROR', 'You do not have access to the specified dialog');
  }
  return lookup;
}

function dialogGet(call: CallContext): unknown {
  const { chat, dialogId } = resolveOrThrow(call);
  const { portal } = call.emu;
  const messages = portal.messagesOf(chat.id);
  const last = messages[messages.length - 1];
  const isGroup = chat.type === 'chat';
  return {
    id: chat.id,
    parent_chat_id: 0,
    parent_message_id: 0,
    name: portal.chatTitle(chat, call.user.id),
    description: '',
    owner: chat.ownerId,
    extranet: false,
    avatar: '',
    color: chat.color,
    type: isGroup ? 'chat' : 'private',
    counter: portal.unreadOf(call.user.id, chat.id).length,
    user_counter: chat.members.length,
    message_count: messages.length,
    unread_id: portal.unreadOf(call.user.id, chat.id)[0]?.id ?? 0,
    restrictions: {
      avatar: true,
      rename: true,
      extend: true,
      call: true,
      mute: true,
      leave: true,
      leave_owner: true,
      send: true,
      user_list: true,
      path: '',
      path_title: '',
    },
    last_message_id: last?.id ?? 0,
    last_id: last?.id ?? 0,
    marked_id: 0,
    disk_folder_id: 1000 + chat.id,
    entity_type: '',
    entity_id: '',
    entity_data_1: '',
    entity_data_2: '',
    entity_data_3: '',
    mute_list: [],
    date_create: chat.dateCreate,
    message_type: isGroup ? 'C' : 'P',
    public: '',
    role: chat.ownerId === call.user.id ? 'owner' : 'member',
    entity_link: { type: '', url: '', id: '' },
    text_field_enabled: true,
    background_id: null,
    permissions: {
      manage_users_add: 'MEMBER',
      manage_users_delete: 'MANAGER',
      manage_ui: 'MEMBER',
      manage_settings: 'OWNER',
      manage_messages: 'MEMBER',
      can_post: 'MEMBER',
    },
    is_new: false,
    readed_list: [],
    manager_list: [chat.ownerId],
    last_message_views: { message_id: last?.id ?? 0, first_viewers: [], count_of_viewers: 0 },
    dialog_id: dialogId,
  };
}

function yes(value: ParamValue | undefined): boolean {
  return paramText(value).toUpperCase() === 'Y';
}

function recentList(call: CallContext): unknown {
  const { portal } = call.emu;
  const userId = call.user.id;
  const skipChat = yes(getParamCI(call.params, 'SKIP_CHAT'));
  const skipDialog = yes(getParamCI(call.params, 'SKIP_DIALOG'));
  const offset = Math.max(0, Number(paramText(getParamCI(call.params, 'OFFSET'))) || 0);
  const limit = Math.min(
    200,
    Math.max(1, Number(paramText(getParamCI(call.params, 'LIMIT'))) || 50),
  );
  const chats = portal
    .visibleChats(userId)
    .filter((c) => !(c.type === 'chat' ? skipChat : skipDialog))
    .map((chat) => {
      const messages = portal.messagesOf(chat.id);
      return { chat, last: messages[messages.length - 1] };
    })
    .sort((a, b) => (b.last?.id ?? 0) - (a.last?.id ?? 0));
  const page = chats.slice(offset, offset + limit);
  const items = page.map(({ chat, last }) => {
    const isGroup = chat.type === 'chat';
    const dialogId = portal.dialogIdOf(chat, userId);
    const counterpart = isGroup ? undefined : portal.user(Number(dialogId));
    const date = last?.date ?? chat.dateCreate;
    return {
      // A number for private dialogs, a string `chatN` for chats (portal reference §5.6).
      id: isGroup ? dialogId : Number(dialogId),
      chat_id: chat.id,
      type: isGroup ? 'chat' : 'user',
      avatar: { url: '', color: chat.color },
      title: portal.chatTitle(chat, userId),
      message: last
        ? {
            id: last.id,
            text: rewriteMessageText(last.text, portal.userName),
            file: last.fileIds.length > 0,
            author_id: last.authorId,
            attach: false,
            sticker: false,
            date: last.date,
            status: 'delivered',
            uuid: '',
          }
        : null,
      counter: portal.unreadOf(userId, chat.id).length,
      last_id: last?.id ?? 0,
      pinned: false,
      unread: false,
      has_reminder: false,
      date_update: date,
      date_last_activity: date,
      ...(isGroup
        ? {
            chat: {
              id: chat.id,
              name: chat.name,
              owner: chat.ownerId,
              color: chat.color,
              type: 'chat',
              avatar: '',
              date_create: chat.dateCreate,
              message_type: 'C',
            },
          }
        : {
            user: counterpart
              ? {
                  id: counterpart.id,
                  active: counterpart.active,
                  name: portal.userName(counterpart.id),
                  first_name: counterpart.name,
                  last_name: counterpart.lastName,
                  work_position: counterpart.workPosition,
                  color: chat.color,
                  avatar: '',
                  gender: counterpart.gender,
                }
              : {},
          }),
      options: [],
    };
  });
  const hasMore = offset + limit < chats.length;
  // The REST server moves `next`/`total` out of `result` to the top level (§7.7).
  return new WithTopLevel(
    { items, hasMore, hasMorePages: hasMore, copilot: null },
    { ...(hasMore ? { next: offset + limit } : {}), total: -1 },
  );
}

function idParam(call: CallContext, name: 'FIRST_ID' | 'LAST_ID'): number | undefined {
  const value = getParamCI(call.params, name);
  if (value === undefined || value === '') return undefined;
  const text = paramText(value);
  if (!/^\d+$/.test(text)) {
    const label = name === 'FIRST_ID' ? 'First' : 'Last';
    throw new RestError(400, `${name}_STRING`, `${label} ID can't be string`);
  }
  return Number(text);
}

/**
 * im.dialog.messages.get (portal reference §5.7, §7.5). With LAST_ID: older messages, ID DESC.
 * With FIRST_ID: newer messages in ascending order (the query has no ORDER BY; ascending in
 * practice). With neither, the caller's unread counter shapes the page: counter ≤ LIMIT ⇒
 * the newest LIMIT + counter messages; counter > LIMIT ⇒ the first LIMIT unread after the last
 * read message and up to LIMIT older ones (the older part's size is ASSUMED), not the newest.
 */
function dialogMessagesGet(call: CallContext): unknown {
  const dialogId = paramText(getParamCI(call.params, 'DIALOG_ID')).trim();
  if (dialogId === '') throw new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");
  const firstId = idParam(call, 'FIRST_ID');
  const lastId = idParam(call, 'LAST_ID');
  const { chat } = resolveOrThrow(call);
  const { portal } = call.emu;
  const limit = Math.min(
    50,
    Math.max(1, Number(paramText(getParamCI(call.params, 'LIMIT'))) || 20),
  );
  const all = portal.messagesOf(chat.id);
  const newestFirst = (list: MessageRecord[]): MessageRecord[] =>
    [...list].sort((a, b) => b.id - a.id);
  let page: MessageRecord[];
  if (firstId !== undefined) {
    page = all.filter((m) => m.id > firstId).slice(0, limit);
  } else if (lastId !== undefined) {
    page = newestFirst(all.filter((m) => m.id < lastId).slice(-limit));
  } else {
    const unread = portal.unreadOf(call.user.id, chat.id).length;
    if (unread > limit) {
      const lastRead = portal.lastReadOf(call.user.id, chat.id);
      const after = all.filter((m) => m.id > lastRead).slice(0, limit);
      const before = all.filter((m) => m.id <= lastRead).slice(-limit);
      page = newestFirst([...before, ...after]);
    } else {
      page = newestFirst(all.slice(-(limit + unread)));
    }
  }
  const lastRead = portal.lastReadOf(call.user.id, chat.id);
  const fileIds = new Set(page.flatMap((m) => m.fileIds));
  const authorIds = new Set(page.map((m) => m.authorId).filter((id) => id > 0));
  return {
    chat_id: chat.id,
    messages: page.map((m) => ({
      id: m.id,
      chat_id: m.chatId,
      author_id: m.authorId,
      date: m.date,
      text: rewriteMessageText(m.text, portal.userName),
      // ASSUMED: unread from the caller's side (someone else's message after the last read one).
      unread: m.authorId !== call.user.id && m.authorId !== 0 && m.id > lastRead,
      uuid: null,
      replaces: [],
      params: messageParams(m),
      disappearing_date: null,
    })),
    users: [...authorIds].map((id) => {
      const u = portal.user(id);
      return {
        id,
        active: u?.active ?? false,
        name: portal.userName(id),
        first_name: u?.name ?? '',
        last_name: u?.lastName ?? '',
        work_position: u?.workPosition ?? '',
        gender: u?.gender ?? '',
        avatar: '',
      };
    }),
    files: [...fileIds].flatMap((id) => {
      const file = portal.file(id);
      return file ? [portal.fileObject(file, call.origin)] : [];
    }),
  };
}

/** `params`: FILE_ID for file messages, CODE for system ones; PHP's empty array is `[]`. */
function messageParams(m: MessageRecord): unknown {
  const params: Record<string, unknown> = { ...m.params };
  if (m.fileIds.length > 0) params.FILE_ID = m.fileIds;
  return Object.keys(params).length > 0 ? params : [];
}
