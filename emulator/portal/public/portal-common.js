// @ts-check
/* global document, location, fetch, console, URL, URLSearchParams */
// Shared helpers of the emulator's portal pages (messenger.html, app.html).
// Plain browser ES module, no build step: the emulator serves this folder at /_emulator/static/.

import { LANGS, localeOf, pluralizer, translator } from './portalI18n.js';

/**
 * Seed users of the emulator (brief: "Seed data"). The server has no user-list endpoint for the
 * UI, so the switcher lists them here.
 * @type {ReadonlyArray<{ id: number, name: string }>}
 */
export const USERS = [
  { id: 1, name: 'John Smith' },
  { id: 2, name: 'Anna Petrova' },
  { id: 3, name: 'Max Müller' },
  { id: 4, name: 'Lena Koch' },
];

export { LANGS, localeOf, pluralizer, translator };

/**
 * @typedef {object} PortalBootstrap
 * @property {number} userId
 * @property {boolean} isAdmin
 * @property {string} lang
 * @property {string|null} dialogId
 * @property {number} appId
 * @property {string} portalOrigin
 * @property {'post'|'get'} [frameLoad]
 */

/**
 * Reads the JSON the server injects as `<script id="portal-bootstrap" type="application/json">`.
 * Falls back to the page query so a page opened without injection still works.
 * @returns {PortalBootstrap}
 */
export function readBootstrap() {
  const query = new URLSearchParams(location.search);
  /** @type {Partial<PortalBootstrap>} */
  let injected = {};
  const node = document.getElementById('portal-bootstrap');
  if (node && node.textContent) {
    try {
      const parsed = JSON.parse(node.textContent);
      if (parsed && typeof parsed === 'object') injected = parsed;
    } catch (error) {
      console.warn('[portal] bad portal-bootstrap JSON', error);
    }
  }
  const userId = Number(injected.userId ?? query.get('user') ?? 1) || 1;
  const lang = String(injected.lang ?? query.get('lang') ?? 'en');
  return {
    userId,
    isAdmin: Boolean(injected.isAdmin ?? userId === 1),
    // Kept as given (the app gets it as LANG); the portal's own strings fall back to English.
    lang: /^[a-z]{2}(?:[-_][a-z]{2})?$/i.test(lang) ? lang : 'en',
    dialogId: injected.dialogId ?? query.get('IM_DIALOG') ?? null,
    appId: Number(injected.appId ?? 1) || 1,
    portalOrigin: String(injected.portalOrigin ?? location.origin),
    frameLoad: injected.frameLoad === 'get' ? 'get' : 'post',
  };
}

/**
 * Creates an element. Text goes through `textContent` only: file names, messages and chat
 * names are data, never markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props] attributes; `text` sets textContent, `className`
 *   sets the class, `on<Event>` functions become listeners, `dataset` an object of data-*.
 * @param {Array<Node|string|null|undefined|false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * GET a JSON endpoint of the emulator. Resolves `{ ok, status, body }`, never throws on HTTP
 * errors; a network failure resolves `{ ok: false, status: 0, body: null }`.
 * @param {string} path
 * @returns {Promise<{ ok: boolean, status: number, body: any }>}
 */
export function getJson(path) {
  return requestJson(path, { method: 'GET' });
}

/**
 * POST a JSON body to an emulator endpoint (same result shape as {@link getJson}).
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<{ ok: boolean, status: number, body: any }>}
 */
export function postJson(path, body) {
  return requestJson(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * @param {string} path
 * @param {RequestInit} init
 * @returns {Promise<{ ok: boolean, status: number, body: any }>}
 */
async function requestJson(path, init) {
  try {
    const response = await fetch(path, { ...init, cache: 'no-store' });
    const text = await response.text();
    let body = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = { error: text };
      }
    }
    return { ok: response.ok, status: response.status, body };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

/**
 * Turns whatever an endpoint put in `error` into readable text.
 * @param {unknown} error
 * @returns {string}
 */
export function errorText(error) {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const e = /** @type {Record<string, unknown>} */ (error);
    const text = e.message ?? e.error_description ?? e.description ?? e.code ?? e.error;
    if (text !== undefined) return String(text);
  }
  return JSON.stringify(error);
}

/**
 * Human-readable size, binary units like the Bitrix24 chat ("1.5 MB").
 * @param {number} bytes
 * @returns {string}
 */
export function formatSize(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${shown} ${units[unit]}`;
}

/**
 * Formats a message date (ISO string or epoch ms/s) as a short local time.
 * @param {string|number} date
 * @param {string} lang
 * @returns {string}
 */
export function formatTime(date, lang) {
  let value = date;
  if (typeof value === 'number' && value < 1e12) value *= 1000;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return '';
  return parsed.toLocaleTimeString(localeOf(lang), { hour: '2-digit', minute: '2-digit' });
}

/**
 * A URL of this page with some query parameters replaced (`null` removes one).
 * @param {Record<string, string|number|null>} changes
 * @returns {string}
 */
export function withQuery(changes) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search + url.hash;
}

/**
 * Builds the portal header (logo, page title, user and language switchers). Switching reloads
 * the page with the query changed, as the server renders the bootstrap for that user/lang.
 * @param {PortalBootstrap} boot
 * @param {string} title
 * @returns {HTMLElement}
 */
export function renderPortalHeader(boot, title) {
  const t = translator(boot.lang);
  const userSelect = el(
    'select',
    {
      'data-testid': 'user-switcher',
      'aria-label': t('user'),
      /** @param {Event} event */
      onChange: (event) => {
        location.href = withQuery({ user: /** @type {HTMLSelectElement} */ (event.target).value });
      },
    },
    USERS.map((user) =>
      el('option', { value: user.id, selected: user.id === boot.userId, text: user.name }),
    ),
  );
  const langSelect = el(
    'select',
    {
      'data-testid': 'lang-switcher',
      'aria-label': t('language'),
      /** @param {Event} event */
      onChange: (event) => {
        location.href = withQuery({ lang: /** @type {HTMLSelectElement} */ (event.target).value });
      },
    },
    (LANGS.includes(boot.lang) ? LANGS : [...LANGS, boot.lang]).map((lang) =>
      el('option', { value: lang, selected: lang === boot.lang, text: lang.toUpperCase() }),
    ),
  );
  return el('header', { className: 'portal-header' }, [
    el('a', { className: 'portal-logo', href: `/online/?user=${boot.userId}&lang=${boot.lang}` }, [
      el('span', { text: 'Bitrix' }),
      el('span', { className: 'portal-logo-24', text: '24' }),
    ]),
    el('span', { className: 'portal-header-title', text: title }),
    el('span', { className: 'portal-header-spacer' }),
    el('label', { className: 'portal-switch' }, [el('span', { text: t('user') }), userSelect]),
    el('label', { className: 'portal-switch' }, [el('span', { text: t('language') }), langSelect]),
  ]);
}
