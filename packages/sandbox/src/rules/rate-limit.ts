/**
 * The emulated frequency control of one app: per operation, at most `perSecond` calls in any second; the call
 * past it, and every call of that operation for `blockMs` after it, are refused (416).
 * @example
 * ```ts
 * const limiter: RateLimiter = createRateLimiter({ perSecond: 100, blockMs: 1000 });
 * ```
 */
export interface RateLimiter {
  /** Counts a call at `now` (ms) and says whether it may go on. */
  admit(operation: string, now: number): boolean;
  clear(): void;
}

interface Window {
  /** Times of the last `perSecond` admitted calls, a ring. */
  readonly times: number[];
  next: number;
  blockedUntil: number;
}

/**
 * A limiter; `undefined` settings make one that admits everything.
 * @example
 * ```ts
 * const limiter = createRateLimiter({ perSecond: 100, blockMs: 1000 });
 * if (!limiter.admit('getConversationGroup', Date.now())) return envelope(416);
 * ```
 */
export function createRateLimiter(settings: { perSecond: number; blockMs: number } | undefined): RateLimiter {
  if (!settings) return { admit: () => true, clear: () => {} };
  const { perSecond, blockMs } = settings;
  const windows = new Map<string, Window>();
  return {
    admit(operation, now) {
      let window = windows.get(operation);
      if (!window) windows.set(operation, (window = { times: [], next: 0, blockedUntil: -Infinity }));
      if (now < window.blockedUntil) return false;
      if (window.times.length < perSecond) {
        window.times.push(now);
        return true;
      }
      // The oldest of the last `perSecond` calls: if it is less than a second old, this one is one too many.
      if (now - window.times[window.next]! < 1000) {
        window.blockedUntil = now + blockMs;
        return false;
      }
      window.times[window.next] = now;
      window.next = (window.next + 1) % perSecond;
      return true;
    },
    clear: () => windows.clear(),
  };
}
