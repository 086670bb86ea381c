/**
 * Security headers for every response of the app server.
 *
 * Why these and not the usual set:
 * - No `X-Frame-Options`: the app only works inside the portal's iframe, and XFO cannot name an
 *   allowed parent (`ALLOW-FROM` is dead). Framing is controlled with CSP `frame-ancestors`
 *   instead (b24restdocs `local-integrations/site-does-not-allow-connection.md`: a portal shows a
 *   blank frame when the app forbids framing).
 * - `connect-src` must reach the portal: the SDK sends REST to `http[s]://<DOMAIN>/rest/…`, where
 *   DOMAIN is the portal the frame was opened from (SDK `loader-b24frame`), so it cannot be a
 *   fixed list on a server that may serve several portals. `https:` allows any TLS portal; the
 *   configured frame ancestors are added so an http portal (a local test portal) works too.
 * - `worker-src 'self' blob:`: base64 encoding runs in a Worker built into `assets/`.
 * - `img-src … data: blob: https:`: file previews are blob: URLs, chat avatars come from the portal.
 * - `style-src 'unsafe-inline'`: the toast library injects a `<style>` element at run time.
 *   Scripts stay strict (`'self'` only; Vite emits no inline scripts).
 * - `Referrer-Policy: no-referrer`: the frame URL carries the portal's DOMAIN/APP_SID query; never
 *   pass it on to any other site.
 */
export function buildSecurityHeaders(
  frameAncestors: readonly string[] | undefined,
): Record<string, string> {
  const ancestors = normalizeAncestors(frameAncestors);
  // Concrete origins (not `*`, not bare schemes) are the portals: they also host REST.
  const portalOrigins = ancestors.filter((source) => /^https?:\/\/[^*]/.test(source));
  const anyPortal = ancestors.includes('*');
  const remote = anyPortal
    ? ['https:', 'http:']
    : ['https:', ...portalOrigins.filter((o) => o.startsWith('http:'))];
  const csp = [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${remote.join(' ')}`,
    `media-src 'self' blob:`,
    `font-src 'self' data:`,
    `connect-src 'self' ${remote.join(' ')}`,
    `worker-src 'self' blob:`,
    `frame-src 'none'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/**
 * Cleans the configured list: trims, drops paths from origins (CSP wants a source expression),
 * keeps `*`, scheme sources (`https:`) and host wildcards (`https://*.bitrix24.com`).
 * Nothing configured means "any parent" (`*`): see docs/INSTALL.md for why that is the default.
 */
export function normalizeAncestors(frameAncestors: readonly string[] | undefined): string[] {
  const cleaned: string[] = [];
  for (const raw of frameAncestors ?? []) {
    const trimmed = raw.trim();
    if (trimmed === "'self'" || trimmed === "'none'") {
      cleaned.push(trimmed);
      continue;
    }
    const value = trimmed.replace(/^['"]|['"]$/g, '');
    if (!value) continue;
    if (value === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(value)) {
      cleaned.push(value);
      continue;
    }
    const match = /^(https?:\/\/[^/?#\s]+)/i.exec(value);
    if (!match?.[1])
      throw new Error(
        `Invalid frame ancestor "${raw}": expected an origin like https://example.bitrix24.com`,
      );
    cleaned.push(match[1].toLowerCase());
  }
  return cleaned.length > 0 ? [...new Set(cleaned)] : ['*'];
}
