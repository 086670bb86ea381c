// @ts-check
/* global location, URL */
// A message text as the real messenger shows it: mentions as the person's name, [URL] as a
// link, [B]/[I]/[U]/[S] as emphasis (portal reference §7.5). Built from DOM nodes only: the text
// is data, never markup (no innerHTML anywhere on this path).

import { el } from './portal-common.js';
import { bbPlainText, parseBbCode } from './parseBbCode.js';

/** @typedef {import('./parseBbCode.js').BbNode} BbNode */

/** Tag → element for the emphasis codes. */
const EMPHASIS = /** @type {const} */ ({ B: 'strong', I: 'em', U: 'u', S: 's' });

/**
 * The message-text element for a (BB-coded) message text.
 * @param {string} text
 * @returns {HTMLElement}
 */
export function renderMessageText(text) {
  return el(
    'div',
    { className: 'message-text', 'data-testid': 'message-text' },
    renderNodes(parseBbCode(text)),
  );
}

/**
 * @param {BbNode[]} nodes
 * @returns {Array<Node|string>}
 */
function renderNodes(nodes) {
  return nodes.map((node) => (node.type === 'text' ? node.text : renderTag(node)));
}

/**
 * @param {import('./parseBbCode.js').BbTag} tag
 * @returns {Node}
 */
function renderTag(tag) {
  const children = renderNodes(tag.children);
  if (tag.name === 'USER' || tag.name === 'CHAT') {
    return el(
      'span',
      {
        className: 'message-mention',
        'data-testid': 'message-mention',
        dataset: tag.name === 'USER' ? { userId: tag.value } : { chatId: tag.value },
      },
      children,
    );
  }
  if (tag.name === 'URL') {
    const address = tag.value || bbPlainText(tag.children);
    const href = safeHref(address);
    // A javascript:/data: address stays visible as text, never a link (assumed, as a safe default).
    if (href === '#') return el('span', {}, [`[URL=${tag.value}]`, ...children, '[/URL]']);
    return el(
      'a',
      { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'message-link' },
      children.length > 0 ? children : [address],
    );
  }
  const emphasis = EMPHASIS[/** @type {keyof typeof EMPHASIS} */ (tag.name)];
  return emphasis ? el(emphasis, {}, children) : el('span', {}, children);
}

/**
 * Only http(s) and relative links are rendered; anything else (javascript:, data:) is dropped.
 * @param {unknown} url
 * @returns {string} the absolute address, or `#`
 */
export function safeHref(url) {
  try {
    const parsed = new URL(String(url ?? ''), location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}
