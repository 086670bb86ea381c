import { randomBytes } from 'node:crypto';
import { randomToken, TOKEN_TTL_SECONDS } from './createPortal.ts';
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
      /** How the page loads the frame: a POSTed form (default) or `iframe.src` (contract §1.3). */
      method: 'POST' | 'GET';
    }
  | { error: string };

export type FrameCommandResult =
  { reply: unknown } | { noReply: true } | { navigate: string } | { notFound: true };

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
  /** Contract §1.2–§1.4: which URL, the POST fields and the frame name; remembers the session. */
  open(request: FrameOpenRequest, host: string): FrameOpenResult;
  /** The server-side part of the postMessage commands (contract §2.5, §2.6, §1.6). */
  command(appSid: string, command: string, params: unknown, pageUrl?: string): FrameCommandResult;
}

/** PHP's empty array is emitted as `[]` (contract §6.13). */
function phpObject(value: Record<string, unknown>): unknown {
  return Object.keys(value).length === 0 ? [] : value;
}

export function createFrameController(emu: EmulatorContext): FrameController {
  const sessions = new Map<string, FrameSession>();
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
      // §1.6: with an empty URL_INSTALL the app counts as installed (contract ASSUMED).
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
        const bound = emu.store.state.placements
          .filter((p) => p.appId === appId && p.placement === placement)
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
      const placementOptions = request.placementOptions ?? {};
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
      const origin = `${protocol === 1 ? 'https' : 'http'}://${host}`;
      const fields: Record<string, string> = {
        AUTH_ID: token.accessToken,
        AUTH_EXPIRES: String(TOKEN_TTL_SECONDS),
        REFRESH_ID: token.refreshToken,
        SERVER_ENDPOINT: `${origin}/rest/`,
        APPLICATION_TOKEN: record.applicationToken,
        APPLICATION_SCOPE: record.scope.join(','),
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
              PLACEMENT_OPTIONS: phpObject(session.placementOptions),
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
            // "No usable token": well-formed, but unknown to the portal ⇒ invalid_token.
            return {
              reply: {
                AUTH_ID: randomToken(),
                AUTH_EXPIRES: String(TOKEN_TTL_SECONDS),
                REFRESH_ID: randomToken(),
              },
            };
          }
          session.token = emu.portal.mintToken(session.userId, session.appId);
          return {
            reply: {
              AUTH_ID: session.token.accessToken,
              AUTH_EXPIRES: String(TOKEN_TTL_SECONDS),
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
          const key = String(user.id);
          record.userOptions[key] ??= {};
          record.userOptions[key][String(args.name ?? '')] = args.value;
          emu.store.save();
          return { reply: { name: args.name, value: args.value } };
        }
        case 'getInterface':
          return { reply: { command: [], event: [] } };
        default:
          return { noReply: true };
      }
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
