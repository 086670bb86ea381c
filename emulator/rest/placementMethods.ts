import { RestError } from '../RestError.ts';
import { isParams, paramText } from '../params.ts';
import type { Params } from '../params.ts';
import type { PlacementRecord } from '../types.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/** Placement codes per scope the emulator knows (portal reference §5.1). */
const PLACEMENTS_BY_SCOPE: Record<string, string[]> = {
  im: ['IM_TEXTAREA', 'IM_SIDEBAR', 'IM_CONTEXT_MENU', 'IM_NAVIGATION'],
};
const COLORS = [
  'RED',
  'GREEN',
  'MINT',
  'LIGHT_BLUE',
  'DARK_BLUE',
  'PURPLE',
  'AQUA',
  'PINK',
  'LIME',
  'BROWN',
  'AZURE',
  'KHAKI',
  'SAND',
  'ORANGE',
  'MARENGO',
  'GRAY',
  'GRAPHITE',
];
const CONTEXTS = ['USER', 'CHAT', 'LINES', 'CRM'];

/** `placement.bind/unbind/get/list` (portal reference §5.1): app context, admin, scope `placement`. */
export const placementMethods: MethodTable = {
  'placement.bind': { scope: ['placement'], appOnly: true, run: bind },
  'placement.unbind': { scope: ['placement'], appOnly: true, run: unbind },
  'placement.get': { scope: ['placement'], appOnly: true, run: get },
  'placement.list': { scope: ['placement'], appOnly: true, run: list },
};

function requireAdmin(call: CallContext): void {
  if (!call.user.isAdmin) throw new RestError(403, 'ACCESS_DENIED', 'Access denied!');
}

/** Argument errors are 400 from core code; the docs page says 200 (switch, portal reference §5.1). */
function argumentError(
  call: CallContext,
  code: string,
  text: string,
  argument?: string,
): RestError {
  const status = call.emu.options.placementErrors200 ? 200 : 400;
  return new RestError(status, code, text, argument ? { argument } : undefined);
}

function availablePlacements(call: CallContext): string[] {
  const app = call.emu.store.state.apps.find((a) => a.id === call.auth.appId);
  return (app?.scope ?? []).flatMap((scope) => PLACEMENTS_BY_SCOPE[scope] ?? []);
}

function upperParams(params: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== undefined) out[key.toUpperCase()] = value;
  }
  return out;
}

/** The PLACEMENT parameter, upper-cased; empty ⇒ the portal's ERROR_ARGUMENT. */
function requirePlacement(call: CallContext, p: Params): string {
  const placement = paramText(p.PLACEMENT).trim().toUpperCase();
  if (placement === '') {
    throw argumentError(
      call,
      'ERROR_ARGUMENT',
      "Argument 'PLACEMENT' is null or empty",
      'PLACEMENT',
    );
  }
  return placement;
}

function bind(call: CallContext): unknown {
  requireAdmin(call);
  const p = upperParams(call.params);
  const placement = requirePlacement(call, p);
  if (placement === 'DEFAULT')
    throw argumentError(call, 'ERROR_ARGUMENT', 'Wrong value', 'PLACEMENT');
  const handler = paramText(p.HANDLER).trim();
  if (handler === '') {
    throw argumentError(call, 'ERROR_ARGUMENT', "Argument 'HANDLER' is null or empty", 'HANDLER');
  }
  checkHandler(call, handler);
  if (!availablePlacements(call).includes(placement)) {
    throw argumentError(call, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found');
  }
  const userId = Number(paramText(p.USER_ID)) || 0;
  if (userId > 0) {
    throw argumentError(call, 'ERROR_PLACEMENT_USER_MODE', 'User mode is not available.');
  }
  const options = imOptions(call, placement, isParams(p.OPTIONS) ? p.OPTIONS : {});
  const state = call.emu.store.state;
  const appId = call.auth.appId ?? 0;
  if (
    state.placements.some(
      (x) => x.appId === appId && x.placement === placement && x.handler === handler,
    )
  ) {
    throw new RestError(
      400,
      'ERROR_CORE',
      'Unable to set placement handler: Handler already binded',
    );
  }
  const app = state.apps.find((a) => a.id === appId);
  const langAll: PlacementRecord['langAll'] = {};
  if (isParams(p.LANG_ALL)) {
    for (const [lang, entry] of Object.entries(p.LANG_ALL)) {
      if (!isParams(entry)) continue;
      langAll[lang] = {
        TITLE: paramText(entry.TITLE),
        DESCRIPTION: paramText(entry.DESCRIPTION),
        GROUP_NAME: paramText(entry.GROUP_NAME),
      };
    }
  }
  state.placements.push({
    id: state.nextIds.placement++,
    appId,
    placement,
    handler,
    userId: 0,
    title: paramText(p.TITLE) || (app?.name ?? ''),
    description: paramText(p.DESCRIPTION),
    groupName: paramText(p.GROUP_NAME),
    options,
    langAll,
  });
  call.emu.store.save();
  return true;
}

/** HandlerHelper's URL check: parsable, a dot in the host not at position 0, http(s). */
function checkHandler(call: CallContext, handler: string): void {
  let url: URL;
  try {
    url = new URL(handler);
  } catch {
    throw argumentError(call, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL');
  }
  const dot = url.hostname.indexOf('.');
  if (!call.emu.options.allowLocalHandlers && dot <= 0) {
    throw argumentError(call, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw argumentError(call, 'ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported handler protocol');
  }
}

/** Keeps only the option keys IM placements know, validated and coerced (portal reference §5.1). */
function imOptions(
  call: CallContext,
  placement: string,
  raw: Params,
): Record<string, string | number> {
  if (placement !== 'IM_TEXTAREA' && placement !== 'IM_SIDEBAR') return {};
  const iconName = paramText(raw.iconName).trim();
  if (iconName === '' || iconName.length > 50 || !/^[A-Za-z -]+$/.test(iconName)) {
    const text = iconName === '' ? "Argument 'iconName' is null or empty" : 'Wrong value';
    throw argumentError(call, 'ERROR_ARGUMENT', text, 'iconName');
  }
  const extranet = paramText(raw.extranet).toUpperCase() === 'Y' ? 'Y' : 'N';
  let context = paramText(raw.context).toUpperCase() || 'ALL';
  const contexts = context
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  if (contexts.includes('ALL')) context = 'ALL';
  else if (contexts.length === 0 || contexts.some((c) => !CONTEXTS.includes(c))) {
    throw argumentError(call, 'ERROR_ARGUMENT', 'Wrong value', 'context');
  } else context = contexts.join(';');
  const role = paramText(raw.role).toUpperCase() === 'ADMIN' ? 'ADMIN' : 'USER';
  const color = paramText(raw.color).toUpperCase();
  const out: Record<string, string | number> = { iconName, extranet, context, role };
  if (COLORS.includes(color)) out.color = color;
  if (placement === 'IM_TEXTAREA') {
    for (const key of ['width', 'height'] as const) {
      const n = Number(paramText(raw[key]));
      out[key] = Number.isInteger(n) && n >= 0 && paramText(raw[key]) !== '' ? n : 100;
    }
  }
  return out;
}

function unbind(call: CallContext): unknown {
  requireAdmin(call);
  const p = upperParams(call.params);
  const placement = requirePlacement(call, p);
  const handler = paramText(p.HANDLER).trim();
  const state = call.emu.store.state;
  const before = state.placements.length;
  state.placements = state.placements.filter(
    (x) =>
      !(
        x.appId === call.auth.appId &&
        x.placement === placement &&
        (handler === '' || x.handler === handler)
      ),
  );
  const deleted = before - state.placements.length;
  call.emu.store.save();
  // The real count grows by 2 per deleted handler (documented quirk, portal reference §5.1).
  return { count: deleted * 2 };
}

function get(call: CallContext): unknown {
  requireAdmin(call);
  return call.emu.store.state.placements
    .filter((x) => x.appId === call.auth.appId)
    .sort((a, b) => a.id - b.id)
    .map((x) => ({
      placement: x.placement,
      userId: x.userId,
      handler: x.handler,
      options: Object.keys(x.options).length === 0 ? [] : x.options,
      title: x.title,
      description: x.description,
      langAll: Object.keys(x.langAll).length === 0 ? [] : x.langAll,
    }));
}

function list(call: CallContext): unknown {
  return availablePlacements(call);
}
