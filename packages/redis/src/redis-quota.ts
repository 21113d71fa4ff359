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

function parsePermit(reply: unknown): PermitReply {
  if (Array.isArray(reply) && reply.length === 2 && Number.isSafeInteger(reply[1]) && reply[1] >= 0) {
    if (reply[0] === 1) return { waitMs: reply[1] / 1000 };
    if (reply[0] === 0) return { blockedMs: reply[1] };
  }
  throw new Error('unexpected reply to the permit script');
}

// `:` separates the two parts and `{}` delimit the hash tag: escaped, so AppKey "a:b" with operation "c" and AppKey
// "a" with operation "b:c" never share a key (`%` too, so the escape cannot be forged).
const escapeKeyPart = (text: string) => text.replace(/[%:{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

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
    const base = `${keyPrefix}{${escapeKeyPart(appKey)}:${escapeKeyPart(operationId)}}`;
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
