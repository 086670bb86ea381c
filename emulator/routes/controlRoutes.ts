import { isScenarioName } from '../createScenarioController.ts';
import { sendJson } from '../httpHelpers.ts';
import { rewriteMessageText } from '../rewriteMessageText.ts';
import type { ScenarioOptions } from '../types.ts';
import { readJsonBody } from './readJsonBody.ts';
import type { PortalRoutesDeps, Route } from './routeTypes.ts';

const MODES = ['before', 'after', 'login', 'maintenance'] as const;

/** Scenario options from a control request body; wrong types are ignored. */
function scenarioOptions(body: Record<string, unknown>): ScenarioOptions {
  const number = (key: string): number | undefined =>
    typeof body[key] === 'number' ? body[key] : undefined;
  const mode = MODES.find((m) => m === body.mode);
  return {
    count: number('count'),
    delayMs: number('delayMs'),
    method: typeof body.method === 'string' ? body.method : undefined,
    status: number('status'),
    mode,
    seconds: number('seconds'),
  };
}

/**
 * `/_emulator/*`: control endpoints for tests and `npm start` (health, scenario, uploads, reset,
 * chat messages) and the JSON endpoints the portal pages call (ui/*, frame/*).
 */
export function controlRoutes(deps: PortalRoutesDeps): Route[] {
  const { emu, frames } = deps;
  const userParam = (url: URL): number => Number(url.searchParams.get('user') ?? 1);
  return [
    {
      path: /^\/_emulator\/health\/?$/,
      handle: ({ res, origin }) => sendJson(res, 200, { ok: true, url: origin }),
    },
    {
      method: 'POST',
      path: /^\/_emulator\/scenario\/?$/,
      async handle({ req, res }) {
        const body = await readJsonBody(req, emu.store.tmpDir);
        const name = String(body.name ?? '');
        if (!isScenarioName(name)) {
          sendJson(res, 400, { error: `Unknown scenario "${name}"` });
          return;
        }
        emu.scenarios.set(name, scenarioOptions(body));
        sendJson(res, 200, { scenario: emu.scenarios.current() });
      },
    },
    {
      method: 'DELETE',
      path: /^\/_emulator\/scenario\/?$/,
      handle({ res }) {
        emu.scenarios.clear();
        sendJson(res, 200, { scenario: null });
      },
    },
    {
      path: /^\/_emulator\/scenario\/?$/,
      handle: ({ res }) => sendJson(res, 200, { scenario: emu.scenarios.current() }),
    },
    {
      path: /^\/_emulator\/uploads\/?$/,
      handle: ({ res }) => sendJson(res, 200, emu.store.state.uploads),
    },
    {
      // TEST CONTROL (not portal behaviour): advance the operating limiter's clock by
      // `advanceMs`, so a test sees the 600 s window pass in seconds (README).
      method: 'POST',
      path: /^\/_emulator\/operating-clock\/?$/,
      async handle({ req, res }) {
        const body = await readJsonBody(req, emu.store.tmpDir);
        const advanceMs = Number(body.advanceMs);
        if (!Number.isFinite(advanceMs) || advanceMs < 0) {
          sendJson(res, 400, { error: 'advanceMs must be a non-negative number' });
          return;
        }
        emu.operatingClock.offsetMs += advanceMs;
        sendJson(res, 200, { offsetMs: emu.operatingClock.offsetMs });
      },
    },
    {
      method: 'POST',
      path: /^\/_emulator\/reset\/?$/,
      handle({ res }) {
        deps.reset();
        sendJson(res, 200, { ok: true });
      },
    },
    {
      path: /^\/_emulator\/chats\/(\d+)\/messages\/?$/,
      handle: ({ res, origin, match }) =>
        sendJson(res, 200, deps.messages(Number(match?.[1]), origin)),
    },
    {
      path: /^\/_emulator\/ui\/chats\/?$/,
      handle({ res, url }) {
        const userId = userParam(url);
        const { portal } = emu;
        const chats = portal.visibleChats(userId).map((chat) => {
          const messages = portal.messagesOf(chat.id);
          const last = messages[messages.length - 1];
          const fileId = last?.fileIds[0];
          const lastFile = fileId !== undefined ? portal.file(fileId) : undefined;
          return {
            dialogId: portal.dialogIdOf(chat, userId),
            chatId: chat.id,
            name: portal.chatTitle(chat, userId),
            kind: chat.type === 'chat' ? 'chat' : 'user',
            avatarColor: chat.color,
            ...(last
              ? {
                  lastMessage: last.text
                    ? rewriteMessageText(last.text, portal.userName)
                    : (lastFile?.name ?? ''),
                }
              : {}),
          };
        });
        sendJson(res, 200, chats);
      },
    },
    {
      path: /^\/_emulator\/ui\/placements\/?$/,
      handle({ res, url }) {
        const dialogId = url.searchParams.get('dialogId') ?? '';
        const lookup = emu.portal.resolveDialog(userParam(url), dialogId, null);
        const codes = ['IM_SIDEBAR', 'IM_TEXTAREA'];
        sendJson(
          res,
          200,
          lookup.kind === 'ok' ? frames.placementsFor(lookup.chat.type, codes) : [],
        );
      },
    },
    {
      path: /^\/_emulator\/ui\/messages\/?$/,
      async handle({ req, res, url, origin }) {
        const post = req.method === 'POST';
        const body = post ? await readJsonBody(req, emu.store.tmpDir) : {};
        const userId = Number(post ? (body.user ?? 1) : userParam(url));
        const dialogId = String(
          post ? (body.dialogId ?? '') : (url.searchParams.get('dialogId') ?? ''),
        );
        const lookup = emu.portal.resolveDialog(userId, dialogId, null);
        if (lookup.kind !== 'ok') {
          const denied = lookup.kind === 'denied';
          sendJson(res, denied ? 403 : 404, {
            error: denied ? 'You do not have access to this chat' : 'Chat not found',
          });
          return;
        }
        if (post) {
          const message = emu.portal.postMessage(
            lookup.chat.id,
            userId,
            String(body.text ?? ''),
            [],
          );
          sendJson(res, 200, { id: message.id });
          return;
        }
        const shown = deps.messages(lookup.chat.id, origin);
        // Opening a chat in the messenger reads it (drives the unread rules of §7.5).
        const newest = shown[shown.length - 1];
        if (newest) emu.portal.markRead(userId, lookup.chat.id, newest.id);
        sendJson(
          res,
          200,
          shown.map((m) => ({
            id: m.id,
            authorId: m.authorId,
            authorName: emu.portal.userName(m.authorId),
            text: rewriteMessageText(m.text, emu.portal.userName),
            date: m.date,
            files: m.files.map((f) => ({
              id: f.id,
              name: f.name,
              size: f.size,
              urlDownload: f.urlDownload,
            })),
          })),
        );
      },
    },
    {
      method: 'POST',
      path: /^\/_emulator\/frame\/open\/?$/,
      async handle({ req, res, origin }) {
        const body = await readJsonBody(req, emu.store.tmpDir);
        const options = body.placementOptions;
        const result = frames.open(
          {
            user: Number(body.user ?? 1),
            placement: typeof body.placement === 'string' ? body.placement : 'DEFAULT',
            placementOptions:
              typeof options === 'object' && options !== null && !Array.isArray(options)
                ? (options as Record<string, unknown>)
                : {},
            lang: typeof body.lang === 'string' && body.lang ? body.lang : emu.options.lang,
            appId: Number(body.appId ?? 1),
          },
          req.headers.host ?? new URL(origin).host,
        );
        sendJson(res, 200, result);
      },
    },
    {
      method: 'POST',
      path: /^\/_emulator\/frame\/command\/?$/,
      async handle({ req, res }) {
        const body = await readJsonBody(req, emu.store.tmpDir);
        const result = frames.command(
          String(body.appSid ?? ''),
          String(body.command ?? ''),
          body.params,
          typeof body.pageUrl === 'string' ? body.pageUrl : undefined,
        );
        if ('notFound' in result) sendJson(res, 404, { error: 'Unknown frame session' });
        else sendJson(res, 200, result);
      },
    },
    { prefix: '/_emulator/', handle: ({ res }) => sendJson(res, 404, { error: 'Not found' }) },
  ];
}
