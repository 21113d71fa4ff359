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

// A logger that throws (a closed log sink) must not change what the limiter does.
const safely = (write: () => void) => {
  try {
    write();
  } catch {
    // nothing to do: the line is lost, the switch it reports still happens
  }
};

/**
 * Tracks the health of the Redis connection from the outcomes of the limiter's own calls; no timers, no polling.
 * Times are monotonic (`performance.now()`): a step of the wall clock (NTP, a resumed VM) changes no wait.
 */
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
      if (redis.status !== 'ready' || performance.now() - lastProbeAt < probeIntervalMs) return false;
      lastProbeAt = performance.now();
      return true;
    },
    succeeded() {
      if (mode === 'redis') return;
      mode = 'redis';
      recoveries += 1;
      rejoinUntil = performance.now() + rejoinMs;
      const after = Math.round(performance.now() - since);
      safely(() => logger.info(`nim rate limiter: Redis is back after ${after} ms; the shared quota applies again`));
    },
    failed(reason) {
      if (mode === 'fallback') return;
      mode = 'fallback';
      fallbacks += 1;
      since = lastProbeAt = performance.now();
      safely(() => logger.warn(`nim rate limiter: Redis unavailable (${describe(reason)}); using the in-process fallback, ${fallbackShare}, until it is back`));
    },
    rejoining: () => performance.now() < rejoinUntil,
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
