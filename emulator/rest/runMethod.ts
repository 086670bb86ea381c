import { RestError } from '../RestError.ts';
import type { Params } from '../params.ts';
import { appMethods } from './appMethods.ts';
import { operatingKey } from './authenticate.ts';
import type { OperatingLimiter } from './createOperatingLimiter.ts';
import { fileMethods } from './fileMethods.ts';
import { imMethods } from './imMethods.ts';
import { messageMethods } from './messageMethods.ts';
import { placementMethods } from './placementMethods.ts';
import { WithTopLevel } from './restTypes.ts';
import { timeBlock } from './timeBlock.ts';
import type { AuthInfo, CallContext, MethodTable } from './restTypes.ts';

export const METHODS: MethodTable = {
  ...fileMethods,
  ...imMethods,
  ...messageMethods,
  ...placementMethods,
  ...appMethods,
};

export type CallBase = Omit<CallContext, 'params' | 'method' | 'user' | 'auth'>;

/** What one method call gives back: its result and its `time` block. */
export interface MethodOutcome {
  result: unknown;
  time: Record<string, unknown>;
  /** Top-level keys such as `next`/`total` (list methods). */
  [key: string]: unknown;
}

/**
 * One method call (portal reference §3.4 order): lookup → app-only → scope → operating limit →
 * the method → bill its processing. `startMs` is when the server began working on the request,
 * i.e. after the body was read (§7.4). `scale` multiplies the billed processing (a test knob).
 */
export async function runMethod(
  name: string,
  params: Params,
  auth: AuthInfo,
  base: CallBase,
  limiter: { operating: OperatingLimiter; scale: number },
  startMs: number,
): Promise<MethodOutcome> {
  const definition = METHODS[name];
  if (!definition) throw new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
  if (definition.appOnly && auth.kind !== 'oauth') {
    throw new RestError(
      403,
      'WRONG_AUTH_TYPE',
      'Current authorization type is denied for this method Application context required',
    );
  }
  if (definition.scope && !definition.scope.some((s) => auth.scope.includes(s))) {
    const by = auth.kind === 'webhook' ? 'webhook token' : 'access token';
    throw new RestError(
      401,
      'insufficient_scope',
      `The request requires higher privileges than provided by the ${by}`,
    );
  }
  const user = base.emu.portal.user(auth.userId);
  if (!user) throw new RestError(401, 'invalid_token', 'The access token provided is invalid');
  const key = operatingKey(auth, name);
  if (limiter.operating.blocked(key)) {
    throw new RestError(
      429,
      'OPERATION_TIME_LIMIT',
      'Method is blocked due to operation time limit.',
    );
  }
  const methodStart = Date.now();
  const ran = await definition.run({ ...base, params, auth, user, method: name });
  const result = ran instanceof WithTopLevel ? ran.result : ran;
  const top = ran instanceof WithTopLevel ? ran.top : {};
  const finishMs = Date.now();
  limiter.operating.bill(key, ((finishMs - methodStart) / 1000) * limiter.scale, finishMs);
  const usage = limiter.operating.usage(key, finishMs);
  return {
    result,
    ...top,
    time: timeBlock(startMs, methodStart, finishMs, usage),
  };
}
