import { randomBytes, randomInt } from 'node:crypto';
import { formatDateC } from './formatDateC.ts';
import type { EmulatorState, MessageRecord } from './types.ts';

export interface SeedOptions {
  appUrl: string;
  installed: boolean;
  webhooks: { userId: number; secret: string; scope?: string[] }[];
  oauthTokens: { userId: number; token: string }[];
}

/** Scopes of the default app (shared interface: `im,placement,user_brief`). */
export const APP_SCOPE = ['im', 'placement', 'user_brief'];
/** Scopes a webhook gets when the flag does not name any. */
export const DEFAULT_WEBHOOK_SCOPE = ['im', 'user', 'user_brief', 'user_basic'];
/** Fixed tokens from `--oauth-token` are meant for manual testing: they do not expire on their own. */
const FIXED_TOKEN_TTL_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * The portal's initial data (emulator/README.md "Seed data"): users 1–4, group chats 5/7/9/11,
 * user 1's private dialogs with 2 and 3, and app 1.
 */
export function seedState(options: SeedOptions): EmulatorState {
  const now = new Date();
  const at = (minutesAgo: number): string =>
    formatDateC(new Date(now.getTime() - minutesAgo * 60_000));
  const messages = seedMessages(at);
  const expires = Date.now() + FIXED_TOKEN_TTL_MS;
  return {
    version: 1,
    memberId: randomBytes(16).toString('hex'),
    nextIds: { chat: 12, message: messages.length + 1, file: 1, placement: 1 },
    users: [
      user(1, 'John', 'Smith', true, 'M', 'Administrator'),
      user(2, 'Anna', 'Petrova', false, 'F', 'Marketing manager'),
      user(3, 'Max', 'Müller', false, 'M', 'Designer'),
      user(4, 'Lena', 'Koch', false, 'F', 'Board secretary'),
    ].map((u) => ({ ...u, dateRegister: at(60 * 24 * 365) })),
    chats: [
      {
        id: 2,
        type: 'private',
        name: '',
        members: [1, 2],
        ownerId: 1,
        color: '#55d0e0',
        dateCreate: at(1000),
      },
      {
        id: 3,
        type: 'private',
        name: '',
        members: [1, 3],
        ownerId: 1,
        color: '#ab7761',
        dateCreate: at(1000),
      },
      {
        id: 5,
        type: 'chat',
        name: 'Marketing',
        members: [1, 2, 3],
        ownerId: 1,
        color: '#4ba984',
        dateCreate: at(2000),
      },
      {
        id: 7,
        type: 'chat',
        name: 'Board',
        members: [2, 4],
        ownerId: 2,
        color: '#9dcf00',
        dateCreate: at(2000),
      },
      {
        id: 9,
        type: 'chat',
        name: 'Design',
        members: [1, 3, 4],
        ownerId: 3,
        color: '#e66467',
        dateCreate: at(2000),
      },
      {
        id: 11,
        type: 'chat',
        name: 'Announcements',
        members: [1, 2, 3],
        ownerId: 2,
        color: '#2fc6f6',
        dateCreate: at(3000),
      },
    ],
    messages,
    files: [],
    apps: [
      {
        id: 1,
        clientId: `local.${randomBytes(7).toString('hex').slice(0, 13)}.${randomInt(10_000_000, 99_999_999)}`,
        clientSecret: randomBytes(24).toString('base64url'),
        code: 'chat_drop',
        name: 'Chat Drop',
        version: 1,
        status: 'L',
        url: options.appUrl,
        urlInstall: options.installed ? '' : options.appUrl,
        scope: [...APP_SCOPE],
        installed: options.installed,
        applicationToken: randomBytes(16).toString('hex'),
        options: {},
        userOptions: {},
        installFlags: {},
      },
    ],
    placements: options.installed
      ? ['IM_SIDEBAR', 'IM_TEXTAREA'].map((placement, index) => ({
          id: index + 1,
          appId: 1,
          placement,
          handler: options.appUrl,
          userId: 0,
          title: 'Chat Drop',
          description: '',
          groupName: '',
          // As the app's own install binds them (src/bitrix/installPlacementParams.ts), so a
          // portal seeded "installed" looks like one where the admin really ran the install.
          options: {
            iconName: 'fa-cloud-upload',
            extranet: 'N',
            context: 'ALL',
            ...(placement === 'IM_TEXTAREA' ? { width: 440, height: 560 } : {}),
          } as Record<string, string | number>,
          langAll: {},
        }))
      : [],
    tokens: options.oauthTokens.map((t) => ({
      accessToken: t.token,
      refreshToken: randomBytes(35).toString('hex'),
      userId: t.userId,
      appId: 1,
      scope: [...APP_SCOPE],
      expires,
      refreshExpires: expires,
    })),
    webhooks: options.webhooks.map((w) => ({
      userId: w.userId,
      secret: w.secret,
      scope: w.scope ?? [...DEFAULT_WEBHOOK_SCOPE],
    })),
    uploads: [],
    // User 1 has read everything except the announcements after the join (> 50 unread, §7.5).
    lastRead: Object.fromEntries(
      [2, 3, 5, 9, 11].map((chatId) => {
        const own = messages.filter((m) => m.chatId === chatId);
        const read = chatId === 11 ? (own[0]?.id ?? 0) : (own[own.length - 1]?.id ?? 0);
        return [`1:${chatId}`, read];
      }),
    ),
  };
}

/** Unread announcements user 1 finds in chat11 (more than the 50 one page can hold). */
export const SEED_UNREAD_ANNOUNCEMENTS = 60;

/**
 * Seed messages, oldest first: each group chat opens with a system join message (author 0,
 * `params.CODE`, portal reference §7.5 — the CODE value is ASSUMED), then people talk. Texts use
 * what a portal rewrites on read: `[USER=n][/USER]` mentions, a bare URL, an HTML entity.
 */
function seedMessages(at: (minutesAgo: number) => string): MessageRecord[] {
  const list: Omit<MessageRecord, 'id'>[] = [];
  const join = (chatId: number, owner: number, invited: number[], minutesAgo: number): void => {
    const names = invited.map((id) => `[USER=${id}][/USER]`).join(', ');
    list.push({
      chatId,
      authorId: 0,
      text: `[USER=${owner}][/USER] invited ${names} to the chat`,
      date: at(minutesAgo),
      fileIds: [],
      params: { CODE: 'CHAT_JOIN' },
    });
  };
  const say = (chatId: number, authorId: number, text: string, minutesAgo: number): void => {
    list.push({ chatId, authorId, text, date: at(minutesAgo), fileIds: [] });
  };
  join(11, 2, [1, 3], 2900);
  for (let n = 1; n <= SEED_UNREAD_ANNOUNCEMENTS; n += 1) {
    say(11, 2, `Announcement #${n}`, 2800 - n * 10);
  }
  join(5, 1, [2, 3], 1900);
  join(7, 2, [4], 1900);
  join(9, 3, [1, 4], 1900);
  say(5, 2, 'Welcome to Marketing!', 120);
  say(5, 3, 'The campaign brief is due Friday, [USER=1][/USER].', 90);
  say(7, 4, 'Board meeting moved to Monday.', 80);
  say(9, 3, 'New mockups are coming: https://example.com/mockups &amp; notes', 60);
  say(2, 2, 'Hi John, can you send me the slides?', 30);
  say(3, 3, 'Danke!', 10);
  return list.map((m, index) => ({ id: index + 1, ...m }));
}

function user(
  id: number,
  name: string,
  lastName: string,
  isAdmin: boolean,
  gender: 'M' | 'F',
  workPosition: string,
): Omit<EmulatorState['users'][number], 'dateRegister'> {
  return {
    id,
    name,
    lastName,
    email: `${name.toLowerCase()}@example.com`,
    isAdmin,
    gender,
    workPosition,
    active: true,
  };
}
