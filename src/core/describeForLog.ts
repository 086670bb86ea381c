import { scrubSecrets } from './scrubSecrets.ts';

/** Longest line logged: enough for a name, a code and a short message. */
const MAX_LOG_LENGTH = 300;

/**
 * A one-line, redacted description of something thrown, for `console.error`: never the object
 * itself, since an SDK error carries its request (`requestInfo`, with the auth token) and the
 * console shows every field. Only the name, the message and a `code`, passed through
 * {@link scrubSecrets} (credential values, token-like runs and webhook secrets become `***`).
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
  const redacted = scrubSecrets(line.replace(/\s+/g, ' '));
  return redacted.length > MAX_LOG_LENGTH ? `${redacted.slice(0, MAX_LOG_LENGTH)}…` : redacted;
}
