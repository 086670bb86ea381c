import { stat, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/** What a request path maps to inside the served root. */
export type Resolution =
  | {
      readonly kind: 'file';
      readonly file: string;
      readonly isPage: boolean;
      readonly isHashedAsset: boolean;
    }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-request' };

/** Extensions a portal handler URL may plausibly end with; anything else missing is a 404. */
const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['', '.html', '.htm', '.php']);

/**
 * Vite names emitted files `name-<hash>.ext` with an 8-character base64url hash
 * (Rollup/Rolldown `[hash]` default), so their content never changes under the same name.
 */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i;

/**
 * Maps a URL path to a file under `root` (an absolute, real path) without ever leaving it.
 *
 * - `..`, NUL, backslashes and undecodable escapes are refused (`bad-request`); dotfiles are
 *   `not-found`, so `.env`/`.git` are never served.
 * - A directory is served by its `index.html`; without a trailing slash it redirects first,
 *   because the build uses relative asset URLs (`base: './'`) that resolve against the page URL.
 * - A missing page-like path (no extension, `.html`, `.php`) is served by the `index.html` of the
 *   directory it is in: a portal handler or install URL such as `/install` must load the app,
 *   and only that directory's index makes the relative asset URLs resolve. Missing assets stay 404.
 */
export async function resolveRequestPath(root: string, pathname: string): Promise<Resolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'bad-request' };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.'))
    return { kind: 'bad-request' };
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'not-found' };

  const relative = segments.filter((segment) => segment !== '');
  const full = join(root, ...relative);
  if (!isInside(root, full)) return { kind: 'bad-request' };
  const last = relative.at(-1) ?? '';
  const isHashedAsset = relative.includes('assets') && HASHED_NAME.test(last);

  const info = await stat(full).catch(() => undefined);
  if (info?.isFile()) {
    const file = await checkedRealpath(root, full);
    if (!file) return { kind: 'not-found' };
    const extension = extname(file).toLowerCase();
    return {
      kind: 'file',
      file,
      isPage: extension === '.html' || extension === '.htm',
      isHashedAsset,
    };
  }
  if (info?.isDirectory()) {
    // Leading slashes collapsed: `//host` in a Location header would leave this site.
    if (!decoded.endsWith('/'))
      return { kind: 'redirect', location: `${pathname.replace(/^\/+/, '/')}/` };
    return indexOf(root, full);
  }
  if (relative.includes('assets') || !PAGE_EXTENSIONS.has(extname(last).toLowerCase())) {
    return { kind: 'not-found' };
  }
  // The page is missing: serve the index of the directory it would live in.
  const parent = join(root, ...relative.slice(0, -1));
  const parentInfo = await stat(parent).catch(() => undefined);
  return parentInfo?.isDirectory() ? indexOf(root, parent) : { kind: 'not-found' };
}

async function indexOf(root: string, directory: string): Promise<Resolution> {
  const index = join(directory, 'index.html');
  const info = await stat(index).catch(() => undefined);
  if (!info?.isFile()) return { kind: 'not-found' };
  const file = await checkedRealpath(root, index);
  return file ? { kind: 'file', file, isPage: true, isHashedAsset: false } : { kind: 'not-found' };
}

/** Follows symlinks and refuses any target outside the root. */
async function checkedRealpath(root: string, file: string): Promise<string | undefined> {
  const real = await realpath(file).catch(() => undefined);
  return real && isInside(root, real) ? real : undefined;
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}
