import type { NimClientOptions, NimRateLimiter } from '@nim-api/client';
import type { Cluster, Redis } from 'ioredis';
import type { Redis as Redis5 } from 'ioredis5';
import type { createClient, createCluster, createSentinel } from 'redis';
import type { createClient as createClient4, createCluster as createCluster4 } from 'redis-client-v4';
import type {
  createClient as createClient5,
  createCluster as createCluster5,
  createSentinel as createSentinel5,
} from 'redis-client-v5';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createRedisRateLimiter,
  type RedisConnection,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from '../src/index.js';

describe('types', () => {
  it('takes the Redis connection of ioredis 6 and of ioredis 5', () => {
    expectTypeOf<Redis>().toExtend<RedisConnection>();
    expectTypeOf<Redis5>().toExtend<RedisConnection>();
    expectTypeOf<Cluster>().toExtend<RedisConnection>();
  });

  it('takes node-redis v4, v5 and v6: createClient, createCluster and (v5, v6) createSentinel', () => {
    expectTypeOf<ReturnType<typeof createClient4>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createCluster4>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createClient5>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createCluster5>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createSentinel5>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createClient>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createCluster>>().toExtend<RedisConnection>();
    expectTypeOf<ReturnType<typeof createSentinel>>().toExtend<RedisConnection>();
    expectTypeOf<{ evalSha: number }>().not.toExtend<RedisConnection>();
  });

  it('refuses what is neither client', () => {
    expectTypeOf<{ get(key: string): Promise<string> }>().not.toExtend<RedisConnection>();
    expectTypeOf<{ eval(script: string): Promise<unknown> }>().not.toExtend<RedisConnection>();
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
    const wrong: RedisRateLimiterOptions = {
      redis: {} as Redis,
      appKey: 'k',
      perSecond: 1,
      expectedProcesses: 1,
      // @ts-expect-error -- onBlocked is 'wait' | 'fail'
      onBlocked: 'retry',
    };
    void missing;
    void wrong;
  });
});
