import { setOwn, isParams } from './params.ts';
import type { ParamValue, Params } from './params.ts';

/**
 * Parses an urlencoded string the way PHP fills `$_GET`/`$_POST` (portal reference §3.1): nested
 * brackets `fields[name]=x`, `cmd[0]=…`, `a[]=` appends, dots and spaces in the base name become
 * `_`, later keys win. Percent-decoding is lenient like PHP's `urldecode`.
 */
export function parsePhpQuery(query: string, into: Params = {}): Params {
  if (query.length === 0) return into;
  for (const pair of query.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    assignPhpParam(into, urlDecode(rawKey), urlDecode(rawValue));
  }
  return into;
}

/** Assigns `value` at a PHP-style key path such as `fields[name]` or `cmd[]`. */
export function assignPhpParam(into: Params, key: string, value: ParamValue): void {
  const open = key.indexOf('[');
  let base = open <= 0 ? key : key.slice(0, open);
  const path: string[] = [];
  if (open > 0) {
    let rest = key.slice(open);
    while (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close === -1) break;
      path.push(rest.slice(1, close));
      rest = rest.slice(close + 1);
    }
    if (path.length === 0) base = key;
  }
  base = base.replace(/[. ]/g, '_');
  if (base.length === 0) return;
  if (path.length === 0) {
    setOwn(into, base, value);
    return;
  }
  let target = into;
  const keys = [base, ...path];
  for (let i = 0; i < keys.length; i += 1) {
    let k = keys[i] ?? '';
    if (k === '') k = String(nextIndex(target));
    if (i === keys.length - 1) {
      setOwn(target, k, value);
      return;
    }
    const existing = Object.hasOwn(target, k) ? target[k] : undefined;
    if (isParams(existing)) {
      target = existing;
    } else {
      const created: Params = {};
      setOwn(target, k, created);
      target = created;
    }
  }
}

function nextIndex(target: Params): number {
  let max = -1;
  for (const key of Object.keys(target)) {
    if (/^(0|[1-9]\d*)$/.test(key)) max = Math.max(max, Number(key));
  }
  return max + 1;
}

function urlDecode(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    // PHP keeps malformed escapes literally instead of failing.
    const bytes: number[] = [];
    for (let i = 0; i < plus.length; i += 1) {
      const hex = plus.slice(i + 1, i + 3);
      if (plus[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(plus[i] ?? '', 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}
