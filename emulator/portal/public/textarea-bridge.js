// @ts-check
/* global window */
// The messenger's textarea bridge: answers `im:getImTextareaContent` / `im:setImTextareaContent`
// sent by app frames with `$b24.parent.message.send('im:…', …)`.
//
// Real portals handle these in the messenger (im.v2 IframeCommunicationManager, market.bundle.js),
// not in the app-layout object, so the appSid is not checked. Rules: docs/portal-reference.md §2.7.

import { isRegisteredFrameOrigin } from './portal-frame.js';

const METHODS = ['im:getImTextareaContent', 'im:setImTextareaContent'];

/**
 * @typedef {object} TextareaAccess
 * @property {() => string|null} getDialogId the open dialog, null when none is open
 * @property {() => string} getText current content of the open chat's input
 * @property {(text: string) => void} setText replaces the content of the open chat's input
 */

/**
 * Starts answering the bridge on this window.
 * @param {TextareaAccess} access
 * @returns {() => void} stops answering
 */
export function installTextareaBridge(access) {
  /** @param {MessageEvent} event */
  const onMessage = (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
    if (!METHODS.includes(data.method)) return;
    if (typeof data.requestId !== 'string' || data.requestId === '') return;
    const params = data.params;
    if (typeof params !== 'string' && (params === null || typeof params !== 'object')) return;
    if (event.origin !== window.location.origin && !isRegisteredFrameOrigin(event.origin)) return;

    const payload = handle(access, data.method, params);
    const callback = typeof data.callback === 'string' ? data.callback : '';
    if (!callback || !event.source) return;
    /** @type {Window} */ (event.source).postMessage(
      `${callback}:${JSON.stringify({ requestId: data.requestId, ...payload })}`,
      event.origin,
    );
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

/**
 * @param {TextareaAccess} access
 * @param {string} method
 * @param {unknown} params
 * @returns {Record<string, unknown>} the reply payload
 */
function handle(access, method, params) {
  try {
    if (!access.getDialogId()) throw new Error('No dialog is open in the messenger');
    if (method === 'im:getImTextareaContent') return { text: access.getText() };
    const p = /** @type {Record<string, unknown>} */ (
      params && typeof params === 'object' ? params : {}
    );
    const text = p.text === undefined || p.text === null ? '' : String(p.text);
    const current = access.getText();
    // Portal reference §6.15 (ASSUMED): replace, or append — after a newline when asked and non-empty.
    let next;
    if (p.replace) next = text;
    else if (p.withNewLine && current !== '') next = `${current}\n${text}`;
    else next = current + text;
    access.setText(next);
    return { success: true };
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}
