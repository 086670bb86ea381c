import { RestError } from '../RestError.ts';
import { getParamCI, paramText } from '../params.ts';
import type { ParamValue } from '../params.ts';
import type { ChatRecord, MessageRecord } from '../types.ts';
import { faultKeyOf } from './faultKeyOf.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/** Legacy messenger methods the widget reads (contract §5.5–§5.7). */
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
    throw new RestError(403, 'ACCESS_ERROR', 'You do not have access to the specified dialog');
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
    counter: 0,
    user_counter: chat.members.length,
    message_count: messages.length,
    unread_id: 0,
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
      // A number for private dialogs, a string `chatN` for chats (contract §5.6).
      id: isGroup ? dialogId : Number(dialogId),
      chat_id: chat.id,
      type: isGroup ? 'chat' : 'user',
      avatar: { url: '', color: chat.color },
      title: portal.chatTitle(chat, userId),
      message: last
        ? {
            id: last.id,
            text: last.text,
            file: last.fileIds.length > 0,
            author_id: last.authorId,
            attach: false,
            sticker: false,
            date: last.date,
            status: 'delivered',
            uuid: '',
          }
        : null,
      counter: 0,
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
  return { items, hasMore, hasMorePages: hasMore, copilot: null };
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
  let messages: MessageRecord[] = portal.messagesOf(chat.id);
  if (firstId !== undefined) {
    // Newer than FIRST_ID: the oldest `limit` of those.
    messages = messages.filter((m) => m.id > firstId).slice(0, limit);
  } else {
    if (lastId !== undefined) messages = messages.filter((m) => m.id < lastId);
    messages = messages.slice(-limit);
  }
  const newestFirst = [...messages].reverse();
  const fileIds = new Set(newestFirst.flatMap((m) => m.fileIds));
  const authorIds = new Set(newestFirst.map((m) => m.authorId));
  return {
    chat_id: chat.id,
    messages: newestFirst.map((m) => ({
      id: m.id,
      chat_id: m.chatId,
      author_id: m.authorId,
      date: m.date,
      text: m.text,
      unread: false,
      uuid: null,
      replaces: [],
      params: m.fileIds.length > 0 ? { FILE_ID: m.fileIds } : [],
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
