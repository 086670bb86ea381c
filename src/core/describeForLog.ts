/**
 * Credential names whose values never go to a log: the portal's `auth` parameter, OAuth tokens
 * (`access_token`, `refresh_token`) and the frame's `AUTH_ID` / `REFRESH_ID` (contract §1–3).
 * A small core-local cousin of bitrix's `scrubSecrets` (core must not import bitrix).
 */
const CREDENTIAL =
  /\b(auth|access_token|refresh_token|auth_id|refresh_id|application_token)(["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi;

/** Longest line logged: enough for a name, a code and a short message. */
const MAX_LOG_LENGTH = 300;

/**
 * A one-line, redacted description of something thrown, for `console.error`: never the object
 * itself, since an SDK error carries its request (`requestInfo`, with the auth token) and the
 * console shows every field. Only the name, the message and a `code`, with the values of
 * credential parameters (`auth=…`, `access_token`, `AUTH_ID`, `REFRESH_ID`, `refresh_token`)
 * replaced by `***`.
 *
 * @example
 * describeForLog(new Error('POST /rest/x?auth=abc123')) // 'Error: POST /rest/x?auth=***'
 */
export function describeForLog(error: unknown): string {
  let line: string;
  if (error instanceof Error) line = `${error.name}: ${error.message}`;
  else if (typeof error === 'object' && error !== null)
    line = Object.prototype.toString.call(error);
  else line = String(error);
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' || typeof code === 'number') line += ` [${String(code)}]`;
  const redacted = line
    .replace(/\s+/g, ' ')
    .replace(CREDENTIAL, (_match, key: string, separator: string) => `${key}${separator}***`);
  return redacted.length > MAX_LOG_LENGTH ? `${redacted.slice(0, MAX_LOG_LENGTH)}…` : redacted;
}
