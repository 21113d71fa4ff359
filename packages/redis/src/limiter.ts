import {
  createTokenBucketLimiter,
  NimRateLimitError,
  NimValidationError,
  type NimRateLimiter,
  type NimRateLimitReport,
} from '@nim-api/client';
import { resolveOptions, type RedisRateLimiterOptions } from './options.js';
import { createPermitQueue, pause } from './permit-queue.js';
import { createRedisHealth } from './redis-health.js';
import { createRedisQuota, type PermitReply } from './redis-quota.js';

/**
 * Counts since the limiter was made, for logs and tests.
 * @example
 * ```ts
 * const { mode, redisPermits, fallbackPermits } = limiter.stats();
 * ```
 */
export interface RedisRateLimiterStats {
  /** Where permits come from now. */
  readonly mode: 'redis' | 'fallback';
  /** Permits granted by Redis. */
  readonly redisPermits: number;
  /** Permits granted by the in-process fallback bucket. */
  readonly fallbackPermits: number;
  /** Redis permits dropped because this process woke up more than `maxLateMs` after their slot. */
  readonly late: number;
  /** Times a permit request found its operation blocked (in Redis or locally). */
  readonly blocked: number;
  /** 416 answers reported to the limiter. */
  readonly reports: number;
  /** Switches to the fallback, and back. */
  readonly fallbacks: number;
  readonly recoveries: number;
}

/**
 * The limiter {@link createRedisRateLimiter} returns: a `NimRateLimiter` plus its counts.
 * @example
 * ```ts
 * const limiter: RedisRateLimiter = createRedisRateLimiter({ redis, appKey, perSecond: 95, expectedProcesses: 8 });
 * setInterval(() => console.log(limiter.stats()), 60_000).unref();
 * ```
 */
export interface RedisRateLimiter extends NimRateLimiter {
  take(operationId: string, signal?: AbortSignal): Promise<void>;
  reportRateLimited(operationId: string, report: NimRateLimitReport): Promise<void>;
  stats(): RedisRateLimiterStats;
}

const maxOperationIdLength = 256;
// Permits of one operation being obtained at once per process (see createPermitQueue).
const reservationsPerProcess = 2;
const maxBlockMs = 3_600_000;

const badOperationId = (operationId: unknown) =>
  typeof operationId !== 'string' || operationId === '' || operationId.length > maxOperationIdLength
    ? new NimValidationError([{ path: 'operationId', message: `must be a non-empty string of at most ${maxOperationIdLength} characters` }], {
        operationId: 'redisRateLimiter',
      })
    : undefined;

/**
 * A rate limiter for `createNimClient({ rateLimit })` whose quota is shared by every process of an AppKey through
 * Redis: one atomic Lua script per permit (GCRA on Redis' own clock, one key per AppKey and operation, expiring),
 * and a shared 416 block that every process waits out. When Redis is unreachable or slower than `redisTimeoutMs`,
 * each process falls back to `perSecond / expectedProcesses` on its own (one `warn` line) and returns to Redis by
 * itself (one `info` line). The caller's `AbortSignal` ends a waiting take at once.
 *
 * @example
 * ```ts
 * import { createNimClient } from '@nim-api/client';
 * import { createRedisRateLimiter } from '@nim-api/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env.REDIS_URL!);
 * const nim = createNimClient({
 *   appKey: process.env.NIM_APP_KEY!,
 *   appSecret: process.env.NIM_APP_SECRET!,
 *   rateLimit: createRedisRateLimiter({ redis, appKey: process.env.NIM_APP_KEY!, perSecond: 95, expectedProcesses: 8 }),
 * });
 * ```
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const config = resolveOptions(options);
  const quota = createRedisQuota(config);
  const share = config.perSecond / config.expectedProcesses;
  const fallbackBurst = Math.max(1, Math.floor(config.burst / config.expectedProcesses));
  const fallback = createTokenBucketLimiter({ perSecond: share, burst: fallbackBurst });
  // Per operation, the outage (health.fallbacks) whose fallback bucket has been primed.
  const primedFor = new Map<string, number>();
  // Per operation, when the slots Redis had granted (to all processes) end at the latest, in performance.now() time: this
  // process' latest slot plus the most that every process' reservations can reach beyond it.
  const sharedScheduleEnd = new Map<string, number>();
  const scheduleDepthMs = (config.expectedProcesses * reservationsPerProcess * 1000) / config.perSecond;
  const health = createRedisHealth({ ...config, fallbackShare: `${Math.round(share * 100) / 100}/s per process and operation` });
  const blockedUntil = new Map<string, number>();
  const queues = new Map<string, ReturnType<typeof createPermitQueue>>();
  const counts = { redisPermits: 0, fallbackPermits: 0, late: 0, blocked: 0, reports: 0 };

  const localBlockMs = (operationId: string) => (blockedUntil.get(operationId) ?? 0) - performance.now();
  const noteBlock = (operationId: string, ms: number) =>
    blockedUntil.set(operationId, Math.max(blockedUntil.get(operationId) ?? 0, performance.now() + ms));
  // A 416 seen while this permit waited for its slot: the slot is dropped, the block waited out.
  const unlessBlocked = (operationId: string) => {
    const blockedMs = localBlockMs(operationId);
    return blockedMs > 0 ? { blockedMs } : undefined;
  };

  async function acquire(operationId: string, stop: AbortSignal) {
    const first = await acquireOnce(operationId, stop);
    if (first !== 'late') return first;
    // Ask once more; if that one is late too, it is used anyway, so a starved process still gets its share.
    const second = await acquireOnce(operationId, stop);
    return second === 'late' ? undefined : second;
  }

  async function acquireOnce(operationId: string, stop: AbortSignal): Promise<{ blockedMs: number } | undefined | 'late'> {
    const blockedMs = localBlockMs(operationId);
    if (blockedMs > 0) return { blockedMs };
    if (health.useRedis()) {
      let reply: PermitReply | undefined;
      try {
        reply = await quota.permit(operationId);
        health.succeeded();
      } catch (error) {
        // Slow or gone, the same: onto the fallback. A late answer does not bring the limiter back (a Redis that
        // is always a little too slow would flap, a warn and an info line per permit); only a probe answered
        // within redisTimeoutMs does.
        health.failed(error);
      }
      if (reply?.blockedMs !== undefined) {
        noteBlock(operationId, reply.blockedMs);
        return { blockedMs: reply.blockedMs };
      }
      if (reply) {
        counts.redisPermits += 1;
        // Just back from the fallback: other processes may still be on theirs, so keep to this process' share too.
        const share = health.rejoining() ? fallback.take(operationId, stop).catch(() => undefined) : undefined;
        const due = performance.now() + reply.waitMs;
        sharedScheduleEnd.set(operationId, Math.max(sharedScheduleEnd.get(operationId) ?? 0, due + scheduleDepthMs));
        await Promise.all([pause(reply.waitMs, stop), share]);
        // The slot's timer fired long after the slot (the process was starved: GC, CPU throttling). Sent now, the
        // call would arrive bunched with the next slots' calls: this slot is dropped and the next one taken.
        if (reply.waitMs > 0 && !share && performance.now() - due > config.maxLateMs && !stop.aborted) {
          counts.late += 1;
          return 'late';
        }
        return unlessBlocked(operationId);
      }
    }
    if (primedFor.get(operationId) !== health.fallbacks) {
      // The first fallback permits of an outage would start at once in every process, on top of the calls the
      // shared quota had just granted: the bucket's burst is used up here, so they start one interval later.
      primedFor.set(operationId, health.fallbacks);
      for (let i = 0; i < fallbackBurst; i += 1) void fallback.take(operationId).catch(() => undefined);
    }
    // Slots the shared quota granted before the outage are still being used, by this process and the others:
    // fallback permits start after the last of them, not beside them.
    await pause((sharedScheduleEnd.get(operationId) ?? 0) - performance.now(), stop);
    counts.fallbackPermits += 1;
    await fallback.take(operationId, stop).catch(() => undefined);
    return unlessBlocked(operationId);
  }

  function onBlocked(operationId: string, blockedMs: number): 'wait' | Error {
    counts.blocked += 1;
    if (config.onBlocked === 'wait') return 'wait';
    return new NimRateLimitError({
      code: 416,
      msg: `rate limited: blocked for ${Math.ceil(blockedMs)} ms more after a 416 (shared block; onBlocked: 'fail')`,
      httpStatus: 0,
      operationId,
    });
  }

  return {
    take(operationId, signal) {
      const invalid = badOperationId(operationId);
      if (invalid) return Promise.reject(invalid);
      let queue = queues.get(operationId);
      if (!queue) {
        queue = createPermitQueue((stop) => acquire(operationId, stop), (ms) => onBlocked(operationId, ms), reservationsPerProcess);
        queues.set(operationId, queue);
      }
      return queue.take(signal);
    },

    async reportRateLimited(operationId, report) {
      const invalid = badOperationId(operationId);
      if (invalid) throw invalid;
      const asked = (report as Partial<NimRateLimitReport> | undefined)?.retryAfterMs;
      const ms = Math.min(typeof asked === 'number' && asked >= 0 && Number.isFinite(asked) ? asked : config.blockMs, maxBlockMs);
      counts.reports += 1;
      if (ms <= 0) return;
      noteBlock(operationId, ms);
      if (!health.useRedis()) return;
      try {
        await quota.block(operationId, ms);
        health.succeeded();
      } catch (error) {
        health.failed(error);
      }
    },

    stats: () => ({ mode: health.mode, ...counts, fallbacks: health.fallbacks, recoveries: health.recoveries }),
  };
}
