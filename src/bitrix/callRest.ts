import type { TypeB24 } from '@bitrix24/b24jssdk';
import { BitrixCallError } from './BitrixCallError.ts';
import { mapB24Error } from './mapB24Error.ts';

/** A successful REST answer: `result` plus the server's `time` block (portal reference §3.3). */
export interface RestAnswer<T> {
  readonly result: T;
  /** `time.date_start` of the answer (ISO-8601 with offset), when present. */
  readonly serverDateStart: string | undefined;
}

/**
 * Calls a REST v2 method through the SDK (`actions.v2.call.make`, not the deprecated
 * `callMethod`, which logs a warning on every call) and unwraps the answer. `requestId` becomes the
 * request's `bx24_request_id` (the upload interceptor keys abort signals by it).
 *
 * @throws {@link BitrixCallError} with the mapped error on any failure, including a 200 answer
 *   that carries an `error` field.
 */
export async function callRest<T>(
  b24: TypeB24,
  method: string,
  params: Record<string, unknown>,
  requestId?: string,
): Promise<RestAnswer<T>> {
  let answer;
  try {
    answer = await b24.actions.v2.call.make<T>(
      requestId === undefined ? { method, params } : { method, params, requestId },
    );
  } catch (error) {
    throw new BitrixCallError(mapB24Error(error));
  }
  if (!answer.isSuccess) throw new BitrixCallError(mapB24Error(answer));
  const data = answer.getData();
  if (data === undefined) throw new BitrixCallError(mapB24Error(answer));
  const time = data.time as { date_start?: unknown } | undefined;
  return {
    result: data.result,
    serverDateStart: typeof time?.date_start === 'string' ? time.date_start : undefined,
  };
}
