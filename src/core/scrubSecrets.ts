/** Longest `detail` kept: enough for a portal's error_description, never a request body. */
const MAX_DETAIL_LENGTH = 500;

const KEY_VALUE =
  /\b(auth|access_token|refresh_token|auth_id|refresh_id|application_token|token|secret|password|client_secret)(["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi;
/** OAuth tokens (70 hex chars on the emulator, 40-72 alphanumerics on cloud portals) and webhook secrets. */
const TOKEN_LIKE = /\b[A-Za-z0-9]{32,}\b/g;
/** Webhook paths: /rest/<userId>/<secret>/ */
const WEBHOOK_PATH = /(\/rest\/\d+\/)[^/\s]+/g;

/**
 * Removes anything token-like from text meant for logs and the "details" disclosure: key/value
 * pairs of credential names, long alphanumeric runs, webhook secrets in paths; and caps the length.
 * Tokens must never reach logs, storage or error messages (project rules).
 */
export function scrubSecrets(text: string): string {
  const scrubbed = text
    .replace(KEY_VALUE, (_match, key: string, separator: string) => `${key}${separator}***`)
    .replace(WEBHOOK_PATH, '$1***')
    .replace(TOKEN_LIKE, '***');
  return scrubbed.length > MAX_DETAIL_LENGTH
    ? `${scrubbed.slice(0, MAX_DETAIL_LENGTH)}…`
    : scrubbed;
}
