import type { NimClientOptions, NimRateLimiter } from '@nim-api/client';
import type { Cluster, Redis } from 'ioredis';
import type { Redis as Redis5 } from 'ioredis5';
import { describe, expectTypeOf, it } from 'vitest';
import { createRedisRateLimiter, type RedisConnection, type RedisRateLimiter, type RedisRateLimiterOptions } from '../src/index.js';

describe('types', () => {
  it('takes the Redis connection of ioredis 6 and of ioredis 5', () => {
    expectTypeOf<Redis>().toExtend<RedisConnection>();
    expectTypeOf<Redis5>().toExtend<RedisConnection>();
    expectTypeOf<Cluster>().toExtend<RedisConnection>();
  });

  it('returns a limiter that rateLimit of createNimClient accepts', () => {
    expectTypeOf(createRedisRateLimiter).returns.toEqualTypeOf<RedisRateLimiter>();
    expectTypeOf<RedisRateLimiter>().toExtend<NimRateLimiter>();
    expectTypeOf<RedisRateLimiter>().toExtend<NonNullable<NimClientOptions['rateLimit']>>();
  });

  it('requires redis, appKey, perSecond and expectedProcesses, and knows onBlocked', () => {
    expectTypeOf<RedisRateLimiterOptions>().toHaveProperty('expectedProcesses').toEqualTypeOf<number>();
    // @ts-expect-error -- expectedProcesses is required
    const missing: RedisRateLimiterOptions = { redis: {} as Redis, appKey: 'k', perSecond: 1 };
    // @ts-expect-error -- onBlocked is 'wait' | 'fail'
    const wrong: RedisRateLimiterOptions = { redis: {} as Redis, appKey: 'k', perSecond: 1, expectedProcesses: 1, onBlocked: 'retry' };
    void missing;
    void wrong;
  });
});
