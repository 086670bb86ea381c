/**
 * The portal's leaky bucket (portal reference §5.8): per key, the counter drains by `drainPerSecond`;
 * a request is refused when counting it would take the counter past `burst` (refused requests are not counted,
 * portal reference §6.14), else it adds one.
 */
export interface RateLimiter {
  /** true = allowed (and counted), false = refuse with 503 QUERY_LIMIT_EXCEEDED. */
  take(key: string): boolean;
}

export function createRateLimiter(
  limit: { burst: number; drainPerSecond: number } | false,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { level: number; at: number }>();
  return {
    take(key) {
      if (limit === false) return true;
      const t = now();
      const bucket = buckets.get(key) ?? { level: 0, at: t };
      bucket.level = Math.max(0, bucket.level - ((t - bucket.at) / 1000) * limit.drainPerSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      // A request must fit whole: with a fractional level, `>= burst` would let burst + 1 through.
      if (bucket.level + 1 > limit.burst) return false;
      bucket.level += 1;
      return true;
    },
  };
}
