import type { Certificate } from './makeCertificate.ts';

/**
 * The TLS lines of the documented nginx sites (snippets `nginx-site`, `nginx-proxy`) as a test
 * fills them: listening on loopback `port`, with the test's self-signed `certificate`.
 */
export function nginxTlsPlaceholders(
  port: number,
  certificate: Certificate,
): Record<string, string> {
  return {
    'listen 443 ssl http2;': `listen 127.0.0.1:${port} ssl http2;`,
    '/etc/ssl/chat-drop/fullchain.pem': certificate.certFile,
    '/etc/ssl/chat-drop/privkey.pem': certificate.keyFile,
  };
}
