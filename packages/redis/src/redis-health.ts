import type { ScriptRunner } from './connection.js';
import type { RedisLimiterLogger } from './options.js';

/** Whether the limiter works on Redis or on the in-process fallback, and the counts of switches. */
export interface RedisHealth {
  /** Whether this permit or report should go to Redis: on Redis and the connection not known to be down. */
  useRedis(): boolean;
  /**
   * On the fallback: whether a probe should be sent now (at most once per probe interval, and not while the
   * connection is known to be down). Probes run beside the permits, never in their way: a failed Cluster costs
   * no permit its timeout.
   */
  probeDue(): boolean;
  /** When (performance.now()) the current outage was found; 0 before any. */
  readonly failedAt: number;
  /** A Redis call succeeded: back from the fallback if it was on it (one `info` line). */
  succeeded(): void;
  /** A Redis call failed or timed out: onto the fallback if not already (one `warn` line). */
  failed(reason: unknown): void;
  /** Within `rejoinMs` after a recovery: keep to the fallback spacing as well. */
  rejoining(): boolean;
  /** How long this process' own rejoin still lasts, in ms (0 when it does not). */
  rejoinLeftMs(): number;
  readonly mode: 'redis' | 'fallback';
  readonly fallbacks: number;
  readonly recoveries: number;
}

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
  readonly redis: ScriptRunner;
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
      if (mode !== 'redis') return false;
      const down = redis.down();
      if (!down) return true;
      health.failed(down);
      return false;
    },
    probeDue() {
      if (mode === 'redis' || redis.down() || performance.now() - lastProbeAt < probeIntervalMs) return false;
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
      safely(() =>
        logger.warn(
          `nim rate limiter: Redis unavailable (${describe(reason)}); using the in-process fallback, ${fallbackShare}, until it is back`,
        ),
      );
    },
    rejoining: () => performance.now() < rejoinUntil,
    rejoinLeftMs: () => Math.max(0, rejoinUntil - performance.now()),
    get failedAt() {
      return since;
    },
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
