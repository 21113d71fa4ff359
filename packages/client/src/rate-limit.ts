import { sleep } from './timeouts.js';

/**
 * A token bucket per operation (GCRA form): up to `perSecond` calls start in any second, a burst of that size may
 * start at once, later calls queue in arrival order.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly burstMs: number;
  private readonly nextFreeAt = new Map<string, number>();

  constructor(perSecond: number, private readonly now: () => number = Date.now) {
    if (!(perSecond > 0)) throw new RangeError('rateLimit.perSecond must be a positive number');
    this.intervalMs = 1000 / perSecond;
    this.burstMs = 1000 - this.intervalMs;
  }

  /** Resolves when a call of `key` may start; rejects with the signal's reason if aborted while queued. */
  take(key: string, signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const theoretical = Math.max(this.nextFreeAt.get(key) ?? now, now);
    this.nextFreeAt.set(key, theoretical + this.intervalMs);
    return sleep(theoretical - this.burstMs - now, signal);
  }
}
