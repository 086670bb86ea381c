// @ts-check
// The BB codes a Bitrix24 message text carries (portal reference §7.5: texts are rewritten on
// read, mentions as [USER=id]Name[/USER], bare links as [URL=…]…[/URL]) parsed into a small tree,
// so the message view can build DOM nodes from it. Pure (no DOM): the text stays data; a tag the
// view does not know, or one that is not closed, stays visible as the text it was (assumed: the
// real messenger shows unknown codes as typed).

/** Tags the view renders. `URL` without a value takes its own text as the address. */
const TAGS = new Set(['USER', 'CHAT', 'URL', 'B', 'I', 'U', 'S']);
const TAG = /\[(\/?)([A-Za-z]+)(?:=([^\]]*))?\]/g;

/**
 * @typedef {{ type: 'text', text: string }} BbText
 * @typedef {{ type: 'tag', name: string, value: string, children: BbNode[] }} BbTag
 * @typedef {BbText | BbTag} BbNode
 */

/**
 * Parses a message text into text runs and known tags (names upper-case). Never throws.
 * @param {unknown} text
 * @returns {BbNode[]}
 */
export function parseBbCode(text) {
  const source = String(text ?? '');
  /** @type {{ tag: BbTag | null, raw: string, children: BbNode[] }[]} */
  const stack = [{ tag: null, raw: '', children: [] }];
  const top = () => /** @type {(typeof stack)[number]} */ (stack[stack.length - 1]);
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [raw, slash, rawName, value] = match;
    const name = String(rawName).toUpperCase();
    if (!TAGS.has(name)) continue;
    pushText(top().children, source.slice(last, match.index));
    last = match.index + raw.length;
    if (!slash) {
      // A link inside a link is not a link (nested <a> is invalid HTML): kept as text.
      const insideUrl = name === 'URL' && stack.some((open) => open.tag?.name === 'URL');
      if (insideUrl) pushText(top().children, raw);
      else
        stack.push({
          tag: { type: 'tag', name, value: value ?? '', children: [] },
          raw,
          children: [],
        });
      continue;
    }
    const depth = findOpen(stack, name);
    if (depth < 0) {
      pushText(top().children, raw);
      continue;
    }
    while (stack.length - 1 > depth) unwrap(stack);
    const open = /** @type {(typeof stack)[number]} */ (stack.pop());
    const tag = /** @type {BbTag} */ (open.tag);
    tag.children = open.children;
    top().children.push(tag);
  }
  pushText(top().children, source.slice(last));
  while (stack.length > 1) unwrap(stack);
  return /** @type {(typeof stack)[number]} */ (stack[0]).children;
}

/**
 * The text a person reads, tags removed (for one-line previews).
 * @param {BbNode[]} nodes
 * @returns {string}
 */
export function bbPlainText(nodes) {
  return nodes
    .map((node) => (node.type === 'text' ? node.text : bbPlainText(node.children)))
    .join('');
}

/**
 * @param {{ tag: BbTag | null }[]} stack
 * @param {string} name
 * @returns {number} index of the innermost open `name`, or -1
 */
function findOpen(stack, name) {
  for (let index = stack.length - 1; index > 0; index -= 1) {
    if (stack[index]?.tag?.name === name) return index;
  }
  return -1;
}

/**
 * An opening tag never closed: its raw text and its children go back to the parent as they were.
 * @param {{ tag: BbTag | null, raw: string, children: BbNode[] }[]} stack
 */
function unwrap(stack) {
  const open = /** @type {(typeof stack)[number]} */ (stack.pop());
  const parent = /** @type {(typeof stack)[number]} */ (stack[stack.length - 1]);
  pushText(parent.children, open.raw);
  for (const child of open.children) {
    if (child.type === 'text') pushText(parent.children, child.text);
    else parent.children.push(child);
  }
}

/**
 * @param {BbNode[]} nodes
 * @param {string} text
 */
function pushText(nodes, text) {
  if (!text) return;
  const previous = nodes[nodes.length - 1];
  if (previous?.type === 'text') previous.text += text;
  else nodes.push({ type: 'text', text });
}
