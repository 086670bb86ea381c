import { randomBytes } from 'node:crypto';
import { formatDateC } from './formatDateC.ts';
import type { ScenarioController } from './createScenarioController.ts';
import type { StateStore } from './createStateStore.ts';
import type { ChatRecord, FileRecord, MessageRecord, TokenRecord, UserRecord } from './types.ts';

/** OAuth token lifetime (portal reference §3.7). */
export const TOKEN_TTL_SECONDS = 3600;
const REFRESH_TTL_MS = 28 * 24 * 3600 * 1000;

export type DialogLookup =
  { kind: 'ok'; chat: ChatRecord; dialogId: string } | { kind: 'not-found' } | { kind: 'denied' };

export interface Portal {
  user(id: number): UserRecord | undefined;
  userName(id: number): string;
  /**
   * dialogId → chat for `userId` (portal reference §4.4): `chat<N>` = group chat N (caller must be a
   * member), `<N>` = private chat with user N (created on first use). For a REST call (`rest`
   * given) honours the `chat-deleted` and `no-access` scenarios; portal pages and `/_emulator/*`
   * endpoints pass null, so scenarios never fire (or consume counts) for them.
   */
  resolveDialog(userId: number, dialogId: string, rest: { method: string } | null): DialogLookup;
  /** Chats `userId` can see: group chats they belong to and their private dialogs. */
  visibleChats(userId: number): ChatRecord[];
  /** `chat<N>` for group chats, the counterpart's id for private ones. */
  dialogIdOf(chat: ChatRecord, viewerId: number): string;
  chatTitle(chat: ChatRecord, viewerId: number): string;
  messagesOf(chatId: number): MessageRecord[];
  postMessage(chatId: number, authorId: number, text: string, fileIds: number[]): MessageRecord;
  file(id: number): FileRecord | undefined;
  fileByToken(token: string): FileRecord | undefined;
  downloadUrl(file: FileRecord, origin: string): string;
  /** The File object of im.v2.File.upload (portal reference §4.6). */
  fileObject(file: FileRecord, origin: string): Record<string, unknown>;
  mintToken(userId: number, appId: number): TokenRecord;
  /** Id of the last message `userId` has read in `chatId` (0 = none). */
  lastReadOf(userId: number, chatId: number): number;
  /** Messages of others after the last read one (the unread counter, §7.5). */
  unreadOf(userId: number, chatId: number): MessageRecord[];
  markRead(userId: number, chatId: number, messageId: number): void;
}

export function createPortal(
  store: StateStore,
  scenarios: ScenarioController,
  tokenLifetimeSeconds: number = TOKEN_TTL_SECONDS,
): Portal {
  const s = (): StateStore['state'] => store.state;

  const portal: Portal = {
    user: (id) => s().users.find((u) => u.id === id),
    userName(id) {
      const u = portal.user(id);
      return u ? `${u.name} ${u.lastName}` : '';
    },
    resolveDialog(userId, dialogId, rest) {
      const fault = (name: 'chat-deleted' | 'no-access'): boolean =>
        rest !== null && scenarios.fire(name, rest.method) !== null;
      const group = /^chat(\d+)$/i.exec(dialogId);
      if (group) {
        const chat = s().chats.find((c) => c.id === Number(group[1]) && c.type === 'chat');
        if (!chat || fault('chat-deleted')) return { kind: 'not-found' };
        if (!chat.members.includes(userId) || fault('no-access')) {
          return { kind: 'denied' };
        }
        return { kind: 'ok', chat, dialogId: `chat${chat.id}` };
      }
      if (/^[1-9]\d*$/.test(dialogId)) {
        const other = portal.user(Number(dialogId));
        if (!other || !other.active) return { kind: 'not-found' };
        const members = other.id === userId ? [userId] : [userId, other.id].sort((a, b) => a - b);
        let chat = s().chats.find(
          (c) => c.type === 'private' && c.members.join(',') === members.join(','),
        );
        if (!chat) {
          chat = {
            id: s().nextIds.chat++,
            type: 'private',
            name: '',
            members,
            ownerId: userId,
            color: '#8d9ba5',
            dateCreate: formatDateC(),
          };
          s().chats.push(chat);
          store.save();
        }
        return { kind: 'ok', chat, dialogId };
      }
      return { kind: 'not-found' };
    },
    visibleChats: (userId) => s().chats.filter((c) => c.members.includes(userId)),
    dialogIdOf(chat, viewerId) {
      if (chat.type === 'chat') return `chat${chat.id}`;
      const other = chat.members.find((m) => m !== viewerId) ?? viewerId;
      return String(other);
    },
    chatTitle(chat, viewerId) {
      if (chat.type === 'chat') return chat.name;
      return portal.userName(Number(portal.dialogIdOf(chat, viewerId)));
    },
    messagesOf: (chatId) => s().messages.filter((m) => m.chatId === chatId),
    postMessage(chatId, authorId, text, fileIds) {
      const message: MessageRecord = {
        id: s().nextIds.message++,
        chatId,
        authorId,
        text,
        date: formatDateC(),
        fileIds,
      };
      s().messages.push(message);
      // Writing in a chat reads it up to one's own message.
      if (authorId > 0) portal.markRead(authorId, chatId, message.id);
      store.save();
      return message;
    },
    file: (id) => s().files.find((f) => f.id === id),
    fileByToken: (token) => s().files.find((f) => f.token === token),
    downloadUrl(file, origin) {
      // The path and query a real portal uses (portal reference §4.6).
      return (
        `${origin}/bitrix/services/main/ajax.php?action=disk.api.file.download&SITE_ID=s1` +
        `&humanRE=1&fileId=${file.id}&exact=N&fileName=${encodeURIComponent(file.name)}`
      );
    },
    fileObject(file, origin) {
      const extension = extensionOf(file.name);
      const type = fileType(extension);
      const urlDownload = portal.downloadUrl(file, origin);
      const urlShow =
        `${origin}/bitrix/services/main/ajax.php?action=disk.api.file.showImage&SITE_ID=s1` +
        `&humanRE=1&fileId=${file.id}&fileName=${encodeURIComponent(file.name)}`;
      return {
        id: file.id,
        chatId: file.chatId,
        date: file.date,
        type,
        name: file.name,
        extension,
        size: file.size,
        image: false,
        status: 'done',
        progress: 100,
        authorId: file.authorId,
        authorName: portal.userName(file.authorId),
        urlPreview: '',
        urlShow,
        urlDownload,
        viewerAttrs: {
          viewer: '',
          viewerType: type === 'file' ? 'code' : type,
          src: urlDownload,
          objectId: String(file.id),
          viewerGroupBy: String(file.chatId),
          imChatId: file.chatId,
          title: file.name,
          unifiedLink: `${origin}/file/${file.token}`,
          actions: JSON.stringify([{ type: 'download' }]),
        },
        mediaUrl: { preview: { '250': '' } },
        isTranscribable: false,
        isVideoNote: false,
        isVoiceNote: false,
      };
    },
    lastReadOf: (userId, chatId) => s().lastRead?.[`${userId}:${chatId}`] ?? 0,
    unreadOf(userId, chatId) {
      const last = portal.lastReadOf(userId, chatId);
      return portal
        .messagesOf(chatId)
        .filter((m) => m.id > last && m.authorId !== userId && m.authorId !== 0);
    },
    markRead(userId, chatId, messageId) {
      const read = (s().lastRead ??= {});
      const key = `${userId}:${chatId}`;
      if ((read[key] ?? 0) >= messageId) return;
      read[key] = messageId;
      store.save();
    },
    mintToken(userId, appId) {
      const app = s().apps.find((a) => a.id === appId);
      const record: TokenRecord = {
        accessToken: randomToken(),
        refreshToken: randomToken(),
        userId,
        appId,
        scope: app ? [...app.scope] : [],
        expires: Date.now() + tokenLifetimeSeconds * 1000,
        refreshExpires: Date.now() + REFRESH_TTL_MS,
      };
      // Old tokens stay valid until their own expiry (portal reference §6.16); drop long-dead ones.
      const now = Date.now();
      s().tokens = s().tokens.filter((t) => t.refreshExpires > now);
      s().tokens.push(record);
      store.save();
      return record;
    },
  };
  return portal;
}

/** 70 lowercase hex characters, like a real portal's tokens (portal reference §3.7). */
export function randomToken(): string {
  return randomBytes(35).toString('hex');
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * `type` by extension (portal reference §4.5). Images are reported as plain files because the emulator
 * does not read image dimensions (the reference allows `image` only with dimensions).
 */
function fileType(extension: string): 'file' | 'video' | 'audio' {
  if (['mp4', 'mov', 'webm', 'avi', 'mkv', 'm4v'].includes(extension)) return 'video';
  if (['mp3', 'wav', 'ogg', 'm4a', 'aac', 'flac', 'opus'].includes(extension)) return 'audio';
  return 'file';
}
