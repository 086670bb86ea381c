import type { CallContext } from './restTypes.ts';

/**
 * What a fault scenario is keyed by for one REST call: the method and the SDK's
 * `bx24_request_id`. Calls inside a batch share the batch's id, so they are not keyed by it.
 */
export function faultKeyOf(call: CallContext): { method: string; requestId: string } {
  return { method: call.method, requestId: call.isBatch ? '' : call.requestId };
}
