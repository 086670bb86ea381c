/** `chat<N>`, a user id, or another prefixed id the messenger uses (`sg<N>`, `imol|…`, `crm|…`). */
const DIALOG_ID = /^(?:chat\d+|\d+|sg\d+|[a-z]+\|[^\s]{1,200})$/i;

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asDialogId(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return DIALOG_ID.test(text) ? text : undefined;
}

/**
 * The chat a messenger placement was opened in, from `PLACEMENT_OPTIONS` as the portal hands it to
 * `getInitData`: an object (`{dialogId:"chat5"}`, the docs), JSON text of one (some portal
 * versions; b24jssdk issue #20, which SDK 3.0.0 parses), with string values (the current
 * messenger) or a numeric user id. Returns undefined when there is no recognisable dialog id —
 * `{}`, unparsable text, an empty or malformed value — so the app shows the chat picker and never
 * guesses a chat. The id is always a string (the portal refuses a JSON number, code 100).
 *
 * @example
 * placementDialogId('{"dialogId":"chat5"}') // 'chat5'
 * placementDialogId({ dialogId: 7 }) // '7'
 * placementDialogId('{}') // undefined
 */
export function placementDialogId(options: unknown): string | undefined {
  let value = options;
  // JSON text, possibly encoded twice on the way (a JSON string holding JSON text).
  for (let depth = 0; depth < 2 && typeof value === 'string'; depth++) value = parsed(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return asDialogId(record['dialogId'] ?? record['DIALOG_ID']);
}
