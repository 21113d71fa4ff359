import type { ScriptRunner } from './connection.js';
import type { ResolvedOptions } from './options.js';
import { blockScript, permitScript, rejoinScript, runScript } from './scripts.js';

/**
 * What Redis said to a permit request: wait this long, then go (and how long the shared rejoin marker still
 * holds; whether a TAT too far ahead was reset); or the operation is blocked for this long.
 */
export type PermitReply =
  | { readonly waitMs: number; readonly rejoinMs: number; readonly reset: boolean; readonly blockedMs?: undefined }
  | { readonly blockedMs: number };

/** The shared state in Redis, every call bounded by `redisTimeoutMs`. */
export interface RedisQuota {
  /** Reserves the next permit of `operationId`, announcing a rejoin of `rejoinMs` (0: none); rejects when Redis fails or does not answer in time. */
  permit(operationId: string, rejoinMs: number): Promise<PermitReply>;
  /** Records a 416 block of `operationId` for `ms`; rejects like `permit`. */
  block(operationId: string, ms: number): Promise<void>;
  /** A probe from the fallback: announces a rejoin of `rejoinMs` and answers the block still in force (ms, 0 if none); rejects like `permit`. */
  rejoin(operationId: string, rejoinMs: number): Promise<number>;
}

/** The bound ran out (Redis slow or gone: the limiter treats both alike). */
export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** Resolves or rejects like `promise`, but rejects with a RedisTimeoutError after `ms` if it has not settled. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    // The timer can fire in the same turn as an answer that already arrived while the event loop was busy:
    // setImmediate runs after the I/O phase, so such an answer wins instead of counting as a timeout.
    const timer = setTimeout(() => setImmediate(() => reject(new RedisTimeoutError(ms))), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function parsePermit(reply: unknown): PermitReply {
  if (Array.isArray(reply) && isCount(reply[1])) {
    if (reply[0] === 1 && reply.length === 4 && isCount(reply[2]) && (reply[3] === 0 || reply[3] === 1)) {
      return { waitMs: reply[1] / 1000, rejoinMs: reply[2], reset: reply[3] === 1 };
    }
    if (reply[0] === 0 && reply.length === 2) return { blockedMs: reply[1] };
  }
  throw new Error('unexpected reply to the permit script');
}

// `:` separates the two parts and `{}` delimit the hash tag: escaped, so AppKey "a:b" with operation "c" and AppKey
// "a" with operation "b:c" never share a key (`%` too, so the escape cannot be forged).
const escapeKeyPart = (text: string) =>
  text.replace(/[%:{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The shared schedule's slot interval, in whole µs (rounded up): `(1000 + maxLateMs) / perSecond` ms. A permit is
 * used up to `maxLateMs` after its slot (later ones are dropped), so the permits in any window of 1 000 ms belong to
 * slots within 1 000 + maxLateMs ms; with slots this far apart those are at most `perSecond` (0.5 % of the rate
 * at the default 5 ms, for an exact bound). Above 100 ms (slots hardly ever dropped) the stretch stays at 100 ms.
 */
export const slotIntervalUs = (perSecond: number, maxLateMs: number) =>
  Math.ceil(((1000 + Math.min(maxLateMs, maxStretchMs)) * 1000) / perSecond);
const maxStretchMs = 100;

/**
 * The Redis side of the limiter: key names, the scripts, the time bound.
 * Keys share one hash tag per AppKey and operation (`{appKey:operationId}`), so the keys of a script live in one
 * slot (one master of a Cluster: only its failover matters to the operation).
 */
export function createRedisQuota(options: ResolvedOptions, redis: ScriptRunner, scheduleDepthMs: number): RedisQuota {
  const { appKey, keyPrefix, perSecond, burst, redisTimeoutMs, maxWaitMs } = options;
  const intervalUs = slotIntervalUs(perSecond, options.maxLateMs);
  const toleranceUs = (burst - 1) * intervalUs;
  const keys = (operationId: string) => {
    const base = `${keyPrefix}{${escapeKeyPart(appKey)}:${escapeKeyPart(operationId)}}`;
    return [`${base}:tat`, `${base}:block`, `${base}:rejoin`] as const;
  };

  return {
    async permit(operationId, rejoinMs) {
      const args = [intervalUs, toleranceUs, maxWaitMs * 1000, Math.ceil(rejoinMs), Math.ceil(scheduleDepthMs * 1000)];
      return parsePermit(await within(runScript(redis, permitScript, keys(operationId), args), redisTimeoutMs));
    },
    async block(operationId, ms) {
      await within(runScript(redis, blockScript, [keys(operationId)[1]], [Math.ceil(ms)]), redisTimeoutMs);
    },
    async rejoin(operationId, rejoinMs) {
      const [, block, rejoin] = keys(operationId);
      const pttl = await within(runScript(redis, rejoinScript, [rejoin, block], [Math.ceil(rejoinMs)]), redisTimeoutMs);
      if (!Number.isSafeInteger(pttl)) throw new Error('unexpected reply to the rejoin script');
      return Math.max(0, pttl as number);
    },
  };
}
