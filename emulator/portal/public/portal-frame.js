// @ts-check
/* global window, document, location, console, URL */
// The app-layout host: opens an app in an iframe the way a Bitrix24 portal does and answers the
// app's postMessage commands.
//
// A port of the core `BX.rest.AppLayout` (bitrix/modules/rest/install/js/rest/applayout.js,
// receiveMessage / MessageInterface) and of the app.layout template, as written down in
// docs/portal-reference.md §1.3–§1.5, §2.1–§2.5 and §7.6. Commands that need server state
// (tokens, options, install flags) are forwarded to POST /_emulator/frame/command; the purely
// visual ones are handled here, like the core does in the browser.

import { parseAppMessage } from './parseAppMessage.js';
import { el, errorText, postJson, translator } from './portal-common.js';

/** Commands whose state lives on the server (portal reference §2.5). */
const SERVER_COMMANDS = [
  'getInitData',
  'setInstall',
  'setInstallFinish',
  'refreshAuth',
  'setAppOption',
  'setUserOption',
  'getInterface',
];

/** Commands the parent page carries out itself (portal reference §2.5). */
const CLIENT_COMMANDS = [
  'resizeWindow',
  'setTitle',
  'setScroll',
  'reloadWindow',
  'imOpenMessenger',
  'imOpenHistory',
  'imCallTo',
  'imPhoneTo',
];

/** Portal reference §1.5 (app.layout template): placements other than DEFAULT may not touch the parent page. */
const DENIED_OUTSIDE_DEFAULT = ['setTitle', 'setScroll', 'reloadWindow'];

/** Same permissions as the core template gives the app iframe (portal reference §1.4). */
const FRAME_ALLOW = 'geolocation *; microphone *; camera *; autoplay *;';

/** appSid → { appOrigin, appPort } of every frame open on this page (BX.rest.layoutList). */
const openFrames = new Map();

/**
 * True when `origin` belongs to an app frame currently open on this page (portal reference §2.7:
 * the messenger accepts `im:` requests from the portal itself or any registered app frame;
 * same origin test as the app layout, im.v2 IframeCommunicationManager#isRegisteredAppOrigin).
 * @param {string} origin
 * @returns {boolean}
 */
export function isRegisteredFrameOrigin(origin) {
  for (const frame of openFrames.values()) {
    if (matchesAppOrigin(origin, frame.appOrigin)) return true;
  }
  return false;
}

/**
 * Portal reference §2.3 rule 1 as corrected in §7.6: only the exact app origin
 * (`appProto + '://' + appHost`, newest public core-business applayout.js) is accepted.
 * @param {string} origin
 * @param {string} appOrigin
 * @returns {boolean}
 */
function matchesAppOrigin(origin, appOrigin) {
  return origin === appOrigin;
}

/**
 * @typedef {object} AppFrameOptions
 * @property {number} user portal user the frame is opened for
 * @property {string} placement `DEFAULT`, `IM_SIDEBAR`, `IM_TEXTAREA`, …
 * @property {Record<string, unknown>} [placementOptions]
 * @property {string} lang interface language
 * @property {number} [appId] defaults to 1 (the emulator's default app)
 * @property {'post'|'get'} [frameLoad] how the handler is loaded (portal reference §1.3)
 * @property {(dialogId: string, messageId: number|null) => void} [onOpenMessenger]
 *   `imOpenMessenger`; default: navigate this page to /online/?IM_DIALOG=…
 * @property {(title: string) => void} [onTitle] `setTitle` (DEFAULT placement only)
 * @property {(method: string) => void} [onActivity] called for every accepted command
 */

/**
 * @typedef {object} AppFrame
 * @property {string|null} error the portal's refusal (no iframe is shown then)
 * @property {string} appSid
 * @property {string} appOrigin
 * @property {HTMLIFrameElement|null} iframe
 * @property {HTMLElement} layout the element `resizeWindow` sizes
 * @property {() => void} close removes the frame and stops answering it
 */

/**
 * Opens an app frame inside `container`: asks the server for the handler request
 * (POST /_emulator/frame/open), then submits it into a named iframe and answers the app's
 * postMessage commands until `close()`.
 * @param {HTMLElement} container
 * @param {AppFrameOptions} options
 * @returns {Promise<AppFrame>}
 */
export async function openAppFrame(container, options) {
  const t = translator(options.lang);
  const placement = String(options.placement || 'DEFAULT').toUpperCase();
  const layout = el('div', { className: 'app-layout', 'data-testid': 'app-layout' });
  container.replaceChildren(layout);

  const opened = await postJson('/_emulator/frame/open', {
    user: options.user,
    placement,
    placementOptions: options.placementOptions ?? {},
    lang: options.lang,
    appId: options.appId ?? 1,
  });
  const body = opened.body;
  if (!opened.ok || !body || body.error || !body.action || !body.frameName) {
    const text =
      body && body.error !== undefined
        ? errorText(body.error)
        : opened.status === 0
          ? t('portalUnreachable')
          : `HTTP ${opened.status}`;
    layout.replaceChildren(
      el('div', { className: 'app-error', 'data-testid': 'app-error', role: 'alert' }, [
        el('div', { className: 'app-error-icon', 'aria-hidden': 'true', text: '!' }),
        el('h2', { text: t('appErrorTitle') }),
        el('p', { text }),
      ]),
    );
    return { error: text, appSid: '', appOrigin: '', iframe: null, layout, close: () => {} };
  }

  const appSid = String(body.appSid);
  const appOrigin = String(body.appOrigin);
  const frameName = String(body.frameName);

  const iframe = /** @type {HTMLIFrameElement} */ (
    el('iframe', {
      name: frameName,
      id: `appframe_${appSid}`,
      className: 'app-frame app-loading',
      'data-testid': 'app-frame',
      allow: FRAME_ALLOW,
      frameborder: '0',
      title: t('application'),
    })
  );
  const loader = el('div', { className: 'app-loader', 'data-testid': 'app-loader' }, [
    el('span', { className: 'app-loader-spinner', 'aria-hidden': 'true' }),
    el('span', { text: t('appLoading') }),
  ]);
  const form = el('form', {
    method: 'POST',
    action: String(body.action),
    target: frameName,
    className: 'app-form',
    hidden: true,
  });
  for (const [name, value] of Object.entries(body.fields ?? {})) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    form.append(el('input', { type: 'hidden', name, value: text }));
  }
  // The iframe must be in the document before the form targets its name, or the browser
  // opens a new window instead.
  layout.replaceChildren(loader, iframe);
  iframe.addEventListener('load', () => {
    // Browsers may fire a load for the initial about:blank; wait for the handler's document.
    try {
      if (iframe.contentWindow && iframe.contentWindow.location.href === 'about:blank') return;
    } catch {
      // Cross-origin: the app's page has loaded.
    }
    iframe.classList.remove('app-loading');
    loader.remove();
    // The form holds the tokens; once the frame has them the parent page does not need them.
    form.remove();
  });

  let closed = false;
  /**
   * @param {string} callback
   * @param {unknown} result
   */
  const reply = (callback, result) => {
    if (closed || !callback || !iframe.contentWindow) return;
    // Always a string (the SDK splits event.data at ':'); undefined → nothing after the colon.
    const text = `${callback}:${result === undefined ? '' : JSON.stringify(result)}`;
    iframe.contentWindow.postMessage(text, appOrigin);
  };

  /**
   * @param {string} method
   * @param {unknown} params
   * @param {string} callback
   */
  const runServerCommand = async (method, params, callback) => {
    const answer = await postJson('/_emulator/frame/command', {
      appSid,
      command: method,
      params,
      // setInstallFinish returns to this page with install_finished added (portal reference §1.6).
      pageUrl: location.pathname + location.search,
    });
    if (closed) return;
    const result = answer.body;
    if (!answer.ok || !result || result.error !== undefined) {
      console.warn(`[portal] ${method} failed`, answer.status, result && errorText(result.error));
      return;
    }
    if (typeof result.navigate === 'string') {
      navigateParent(result.navigate);
      return;
    }
    if (result.noReply) {
      // A failed refreshAuth: the core shows an alert and never answers the frame (§7.6).
      if (typeof result.alert === 'string') window.alert(result.alert);
      return;
    }
    reply(callback, result.reply);
  };

  /**
   * @param {string} method
   * @param {unknown} params
   * @param {string} callback
   */
  const runClientCommand = (method, params, callback) => {
    /** @type {Record<string, any>} */
    const p = params && typeof params === 'object' ? params : {};
    switch (method) {
      case 'resizeWindow': {
        // Same arithmetic as the core: '100%' kept, other widths px (0/NaN → 100), height px.
        const width = p.width == '100%' ? p.width : `${parseInt(p.width, 10) || 100}px`;
        const height = parseInt(p.height, 10);
        if (width) layout.style.width = width;
        if (height) layout.style.height = `${height}px`;
        const rect = layout.getBoundingClientRect();
        reply(callback, { width: Math.round(rect.width), height: Math.round(rect.height) });
        return;
      }
      case 'setTitle':
        if (options.onTitle) options.onTitle(String(p.title ?? ''));
        else document.title = String(p.title ?? '');
        reply(callback, params);
        return;
      case 'setScroll':
        if (p.scroll !== undefined && p.scroll >= 0) {
          window.scrollTo(window.scrollX, parseInt(p.scroll, 10));
        }
        reply(callback, params);
        return;
      case 'reloadWindow':
        location.reload();
        return;
      case 'imOpenMessenger': {
        // Never replies (portal reference §2.5); the SDK's isSafely timer settles its promise.
        const dialogId = p.dialogId === undefined ? '' : String(p.dialogId);
        const messageId = Number.parseInt(p.messageId, 10);
        const id = Number.isFinite(messageId) ? messageId : null;
        if (options.onOpenMessenger) options.onOpenMessenger(dialogId, id);
        else openMessengerPage(options, dialogId, id);
        return;
      }
      default:
        // imOpenHistory, imCallTo, imPhoneTo: nothing to show here, and they never reply.
        return;
    }
  };

  /** @param {MessageEvent} event */
  const onMessage = (event) => {
    if (closed) return;
    if (!matchesAppOrigin(event.origin, appOrigin)) return;
    const message = parseAppMessage(event.data);
    if (!message || message.appSid !== appSid) return;
    const { method, params, callback } = message;
    const known = SERVER_COMMANDS.includes(method) || CLIENT_COMMANDS.includes(method);
    if (!known) return;
    if (placement !== 'DEFAULT' && DENIED_OUTSIDE_DEFAULT.includes(method)) return;
    if (options.onActivity) options.onActivity(method);
    if (SERVER_COMMANDS.includes(method)) void runServerCommand(method, params, callback);
    else runClientCommand(method, params, callback);
  };

  // Registered before the handler request is sent: the SDK posts getInitData exactly once and
  // never retries (portal reference §1.3).
  window.addEventListener('message', onMessage);
  openFrames.set(appSid, { appOrigin });

  // The server says how (`method: 'GET'|'POST'`); the page's bootstrap may say so too.
  const frameLoad =
    body.method === 'GET' || body.frameLoad === 'get'
      ? 'get'
      : body.method === 'POST' || body.frameLoad === 'post'
        ? 'post'
        : (options.frameLoad ?? 'post');
  if (frameLoad === 'get') {
    iframe.src = String(body.action);
  } else {
    layout.append(form);
    form.submit();
  }

  return {
    error: null,
    appSid,
    appOrigin,
    iframe,
    layout,
    close: () => {
      if (closed) return;
      closed = true;
      window.removeEventListener('message', onMessage);
      openFrames.delete(appSid);
      layout.remove();
    },
  };
}

/**
 * Follows a server `navigate` answer (setInstallFinish). The core adds `install_finished` to the
 * page's own URL (`BX.util.add_url_param(window.location.href, …)`), so a target on this same
 * page keeps the current query (user, lang, …) and only overrides what it names.
 */
/** @param {string} target */
function navigateParent(target) {
  const next = new URL(target, location.href);
  if (next.origin === location.origin && next.pathname === location.pathname) {
    const merged = new URL(location.href);
    for (const [key, value] of next.searchParams) merged.searchParams.set(key, value);
    merged.hash = next.hash;
    location.href = merged.href;
    return;
  }
  location.href = next.href;
}

/** Default `imOpenMessenger` outside the messenger page: go to the messenger. */
/**
 * @param {AppFrameOptions} options
 * @param {string} dialogId
 * @param {number|null} messageId
 */
function openMessengerPage(options, dialogId, messageId) {
  const url = new URL('/online/', location.href);
  if (dialogId) url.searchParams.set('IM_DIALOG', dialogId);
  if (messageId !== null) url.searchParams.set('IM_MESSAGE', String(messageId));
  url.searchParams.set('user', String(options.user));
  url.searchParams.set('lang', options.lang);
  location.href = url.href;
}
