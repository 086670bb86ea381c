import { SpilledString } from './SpilledString.ts';

/** A request parameter value after assembly (portal reference §3.1): PHP-style nested arrays. */
export type ParamValue = string | number | boolean | null | SpilledString | ParamValue[] | Params;
export interface Params {
  [key: string]: ParamValue;
}

/** Sets an own property even for `__proto__`, so request data can never reach a prototype. */
export function setOwn(target: Params, key: string, value: ParamValue): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

export function isParams(value: unknown): value is Params {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof SpilledString)
  );
}

/** A scalar param as text ('' for absent/structured values). */
export function paramText(value: ParamValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Case-insensitive top-level lookup (legacy methods upper-case their param names, §5.1, §5.7). */
export function getParamCI(params: Params, name: string): ParamValue | undefined {
  const upper = name.toUpperCase();
  for (const key of Object.keys(params)) {
    if (key.toUpperCase() === upper) return params[key];
  }
  return undefined;
}
