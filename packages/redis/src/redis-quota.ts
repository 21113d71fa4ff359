import type { ResolvedOptions } from './options.js';
import { blockScript, permitScript, runScript } from './scripts.js';

/** What Redis said to a permit request: wait this long, then go; or the operation is blocked for this long. */
export type PermitReply = { readonly waitMs: number; readonly blockedMs?: undefined } | { readonly blockedMs: number };

/** The shared state in Redis, every call bounded by `redisTimeoutMs`. */
export interface RedisQuota {
  /** Reserves the next permit of `operationId`; rejects when Redis fails or does not answer in time. */
  permit(operationId: string): Promise<PermitReply>;
  /** Records a 416 block of `operationId` for `ms`; rejects like `permit`. */
  block(operationId: string, ms: number): Promise<void>;
}

/** Resolves or rejects like `promise`, but rejects after `ms` if it has not settled; the late outcome is dropped. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
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

function parsePermit(reply: unknown): PermitReply {
  if (Array.isArray(reply) && reply.length === 2 && Number.isSafeInteger(reply[1]) && reply[1] >= 0) {
    if (reply[0] === 1) return { waitMs: reply[1] / 1000 };
    if (reply[0] === 0) return { blockedMs: reply[1] };
  }
  throw new Error('unexpected reply to the permit script');
}

/**
 * The Redis side of the limiter: key names, the two scripts, the time bound.
 * Keys share one hash tag per AppKey and operation (`{appKey:operationId}`), so both keys of a script live in one
 * slot.
 */
export function createRedisQuota(options: ResolvedOptions): RedisQuota {
  const { redis, appKey, keyPrefix, perSecond, burst, redisTimeoutMs } = options;
  // Rounded up so the shared rate never exceeds perSecond.
  const intervalUs = Math.ceil(1_000_000 / perSecond);
  const toleranceUs = (burst - 1) * intervalUs;
  const keys = (operationId: string) => {
    const base = `${keyPrefix}{${appKey}:${operationId}}`;
    return [`${base}:tat`, `${base}:block`];
  };

  return {
    async permit(operationId) {
      return parsePermit(await within(runScript(redis, permitScript, keys(operationId), [intervalUs, toleranceUs]), redisTimeoutMs));
    },
    async block(operationId, ms) {
      await within(runScript(redis, blockScript, [keys(operationId)[1]!], [Math.ceil(ms)]), redisTimeoutMs);
    },
  };
}
