import type { CallContext } from './restTypes.ts';

/** What a fault scenario is matched by for one REST call: its lower-cased method. */
export function faultKeyOf(call: CallContext): { method: string } {
  return { method: call.method };
}
