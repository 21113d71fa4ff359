import type { RedisConnection, RedisLimiterLogger } from './options.js';

/** Whether the limiter works on Redis or on the in-process fallback, and the counts of switches. */
export interface RedisHealth {
  /** Whether this permit or report should go to Redis (in fallback: a probe, at most once per probe interval). */
  useRedis(): boolean;
  /** A Redis call succeeded: back from the fallback if it was on it (one `info` line). */
  succeeded(): void;
  /** A Redis call failed or timed out: onto the fallback if not already (one `warn` line). */
  failed(reason: unknown): void;
  /** Within `rejoinMs` after a recovery: keep to the fallback share as well. */
  rejoining(): boolean;
  readonly mode: 'redis' | 'fallback';
  readonly fallbacks: number;
  readonly recoveries: number;
}

// ioredis states in which a command would only wait in its offline queue (or fail): go to the fallback at once.
const downStates = new Set(['reconnecting', 'close', 'end']);

const describe = (reason: unknown) => {
  try {
    return String((reason as Error | undefined)?.message ?? reason).slice(0, 200);
  } catch {
    return 'an unprintable error';
  }
};

/** Tracks the health of the Redis connection from the outcomes of the limiter's own calls; no timers, no polling. */
export function createRedisHealth(config: {
  readonly redis: RedisConnection;
  readonly probeIntervalMs: number;
  readonly rejoinMs: number;
  readonly logger: RedisLimiterLogger;
  /** What the warn line says the fallback is, e.g. `12.5/s per process`. */
  readonly fallbackShare: string;
}): RedisHealth {
  const { redis, probeIntervalMs, rejoinMs, logger, fallbackShare } = config;
  let mode: 'redis' | 'fallback' = 'redis';
  let lastProbeAt = 0;
  let rejoinUntil = 0;
  let fallbacks = 0;
  let recoveries = 0;
  let since = 0;

  const health: RedisHealth = {
    useRedis() {
      if (mode === 'redis') {
        if (!downStates.has(redis.status)) return true;
        health.failed(`the connection is ${redis.status}`);
        return false;
      }
      if (redis.status !== 'ready' || Date.now() - lastProbeAt < probeIntervalMs) return false;
      lastProbeAt = Date.now();
      return true;
    },
    succeeded() {
      if (mode === 'redis') return;
      mode = 'redis';
      recoveries += 1;
      rejoinUntil = Date.now() + rejoinMs;
      logger.info(`nim rate limiter: Redis is back after ${Date.now() - since} ms; the shared quota applies again`);
    },
    failed(reason) {
      if (mode === 'fallback') return;
      mode = 'fallback';
      fallbacks += 1;
      since = lastProbeAt = Date.now();
      logger.warn(`nim rate limiter: Redis unavailable (${describe(reason)}); using the in-process fallback, ${fallbackShare}, until it is back`);
    },
    rejoining: () => Date.now() < rejoinUntil,
    get mode() {
      return mode;
    },
    get fallbacks() {
      return fallbacks;
    },
    get recoveries() {
      return recoveries;
    },
  };
  return health;
}
