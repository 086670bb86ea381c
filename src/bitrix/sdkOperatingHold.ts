/**
 * The used operating time (seconds) from which the SDK holds `im.v2.File.upload` back by itself:
 * @bitrix24/b24jssdk 2.2.0 `OperatingLimiter.getTimeToFree` (core/http/limiters/operating-limiter)
 * waits once the `time.operating` of the method's last answer reaches its limit less 5 s, the
 * limit being 480 s by default (`limitMs: 48e4` in limiters/params-factory), the portal's own
 * (docs/portal-reference.md §7.3).
 */
export const SDK_OPERATING_HOLD_FROM_S = 475;

/**
 * When a successful answer's `time` block puts the method at the SDK's hold threshold: the epoch
 * ms until which the SDK will keep the next call to itself (`operating_reset_at` + 1 s, as the
 * SDK waits), else undefined. Lets the engine say "resuming at …" instead of a call that sits
 * silent for up to 10 minutes.
 *
 * @param time the answer's `time` block: `operating` in seconds, `operating_reset_at` in unix
 *   seconds (docs/portal-reference.md §7.3); anything else gives undefined.
 */
export function sdkOperatingHold(time: unknown): number | undefined {
  if (typeof time !== 'object' || time === null) return undefined;
  const { operating, operating_reset_at: resetAt } = time as Record<string, unknown>;
  const used = Number(operating);
  const reset = Number(resetAt);
  if (!Number.isFinite(used) || !Number.isFinite(reset)) return undefined;
  return used >= SDK_OPERATING_HOLD_FROM_S ? reset * 1000 + 1000 : undefined;
}
