import type { NodeRedisConnection, RedisConnection } from './options.js';

/**
 * The two commands the limiter sends, and whether the connection is known to be down, the same for every client
 * kind: ioredis (`Redis`, `Cluster`, a Sentinel-backed `Redis`) and node-redis v4–v6 (`createClient`,
 * `createCluster`, `createSentinel`).
 */
export interface ScriptRunner {
  /** The client kind, for log lines. */
  readonly kind: 'ioredis' | 'node-redis';
  /** Whether a command would only wait in an offline queue (or fail): the limiter then uses its fallback at once. */
  down(): string | undefined;
  evalsha(sha1: string, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown>;
  eval(script: string, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown>;
}

// ioredis states in which a command would only wait in its offline queue (or fail).
const ioredisDownStates = new Set(['reconnecting', 'close', 'end']);

/** node-redis names EVALSHA `evalSha` and takes `{ keys, arguments }`; ioredis names it `evalsha`, numkeys first. */
export const isNodeRedis = (redis: RedisConnection): redis is NodeRedisConnection =>
  typeof (redis as Partial<NodeRedisConnection>).evalSha === 'function';

const read = (read: () => unknown) => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/**
 * Adapts the caller's connection. Nothing is added to it: no command defined, no listener, no option changed.
 */
export function scriptRunner(redis: RedisConnection): ScriptRunner {
  if (isNodeRedis(redis)) {
    // node-redis takes string arguments only; its replies to the scripts are arrays of integers, as ioredis'.
    const options = (keys: readonly string[], args: ReadonlyArray<string | number>) => ({
      keys: [...keys],
      arguments: args.map(String),
    });
    return {
      kind: 'node-redis',
      down() {
        // Clients and Sentinels have isReady (false while reconnecting); a cluster has isOpen (and isReady from v5).
        if (read(() => redis.isOpen) === false) return 'the connection is closed';
        if (read(() => redis.isReady) === false) return 'the connection is not ready';
        return undefined;
      },
      evalsha: (sha1, keys, args) => redis.evalSha(sha1, options(keys, args)),
      eval: (script, keys, args) => redis.eval(script, options(keys, args)),
    };
  }
  return {
    kind: 'ioredis',
    down() {
      // A Cluster stays 'ready' while one of its masters is gone: that is found by a timed-out permit, then probed.
      const status = read(() => redis.status);
      return typeof status === 'string' && ioredisDownStates.has(status) ? `the connection is ${status}` : undefined;
    },
    evalsha: (sha1, keys, args) => redis.evalsha(sha1, keys.length, ...keys, ...args),
    eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args),
  };
}
