/**
 * `@nim-api/redis` — one rate-limit quota for all processes of a NetEase Yunxin AppKey, for `@nim-api/client`.
 *
 * @example
 * ```ts
 * import { createNimClient } from '@nim-api/client';
 * import { createRedisRateLimiter } from '@nim-api/redis';
 * import { Redis } from 'ioredis';
 *
 * const limiter = createRedisRateLimiter({ redis: new Redis(), appKey, perSecond: 95, expectedProcesses: 4 });
 * const nim = createNimClient({ appKey, appSecret, rateLimit: limiter });
 * ```
 *
 * @packageDocumentation
 */
export { createRedisRateLimiter, type RedisRateLimiter, type RedisRateLimiterStats } from './limiter.js';
export type {
  IoRedisConnection,
  NodeRedisConnection,
  RedisConnection,
  RedisLimiterLogger,
  RedisRateLimiterOptions,
} from './options.js';
