import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from './rest/restTypes.ts';
import type { AppRecord, TokenRecord } from './types.ts';

export interface FrameOpenRequest {
  user?: number;
  placement?: string;
  placementOptions?: Record<string, unknown>;
  lang?: string;
  appId?: number;
}

export type FrameOpenResult =
  | {
      action: string;
      fields: Record<string, string>;
      frameName: string;
      appSid: string;
      appOrigin: string;
      /** How the page loads the frame: a POSTed form (default) or `iframe.src` (portal reference §1.3). */
      method: 'POST' | 'GET';
    }
  | { error: string };

export type FrameCommandResult =
  | { reply: unknown }
  | { noReply: true; alert?: string }
  | { navigate: string }
  | { notFound: true };

interface FrameSession {
  appSid: string;
  appId: number;
  userId: number;
  placement: string;
  placementOptions: Record<string, unknown>;
  lang: string;
  domain: string;
  protocol: 0 | 1;
  install: boolean;
  token: TokenRecord;
}

export interface FrameController {
  /** Portal reference §1.2–§1.4: which URL, the POST fields and the frame name; remembers the session. */
  open(request: FrameOpenRequest, host: string): FrameOpenResult;
  /** The server-side part of the postMessage commands (portal reference §2.5, §2.6, §1.6). */
  command(appSid: string, command: string, params: unknown, pageUrl?: string): FrameCommandResult;
  /** IM placements of `placementCodes` the messenger shows for this chat (context filter, §7.6). */
  placementsFor(chatType: 'chat' | 'private', placementCodes: readonly string[]): string[];
  /** Writes pending setUserOption values now (on close). */
  flush(): void;
  /**
   * A portal page hit by `userId`: their pending setUserOption values, kept in a portal cookie
   * meanwhile, are applied (portal reference §7.6).
   */
  pageHit(userId: number): void;
}

/**
 * The chat types a binding's `context` option admits (portal reference §5.1, §7.6): `ALL`, or a
 * `;` list of USER, CHAT, LINES, CRM. The emulator has group chats (CHAT) and private ones (USER).
 */
function contextFits(context: unknown, chatType: 'chat' | 'private'): boolean {
  const parts = String(context ?? 'ALL')
    .toUpperCase()
    .split(';')
    .map((p) => p.trim());
  if (parts.includes('ALL') || parts.includes('')) return true;
  return parts.includes(chatType === 'chat' ? 'CHAT' : 'USER');
}

/** PLACEMENT_OPTIONS as the im v2 messenger posts them: string values, no `URI` (§7.6). */
function stringValues(options: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'URI' || value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

/** PHP's empty array is emitted as `[]` (portal reference §6.13). */
function phpObject(value: Record<string, unknown>): unknown {
  return Object.keys(value).length === 0 ? [] : value;
}

export function createFrameController(emu: EmulatorContext): FrameController {
  const sessions = new Map<string, FrameSession>();
  /** setUserOption writes on their way to the server (BX.userOptions.save batches them, §7.6). */
  const pendingUserOptions: { userId: number; write: () => void }[] = [];
  let userOptionTimer: NodeJS.Timeout | null = null;
  const writeUserOptions = (): void => {
    if (userOptionTimer !== null) clearTimeout(userOptionTimer);
    userOptionTimer = null;
    if (pendingUserOptions.length === 0) return;
    for (const pending of pendingUserOptions.splice(0)) pending.write();
    emu.store.save();
  };
  const app = (id: number): AppRecord | undefined => emu.store.state.apps.find((a) => a.id === id);

  return {
    open(request, host) {
      const appId = Number(request.appId ?? 1);
      const record = app(appId);
      if (!record) return { error: 'application not found' };
      const userId = Number(request.user ?? 1);
      const user = emu.portal.user(userId);
      if (!user) return { error: 'user not found' };
      const placement = String(request.placement ?? 'DEFAULT').toUpperCase();
      const lang = String(request.lang ?? emu.options.lang);
      // §1.6: with an empty URL_INSTALL the app counts as installed (ASSUMED).
      const installPending = !record.installed && record.urlInstall !== '';
      let url: string;
      let install = false;
      if (installPending) {
        if (!user.isAdmin || placement !== 'DEFAULT') {
          return { error: 'application is not fully installed' };
        }
        url = record.urlInstall;
        install = true;
      } else if (placement !== 'DEFAULT') {
        const dialogId = String(request.placementOptions?.dialogId ?? '');
        const chatType = /^chat\d+$/i.test(dialogId) ? 'chat' : 'private';
        const bound = emu.store.state.placements
          .filter(
            (p) =>
              p.appId === appId &&
              p.placement === placement &&
              (!placement.startsWith('IM_') ||
                dialogId === '' ||
                contextFits(p.options.context, chatType)),
          )
          .sort((a, b) => a.id - b.id)[0];
        if (!bound) return { error: `placement ${placement} is not bound by the application` };
        url = bound.handler;
      } else {
        url = record.url;
      }
      let appOrigin: string;
      try {
        appOrigin = new URL(url).origin;
      } catch {
        return { error: 'the application handler URL is not valid' };
      }
      const appSid = randomBytes(16).toString('hex');
      const protocol = emu.options.https ? 1 : 0;
      const token = emu.portal.mintToken(userId, appId);
      const placementOptions =
        placement === 'DEFAULT'
          ? (request.placementOptions ?? {})
          : stringValues(request.placementOptions ?? {});
      sessions.set(appSid, {
        appSid,
        appId,
        userId,
        placement,
        placementOptions,
        lang,
        domain: host,
        protocol,
        install,
        token,
      });
      const query =
        `DOMAIN=${encodeURIComponent(host)}&PROTOCOL=${protocol}` +
        `&LANG=${encodeURIComponent(lang)}&APP_SID=${appSid}`;
      const fields: Record<string, string> = {
        AUTH_ID: token.accessToken,
        AUTH_EXPIRES: String(emu.options.tokenLifetimeSeconds),
        REFRESH_ID: token.refreshToken,
        // SERVER_ENDPOINT, APPLICATION_TOKEN, APPLICATION_SCOPE are in the docs but not in the
        // newest public app.layout template (§7.6), so the form does not carry them.
        member_id: emu.store.state.memberId,
        status: record.status,
        PLACEMENT: placement,
      };
      if (Object.keys(placementOptions).length > 0) {
        fields.PLACEMENT_OPTIONS = JSON.stringify(placementOptions);
      }
      return {
        action: `${url}${url.includes('?') ? '&' : '?'}${query}`,
        fields,
        frameName: `${host}|${protocol}|${appSid}`,
        appSid,
        appOrigin,
        method: emu.options.frameLoad === 'get' ? 'GET' : 'POST',
      };
    },

    command(appSid, command, params, pageUrl) {
      const session = sessions.get(appSid);
      if (!session) return { notFound: true };
      const record = app(session.appId);
      const user = emu.portal.user(session.userId);
      if (!record || !user) return { notFound: true };
      const state = emu.store.state;
      const args = (typeof params === 'object' && params !== null ? params : {}) as Record<
        string,
        unknown
      >;
      switch (command) {
        case 'getInitData': {
          const userKey = String(user.id);
          // FIRST_RUN: no saved `install` flag for this app version yet (§1.6 step 2).
          const firstRun = record.installFlags[userKey] !== record.version;
          return {
            reply: {
              DOMAIN: session.domain,
              PROTOCOL: session.protocol,
              PATH: '/rest',
              LANG: session.lang,
              AUTH_ID: session.token.accessToken,
              AUTH_EXPIRES: String(
                Math.max(0, Math.round((session.token.expires - Date.now()) / 1000)),
              ),
              REFRESH_ID: session.token.refreshToken,
              MEMBER_ID: state.memberId,
              IS_ADMIN: user.isAdmin,
              INSTALL: session.install,
              FIRST_RUN: firstRun,
              APP_OPTIONS: phpObject(record.options),
              USER_OPTIONS: phpObject(record.userOptions[userKey] ?? {}),
              PLACEMENT: session.placement,
              // Some portal versions hand it over as JSON text (§7.6, SDK issue #20).
              PLACEMENT_OPTIONS: emu.scenarios.fire('placement-options-text', null)
                ? JSON.stringify(session.placementOptions)
                : phpObject(session.placementOptions),
            },
          };
        }
        case 'setInstall': {
          record.installFlags[String(user.id)] = record.version;
          emu.store.save();
          return { reply: args };
        }
        case 'setInstallFinish': {
          let finished = false;
          if (user.isAdmin) {
            record.installed = args.value !== false;
            finished = record.installed;
            emu.store.save();
          }
          return {
            navigate: withQuery(
              pageUrl ?? defaultPage(session),
              'install_finished',
              finished ? 'Y' : 'N',
            ),
          };
        }
        case 'refreshAuth': {
          if (emu.scenarios.fire('refresh-fails', null)) {
            // The portal page shows an alert and sends no reply; the SDK gives up after 10 s
            // (§7.6, public core-business applayout.js).
            return { noReply: true, alert: 'Authorization error. Please reload the page.' };
          }
          session.token = emu.portal.mintToken(session.userId, session.appId);
          return {
            reply: {
              AUTH_ID: session.token.accessToken,
              // A number after a refresh (§7.6), a string in getInitData (§2.6).
              AUTH_EXPIRES: emu.options.tokenLifetimeSeconds,
              REFRESH_ID: session.token.refreshToken,
            },
          };
        }
        case 'setAppOption': {
          if (!user.isAdmin) return { noReply: true };
          record.options[String(args.name ?? '')] = args.value;
          emu.store.save();
          return { reply: record.options };
        }
        case 'setUserOption': {
          // Answered at once, written up to 5 s later (§7.6, BX.userOptions.save in core_ajax.js).
          const key = String(user.id);
          const name = String(args.name ?? '');
          const value = args.value;
          pendingUserOptions.push({
            userId: user.id,
            write: () => {
              record.userOptions[key] ??= {};
              record.userOptions[key][name] = value;
            },
          });
          userOptionTimer ??= setTimeout(writeUserOptions, emu.options.userOptionDelayMs);
          return { reply: { name: args.name, value: args.value } };
        }
        case 'getInterface':
          return { reply: { command: [], event: [] } };
        default:
          return { noReply: true };
      }
    },

    placementsFor(chatType, placementCodes) {
      const bound = emu.store.state.placements.filter(
        (p) => placementCodes.includes(p.placement) && contextFits(p.options.context, chatType),
      );
      return [...new Set(bound.map((p) => p.placement))];
    },

    flush: writeUserOptions,

    pageHit(userId) {
      const mine = pendingUserOptions.filter((p) => p.userId === userId);
      if (mine.length === 0) return;
      for (const pending of mine) {
        pendingUserOptions.splice(pendingUserOptions.indexOf(pending), 1);
        pending.write();
      }
      emu.store.save();
    },
  };
}

function defaultPage(session: FrameSession): string {
  const base =
    session.placement === 'DEFAULT'
      ? `/marketplace/app/${session.appId}/`
      : `/online/?IM_DIALOG=${encodeURIComponent(String(session.placementOptions.dialogId ?? ''))}`;
  return withQuery(withQuery(base, 'user', String(session.userId)), 'lang', session.lang);
}

/** Sets one query parameter on a same-origin path (absolute URLs are reduced to their path). */
function withQuery(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}
