/**
 * The operating-time limit of portal reference §7.3 (public core-business copy,
 * `modules/rest/lib/engine/access/loadlimiter.php`; REST docs `limits.md`): per (auth type,
 * app or webhook, method), calls whose processing took more than 0.1 s are summed into 60-second
 * baskets; a basket leaves the sum 600 s after it started; while the sum exceeds the limit the
 * method is refused for that key.
 */
export interface OperatingLimiter {
  /** True when `key` is over the limit now (checked before the method runs). */
  blocked(key: string, now?: number): boolean;
  /** Bills `seconds` of processing to `key` (ignored at or under 0.1 s). */
  bill(key: string, seconds: number, now?: number): void;
  /** `time.operating` (seconds, float) and `time.operating_reset_at` (unix seconds, int). */
  usage(key: string, now?: number): { operating: number; resetAt: number };
}

const BASKET_MS = 60_000;
const WINDOW_MS = 600_000;
const MIN_BILLED_S = 0.1;

interface Basket {
  start: number;
  seconds: number;
}

/** `limitSeconds`: 480 on the cloud (box default 420). */
export function createOperatingLimiter(limitSeconds: number): OperatingLimiter {
  const baskets = new Map<string, Basket[]>();
  const live = (key: string, now: number): Basket[] => {
    const list = (baskets.get(key) ?? []).filter((b) => b.start + WINDOW_MS > now);
    if (list.length === 0) baskets.delete(key);
    else baskets.set(key, list);
    return list;
  };
  const sum = (list: Basket[]): number => list.reduce((total, b) => total + b.seconds, 0);
  return {
    blocked: (key, now = Date.now()) => sum(live(key, now)) > limitSeconds,
    bill(key, seconds, now = Date.now()) {
      if (!(seconds > MIN_BILLED_S)) return;
      const list = live(key, now);
      const last = list[list.length - 1];
      if (last && now - last.start < BASKET_MS) last.seconds += seconds;
      else {
        list.push({ start: now, seconds });
        baskets.set(key, list);
      }
    },
    usage(key, now = Date.now()) {
      const list = live(key, now);
      const oldest = list[0]?.start ?? now;
      return {
        operating: Math.round(sum(list) * 1e6) / 1e6,
        resetAt: Math.floor((oldest + WINDOW_MS) / 1000),
      };
    },
  };
}
