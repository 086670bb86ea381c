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
 * The portal's initial data (shared interface "Seed data"): users 1–4, group chats 5/7/9,
 * user 1's private dialogs with 2 and 3, and app 1.
 */
export function seedState(options: SeedOptions): EmulatorState {
  const now = new Date();
  const at = (minutesAgo: number): string =>
    formatDateC(new Date(now.getTime() - minutesAgo * 60_000));
  const messages: MessageRecord[] = [
    { id: 1, chatId: 5, authorId: 2, text: 'Welcome to Marketing!', date: at(120), fileIds: [] },
    {
      id: 2,
      chatId: 5,
      authorId: 3,
      text: 'The campaign brief is due Friday.',
      date: at(90),
      fileIds: [],
    },
    {
      id: 3,
      chatId: 7,
      authorId: 4,
      text: 'Board meeting moved to Monday.',
      date: at(80),
      fileIds: [],
    },
    { id: 4, chatId: 9, authorId: 3, text: 'New mockups are coming.', date: at(60), fileIds: [] },
    {
      id: 5,
      chatId: 2,
      authorId: 2,
      text: 'Hi John, can you send me the slides?',
      date: at(30),
      fileIds: [],
    },
    { id: 6, chatId: 3, authorId: 3, text: 'Danke!', date: at(10), fileIds: [] },
  ];
  const expires = Date.now() + FIXED_TOKEN_TTL_MS;
  return {
    version: 1,
    memberId: randomBytes(16).toString('hex'),
    nextIds: { chat: 10, message: 7, file: 1, placement: 1 },
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
  };
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
