/**
 * Content types for the files a Vite build of the widget contains. Text types carry a charset so
 * browsers never guess (with `X-Content-Type-Options: nosniff` a wrong type is fatal for scripts,
 * which is the point: a file served as anything else is not executed).
 */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
} as const satisfies Record<string, string>;

/** Types worth compressing: text formats and wasm. Images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.txt',
  '.svg',
  '.ico',
  '.wasm',
]);

/** The content type for a file extension (with the dot); unknown ones are opaque bytes. */
export function mimeTypeFor(extension: string): string {
  const key = extension.toLowerCase();
  return Object.hasOwn(MIME_TYPES, key)
    ? MIME_TYPES[key as keyof typeof MIME_TYPES]
    : 'application/octet-stream';
}
