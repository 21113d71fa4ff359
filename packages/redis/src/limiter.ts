import { NimRateLimitError, NimValidationError, type NimRateLimiter, type NimRateLimitReport } from '@nim-api/client';
import { resolveOptions, type RedisRateLimiterOptions } from './options.js';
import { createPermitQueue, pause } from './permit-queue.js';
import { createRedisHealth } from './redis-health.js';
import { createRedisQuota, slotIntervalUs, type PermitReply } from './redis-quota.js';
import { scriptRunner } from './connection.js';

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
  /** Permits granted on the fallback (spaced in-process, no Redis). */
  readonly fallbackPermits: number;
  /** Redis permits dropped because this process woke up more than `maxLateMs` after their slot. */
  readonly late: number;
  /** Times Redis held a schedule more than `maxWaitMs` ahead and the script reset it (one `warn` line a minute at most). */
  readonly resets: number;
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
// At most one warn line per this long about a schedule Redis handed out too far ahead.
const resetWarnEveryMs = 60_000;

const badOperationId = (operationId: unknown) =>
  typeof operationId !== 'string' || operationId === '' || operationId.length > maxOperationIdLength
    ? new NimValidationError(
        [{ path: 'operationId', message: `must be a non-empty string of at most ${maxOperationIdLength} characters` }],
        {
          operationId: 'redisRateLimiter',
        },
      )
    : undefined;

/**
 * Permits per second one process may use on its own (on the fallback, and while a rejoin is announced):
 * `floor(perSecond / expectedProcesses)`, so that `expectedProcesses` processes, each spacing its permits
 * `1000 / share` ms apart, put at most `expectedProcesses × share ≤ perSecond` permits into any 1 s window
 * (a process spaced `1000 / share` apart fits at most `share` permits into a half-open second). Below one permit
 * per second per process, `perSecond / expectedProcesses` (the bound is then one permit per process and second).
 */
export const fallbackShare = (perSecond: number, expectedProcesses: number) =>
  perSecond >= expectedProcesses ? Math.floor(perSecond / expectedProcesses) : perSecond / expectedProcesses;

/** Per operation, in this process. Times are performance.now() ms. */
interface OperationState {
  /** When the last permit was handed out (any mode): the next one on the fallback or in a rejoin is a full spacing later. */
  lastGrant: number;
  /** When the slots Redis had granted, to every process, end at the latest (see scheduleDepthMs). */
  scheduleEnd: number;
  /** Until when some process announced (in Redis) that it is back from its fallback. */
  sharedRejoinUntil: number;
  /** The outage (health.fallbacks) whose first fallback permit has been placed after scheduleEnd. */
  outage: number;
  /** Permits that keep to the spacing go one at a time: the end of the one before. */
  turn: Promise<unknown>;
}

/**
 * A rate limiter for `createNimClient({ rateLimit })` whose quota is shared by every process of an AppKey through
 * Redis: one atomic Lua script per permit (GCRA on Redis' own clock, one key per AppKey and operation, expiring),
 * and a shared 416 block that every process waits out. When Redis is unreachable or slower than `redisTimeoutMs`,
 * each process falls back to `floor(perSecond / expectedProcesses)` on its own (one `warn` line) and returns to
 * Redis by itself (one `info` line). The caller's `AbortSignal` ends a waiting take at once. Takes either client:
 * ioredis (`Redis`, `Cluster`, Sentinel) or node-redis v4–v6 (`createClient`, `createCluster`, `createSentinel`).
 *
 * Why the processes together stay at or under `perSecond` in every 1 s window through a failover or an outage
 * (the package README has the long form): every permit is handed out either on the shared schedule (GCRA slots
 * `1000 / perSecond` ms apart; a slot woken up for more than `maxLateMs` late is dropped) or spaced: at least
 * `1000 / share` ms after the process' previous permit, `share = floor(perSecond / expectedProcesses)`, so all
 * processes spaced together fit `expectedProcesses × share ≤ perSecond` into any second. The two kinds never
 * meet in one second: (1) a process' first fallback permit comes a spacing after every slot Redis may have granted
 * before it failed (at most `expectedProcesses × 2` reservations ahead of the moment it failed); (2) a process back
 * on Redis announces its rejoin in Redis for `rejoinMs`, and while any rejoin is announced every process takes a
 * Redis slot AND keeps the spacing; the schedule alone applies again only `rejoinMs` after the last process
 * rejoined, when every process' spaced permits were Redis slots too. A wait Redis hands out is at most
 * `maxWaitMs` (a TAT further ahead, e.g. from a replica promoted with its clock behind, is reset by the script,
 * with one `warn` line), and the caller's signal ends any wait.
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
  const runner = scriptRunner(config.redis);
  const intervalMs = slotIntervalUs(config.perSecond, config.maxLateMs) / 1000;
  // How far beyond now the slots Redis has granted can reach: every process holds at most reservationsPerProcess.
  const scheduleDepthMs = (config.expectedProcesses * reservationsPerProcess + config.burst - 1) * intervalMs;
  const quota = createRedisQuota(config, runner, scheduleDepthMs);
  const share = fallbackShare(config.perSecond, config.expectedProcesses);
  const spacingMs = 1000 / share;
  const health = createRedisHealth({
    ...config,
    redis: runner,
    fallbackShare: `${Math.round(share * 1000) / 1000}/s per process and operation`,
  });
  const blockedUntil = new Map<string, number>();
  const queues = new Map<string, ReturnType<typeof createPermitQueue>>();
  const states = new Map<string, OperationState>();
  const counts = { redisPermits: 0, fallbackPermits: 0, late: 0, blocked: 0, reports: 0, resets: 0 };
  let lastResetWarn = -Infinity;

  const stateOf = (operationId: string) => {
    let state = states.get(operationId);
    if (!state) {
      state = { lastGrant: -Infinity, scheduleEnd: 0, sharedRejoinUntil: 0, outage: 0, turn: Promise.resolve() };
      states.set(operationId, state);
    }
    return state;
  };
  const localBlockMs = (operationId: string) => (blockedUntil.get(operationId) ?? 0) - performance.now();
  const noteBlock = (operationId: string, ms: number) =>
    blockedUntil.set(
      operationId,
      Math.max(blockedUntil.get(operationId) ?? 0, performance.now() + Math.min(ms, maxBlockMs)),
    );
  // A 416 seen while this permit waited for its slot: the slot is dropped, the block waited out.
  const unlessBlocked = (operationId: string) => {
    const blockedMs = localBlockMs(operationId);
    return blockedMs > 0 ? { blockedMs } : undefined;
  };
  const spaced = (state: OperationState) => health.rejoining() || performance.now() < state.sharedRejoinUntil;
  const noteReply = (operationId: string, state: OperationState, reply: { rejoinMs: number; reset: boolean }) => {
    if (reply.rejoinMs > 0)
      state.sharedRejoinUntil = Math.max(state.sharedRejoinUntil, performance.now() + reply.rejoinMs);
    if (!reply.reset) return;
    counts.resets += 1;
    if (performance.now() - lastResetWarn < resetWarnEveryMs) return;
    lastResetWarn = performance.now();
    try {
      config.logger.warn(
        `nim rate limiter: Redis held the schedule of ${operationId.slice(0, 80)} more than maxWaitMs (${config.maxWaitMs} ms) ahead ` +
          "(a replica promoted with its clock behind the old master's?); it was reset, no wait exceeds maxWaitMs",
      );
    } catch {
      // a logger that throws changes nothing
    }
  };
  // Permits that keep the spacing go one after another, each starting when the one before has been handed out.
  const inTurn = <T>(state: OperationState, run: () => Promise<T>): Promise<T> => {
    const result = state.turn.then(run);
    state.turn = result.catch(() => undefined);
    return result;
  };

  async function acquire(operationId: string, stop: AbortSignal) {
    const first = await acquireOnce(operationId, stop);
    if (first !== 'late') return first;
    // Ask once more; if that one is late too, it is used anyway, so a starved process still gets its share.
    const second = await acquireOnce(operationId, stop);
    return second === 'late' ? undefined : second;
  }

  async function acquireOnce(
    operationId: string,
    stop: AbortSignal,
  ): Promise<{ blockedMs: number } | undefined | 'late'> {
    const blockedMs = localBlockMs(operationId);
    if (blockedMs > 0) return { blockedMs };
    const state = stateOf(operationId);
    if (!health.useRedis() || spaced(state)) return inTurn(state, () => spacedPermit(operationId, state, stop));
    let reply: PermitReply | undefined;
    try {
      reply = await quota.permit(operationId, 0);
      health.succeeded();
    } catch (error) {
      // Slow or gone, the same: onto the fallback. A late answer does not bring the limiter back (a Redis that
      // is always a little too slow would flap, a warn and an info line per permit); only a probe answered
      // within redisTimeoutMs does.
      health.failed(error);
      return inTurn(state, () => spacedPermit(operationId, state, stop));
    }
    if (reply.blockedMs !== undefined) {
      noteBlock(operationId, reply.blockedMs);
      return { blockedMs: reply.blockedMs };
    }
    noteReply(operationId, state, reply);
    // Another process announced its rejoin: this slot is left unused (the shared rate is only lower for it) and
    // the permit taken with the spacing.
    if (spaced(state)) return inTurn(state, () => spacedPermit(operationId, state, stop));
    counts.redisPermits += 1;
    const waitMs = Math.min(reply.waitMs, config.maxWaitMs);
    const due = performance.now() + waitMs;
    state.scheduleEnd = Math.max(state.scheduleEnd, due + scheduleDepthMs);
    await pause(waitMs, stop);
    // The slot's timer fired long after the slot (the process was starved: GC, CPU throttling). Sent now, the
    // call would arrive bunched with the next slots' calls: this slot is dropped and the next one taken.
    if (waitMs > 0 && performance.now() - due > config.maxLateMs && !stop.aborted) {
      counts.late += 1;
      return 'late';
    }
    state.lastGrant = Math.max(state.lastGrant, performance.now());
    return unlessBlocked(operationId);
  }

  /**
   * A permit at least `spacingMs` after this process' previous one: on the fallback (after every slot Redis may
   * still have granted), or during a rejoin (and then also a Redis slot, a late one dropped once).
   */
  async function spacedPermit(
    operationId: string,
    state: OperationState,
    stop: AbortSignal,
  ): Promise<{ blockedMs: number } | undefined> {
    if (stop.aborted) return undefined;
    const viaRedis = health.useRedis();
    if (!viaRedis) {
      probe(operationId, state);
      if (state.outage !== health.fallbacks) {
        // The first fallback permit of an outage: Redis may have granted slots (to this process and the others)
        // up to scheduleEnd, or up to scheduleDepthMs past the moment the outage was found: one spacing after.
        state.outage = health.fallbacks;
        state.lastGrant = Math.max(state.lastGrant, state.scheduleEnd, health.failedAt + scheduleDepthMs);
      }
    }
    // A timer may fire a little early (whole ms): wait again until the spacing is really over.
    while (performance.now() < state.lastGrant + spacingMs && !stop.aborted)
      await pause(state.lastGrant + spacingMs - performance.now(), stop);
    if (stop.aborted) return undefined;
    if (viaRedis) {
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        let reply: PermitReply;
        try {
          reply = await quota.permit(operationId, health.rejoinLeftMs());
          health.succeeded();
        } catch (error) {
          health.failed(error);
          return spacedPermit(operationId, state, stop);
        }
        if (reply.blockedMs !== undefined) {
          noteBlock(operationId, reply.blockedMs);
          return { blockedMs: reply.blockedMs };
        }
        noteReply(operationId, state, reply);
        counts.redisPermits += 1;
        const waitMs = Math.min(reply.waitMs, config.maxWaitMs);
        const due = performance.now() + waitMs;
        state.scheduleEnd = Math.max(state.scheduleEnd, due + scheduleDepthMs);
        await pause(waitMs, stop);
        if (stop.aborted) return undefined;
        if (attempt === 1 && waitMs > 0 && performance.now() - due > config.maxLateMs) {
          counts.late += 1;
          continue;
        }
        break;
      }
    } else {
      counts.fallbackPermits += 1;
    }
    state.lastGrant = performance.now();
    return unlessBlocked(operationId);
  }

  /** On the fallback, at most once per probeIntervalMs: asks Redis beside the permits, and announces the rejoin. */
  function probe(operationId: string, state: OperationState) {
    if (!health.probeDue()) return;
    quota.rejoin(operationId, config.rejoinMs).then(
      (blockedMs) => {
        health.succeeded();
        state.sharedRejoinUntil = Math.max(state.sharedRejoinUntil, performance.now() + config.rejoinMs);
        if (blockedMs > 0) noteBlock(operationId, blockedMs);
      },
      () => undefined, // still gone: the next probe in probeIntervalMs
    );
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
        queue = createPermitQueue(
          (stop) => acquire(operationId, stop),
          (ms) => onBlocked(operationId, ms),
          reservationsPerProcess,
        );
        queues.set(operationId, queue);
      }
      return queue.take(signal);
    },

    async reportRateLimited(operationId, report) {
      const invalid = badOperationId(operationId);
      if (invalid) throw invalid;
      const asked = (report as Partial<NimRateLimitReport> | undefined)?.retryAfterMs;
      const ms = Math.min(
        typeof asked === 'number' && asked >= 0 && Number.isFinite(asked) ? asked : config.blockMs,
        maxBlockMs,
      );
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
