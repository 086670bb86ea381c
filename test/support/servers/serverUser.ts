/**
 * The user nginx workers and Apache children switch to when the tests run as root (a CI
 * container): Apache refuses to serve as root, and www-data exists on every Debian system.
 * Undefined otherwise: a server started by a normal user keeps running as that user.
 */
export function serverUser(): string | undefined {
  return process.getuid?.() === 0 ? 'www-data' : undefined;
}
