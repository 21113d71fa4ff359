// Waits Redis hands out are bounded (a promoted replica whose clock is behind), and a failed Cluster (its status
// stays 'ready', its commands hang) costs the timeout once, not per permit.
import { describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter } from '../src/index.js';
import type { IoRedisConnection } from '../src/options.js';
import { connectRedis, recordingLogger, uniquePrefix } from './support/connections.js';

const port = inject('redisPort');

describe('a schedule too far ahead', () => {
  it('is reset by the script, with one warn line: no take waits past maxWaitMs (a replica promoted 12 s behind)', async () => {
    const redis = connectRedis(port);
    const keyPrefix = uniquePrefix();
    const logger = recordingLogger();
    const limiter = createRedisRateLimiter({
      redis,
      appKey: 'skew-app',
      keyPrefix,
      perSecond: 50,
      expectedProcesses: 4,
      maxWaitMs: 1000,
      logger,
    });
    // The TAT the old master wrote, 12 s ahead of the new master's clock.
    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1e6 + Number(micros);
    await redis.set(`${keyPrefix}{skew-app:getConversationGroup}:tat`, String(now + 12_000_000), 'PX', 60_000);
    const started = performance.now();
    for (let i = 0; i < 5; i += 1) await limiter.take('getConversationGroup');
    const elapsed = performance.now() - started;
    // Reset to the reservations' depth (8 slots of ~20 ms) ahead, then 4 more slots: well under a second.
    expect(elapsed).toBeLessThan(1000);
    expect(limiter.stats()).toMatchObject({ resets: 1, mode: 'redis', fallbacks: 0 });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^warn nim rate limiter: Redis held the schedule of getConversationGroup more than maxWaitMs \(1000 ms\) ahead/,
    );
  });

  it("within maxWaitMs is waited out, not reset (the processes' own reservations)", async () => {
    const redis = connectRedis(port);
    const keyPrefix = uniquePrefix();
    const limiter = createRedisRateLimiter({
      redis,
      appKey: 'skew-app',
      keyPrefix,
      perSecond: 50,
      expectedProcesses: 4,
      maxWaitMs: 1000,
      logger: recordingLogger(),
    });
    const [seconds, micros] = await redis.time();
    await redis.set(
      `${keyPrefix}{skew-app:op}:tat`,
      String(Number(seconds) * 1e6 + Number(micros) + 400_000),
      'PX',
      60_000,
    );
    const started = performance.now();
    await limiter.take('op');
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    expect(limiter.stats().resets).toBe(0);
  });
});

describe('a failed Cluster (status stays ready, commands hang)', () => {
  it('costs one redisTimeoutMs, not one per permit: the probes run beside the fallback permits', async () => {
    let calls = 0;
    const hanging: IoRedisConnection = {
      status: 'ready',
      evalsha: () => ((calls += 1), new Promise<never>(() => undefined)),
      eval: () => ((calls += 1), new Promise<never>(() => undefined)),
    };
    const logger = recordingLogger();
    const limiter = createRedisRateLimiter({
      redis: hanging,
      appKey: 'cluster-app',
      perSecond: 100,
      expectedProcesses: 1,
      redisTimeoutMs: 50,
      probeIntervalMs: 100,
      logger,
    });
    const started = performance.now();
    for (let i = 0; i < 40; i += 1) await limiter.take('op');
    const elapsed = performance.now() - started;
    // 40 permits 10 ms apart after one timeout and the reservations' depth: far less than 40 timeouts (2 s).
    expect(elapsed).toBeLessThan(40 * 50 * 0.6);
    expect(limiter.stats()).toMatchObject({ mode: 'fallback', fallbacks: 1, fallbackPermits: 40 });
    // The two lanes' first permits, then one probe per probeIntervalMs at most.
    expect(calls).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 100) + 1);
    expect(logger.lines).toHaveLength(1);
  });
});
