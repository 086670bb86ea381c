import { RestError } from '../RestError.ts';
import { parsePhpQuery } from '../parsePhpQuery.ts';
import { isParams, paramText } from '../params.ts';
import type { ParamValue, Params } from '../params.ts';
import type { OperatingLimiter } from './createOperatingLimiter.ts';
import { runMethod } from './runMethod.ts';
import type { CallBase } from './runMethod.ts';
import type { AuthInfo } from './restTypes.ts';

const BATCH_MAX = 50;
/** Parameters the REST server consumes itself (portal reference §3.1). */
export const RESERVED_PARAMS = ['auth', 'access_token', 'aplogin', 'ap', 'start', 'state'];

/**
 * `batch` (portal reference §3.3): up to 50 `method?query` commands run in order; the batch is
 * always 200, failures go to `result_error`; the batch itself is not billed, each sub-call is
 * (§7.3).
 */
export async function runBatch(
  params: Params,
  auth: AuthInfo,
  base: CallBase,
  limiter: { operating: OperatingLimiter; scale: number },
): Promise<unknown> {
  const halt = ['1', 'true', 'Y'].includes(paramText(params.halt));
  const cmd = params.cmd;
  const entries: [string, ParamValue][] = Array.isArray(cmd)
    ? cmd.map((value, index) => [String(index), value])
    : isParams(cmd)
      ? Object.entries(cmd)
      : [];
  const result: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  const times: Record<string, unknown> = {};
  let index = 0;
  for (const [key, value] of entries) {
    index += 1;
    if (index > BATCH_MAX) {
      errors[key] = new RestError(
        400,
        'ERROR_BATCH_LENGTH_EXCEEDED',
        'Max batch length exceeded',
      ).toJSON();
      continue;
    }
    const text = paramText(value);
    const q = text.indexOf('?');
    const name = normaliseMethod(q === -1 ? text : text.slice(0, q));
    const subParams = parsePhpQuery(q === -1 ? '' : text.slice(q + 1));
    for (const reserved of RESERVED_PARAMS) delete subParams[reserved];
    try {
      if (name === 'batch') {
        throw new RestError(
          405,
          'ERROR_BATCH_METHOD_NOT_ALLOWED',
          'Method is not allowed for batch usage',
        );
      }
      const outcome = await runMethod(
        name,
        subParams,
        auth,
        { ...base, isBatch: true },
        limiter,
        Date.now(),
      );
      result[key] = outcome.result;
      times[key] = outcome.time;
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      errors[key] = error.toJSON();
      if (halt) break;
    }
  }
  return {
    result: phpArray(result),
    result_error: phpArray(errors),
    result_total: [],
    result_next: [],
    result_time: phpArray(times),
  };
}

/** Lower-cased method without a `.json`/`.xml` suffix (portal reference §3.1). */
export function normaliseMethod(raw: string): string {
  let name = raw.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as is
  }
  return name.replace(/\.(json|xml)$/i, '').toLowerCase();
}

/** PHP json_encode of an array: `[]` when empty, a list when keys are 0..n-1, else an object. */
function phpArray(record: Record<string, unknown>): unknown {
  const keys = Object.keys(record);
  if (keys.every((k, i) => k === String(i))) return keys.map((k) => record[k]);
  return record;
}
