// Redis unreachable, hung or restarted: each of these tests has a redis-server of its own to break.
import { NimRateLimitError } from '@nim-api/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedisRateLimiter, type RedisRateLimiterOptions } from '../src/index.js';
import { connectRedis, delay, recordingLogger, uniquePrefix, until } from './support/connections.js';
import { freePort, startRedisServer, type RedisServer } from './support/redis-server.js';

const servers: RedisServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});
async function server() {
  const started = await startRedisServer();
  servers.push(started);
  return started;
}

function limiterOn(port: number, options: Partial<RedisRateLimiterOptions> = {}) {
  const logger = recordingLogger();
  const limiter = createRedisRateLimiter({
    redis: connectRedis(port),
    appKey: 'fallback-app',
    perSecond: 40,
    expectedProcesses: 4,
    keyPrefix: uniquePrefix(),
    probeIntervalMs: 100,
    rejoinMs: 0,
    logger,
    ...options,
  });
  return { limiter, logger };
}

const op = 'getConversationGroup';

/** Takes permits one after another until `condition` holds. */
async function takeUntil(limiter: ReturnType<typeof limiterOn>['limiter'], condition: () => boolean, what: string) {
  await until(
    async () => {
      await limiter.take(op);
      return condition();
    },
    15_000,
    what,
  );
}

describe('when Redis is unreachable', () => {
  it('falls back to perSecond / expectedProcesses at once, with one warn line', async () => {
    const { limiter, logger } = limiterOn(await freePort());
    const started = Date.now();
    await limiter.take(op);
    const first = Date.now() - started;
    for (let i = 0; i < 9; i += 1) await limiter.take(op);
    const all = Date.now() - started;
    // The first permit does not wait for a connection that cannot be made (generous bound: the limit is 50 ms);
    // the fallback share is 40 / 4 = 10/s, so ten permits span at least nine intervals of 100 ms.
    expect(first).toBeLessThan(1_000);
    expect(all).toBeGreaterThanOrEqual(900 - 30);
    expect(limiter.stats()).toMatchObject({ mode: 'fallback', fallbackPermits: 10, redisPermits: 0, fallbacks: 1 });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^warn nim rate limiter: Redis unavailable \(.+\); using the in-process fallback, 10\/s per process and operation/,
    );
  });

  it('records a 416 block locally and still waits it out', async () => {
    const { limiter } = limiterOn(await freePort(), { blockMs: 300 });
    await limiter.reportRateLimited(op, {
      error: new NimRateLimitError({ code: 416, msg: 'limited', httpStatus: 200, operationId: op }),
      retryAfterMs: undefined,
    });
    const started = Date.now();
    await limiter.take(op);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(limiter.stats()).toMatchObject({ mode: 'fallback' });
    expect(limiter.stats().blocked).toBeGreaterThanOrEqual(1);
  });
});

describe('when Redis hangs (SIGSTOP) and comes back', () => {
  it('bounds each take by redisTimeoutMs, falls back with one warn, and returns by itself with one info line', async () => {
    const redis = await server();
    const { limiter, logger } = limiterOn(redis.port, { redisTimeoutMs: 50 });
    await limiter.take(op);
    expect(limiter.stats()).toMatchObject({ mode: 'redis', redisPermits: 1 });

    redis.pause();
    try {
      const started = Date.now();
      await limiter.take(op);
      expect(Date.now() - started).toBeLessThan(1_000); // a hung Redis would hold it forever
      for (let i = 0; i < 5; i += 1) await limiter.take(op);
      expect(limiter.stats()).toMatchObject({ mode: 'fallback', fallbacks: 1 });
      expect(logger.lines).toEqual([
        expect.stringMatching(/^warn nim rate limiter: Redis unavailable \(no answer within 50 ms\)/),
      ]);
    } finally {
      redis.resume();
    }
    await takeUntil(limiter, () => limiter.stats().mode === 'redis', 'recovery after SIGCONT');
    expect(limiter.stats()).toMatchObject({ fallbacks: 1, recoveries: 1 });
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[1]).toMatch(
      /^info nim rate limiter: Redis is back after \d+ ms; the shared quota applies again$/,
    );
  });
});

describe('when Redis is killed and restarted', () => {
  it('falls back while it is down and returns to the shared quota once it is back (one warn, one info)', async () => {
    const redis = await server();
    const { limiter, logger } = limiterOn(redis.port);
    await limiter.take(op);
    await redis.kill();
    await takeUntil(limiter, () => limiter.stats().mode === 'fallback', 'the fallback');
    for (let i = 0; i < 3; i += 1) await limiter.take(op);
    await redis.start();
    await takeUntil(limiter, () => limiter.stats().mode === 'redis', 'recovery after the restart');
    const { redisPermits, fallbackPermits } = limiter.stats();
    expect(fallbackPermits).toBeGreaterThanOrEqual(4);
    expect(redisPermits).toBeGreaterThanOrEqual(1);
    expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'info']);
    // The restarted Redis has no scripts cached: the permit script was loaded again.
    await limiter.take(op);
    expect(limiter.stats().redisPermits).toBe(redisPermits + 1);
  });

  it('keeps to its fallback share for rejoinMs after the recovery, while other processes may still be on theirs', async () => {
    const redis = await server();
    const { limiter } = limiterOn(redis.port, { perSecond: 100, expectedProcesses: 10, rejoinMs: 60_000 });
    await limiter.take(op);
    await redis.kill();
    await takeUntil(limiter, () => limiter.stats().mode === 'fallback', 'the fallback');
    await redis.start();
    await takeUntil(limiter, () => limiter.stats().mode === 'redis', 'recovery');
    const started = Date.now();
    for (let i = 0; i < 4; i += 1) await limiter.take(op);
    // On Redis alone four permits at 100/s need 30 ms; with the 10/s share as well, at least 300 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 - 30);
  });
});

describe('when Redis answers, but always a little later than redisTimeoutMs', () => {
  it('stays on the fallback with one warn line instead of flapping back on every late answer', async () => {
    const redis = await server();
    const real = connectRedis(redis.port);
    await real.ping();
    // The real connection behind a 70 ms delay (a far-away or overloaded Redis); the bound is 50 ms.
    const slow = {
      get status() {
        return real.status;
      },
      evalsha: (...args: Parameters<typeof real.evalsha>) => delay(70).then(() => real.evalsha(...args)),
      eval: (...args: Parameters<typeof real.eval>) => delay(70).then(() => real.eval(...args)),
    };
    const { limiter, logger } = limiterOn(redis.port, { redis: slow as never, perSecond: 40, expectedProcesses: 2 });
    const started = performance.now();
    let permits = 0;
    while (performance.now() - started < 1_500) {
      await limiter.take(op);
      permits += 1;
    }
    // Before the fix every late answer switched back to Redis: a warn and an info line per permit, ~11 permits/s.
    expect(limiter.stats()).toMatchObject({ mode: 'fallback', fallbacks: 1, recoveries: 0 });
    expect(logger.lines).toHaveLength(1);
    // The fallback share is 20/s: about 30 permits in 1.5 s (generous bounds for a loaded machine).
    expect(permits).toBeGreaterThanOrEqual(20);
    expect(permits).toBeLessThanOrEqual(32);
  });
});

describe('a logger that throws', () => {
  it('loses its line but not the limiting: queued callers still get spaced permits', async () => {
    const { limiter } = limiterOn(await freePort(), {
      perSecond: 40,
      expectedProcesses: 4,
      logger: {
        warn: () => {
          throw new Error('log sink closed');
        },
        info: () => {
          throw new Error('log sink closed');
        },
      },
    });
    const started = performance.now();
    const granted = await Promise.all(
      Array.from({ length: 6 }, () => limiter.take(op).then(() => performance.now() - started)),
    );
    // 10/s on the fallback: six permits span at least five intervals of 100 ms (all at once before the fix).
    expect(Math.max(...granted)).toBeGreaterThanOrEqual(500 - 30);
    expect(limiter.stats()).toMatchObject({ mode: 'fallback', fallbackPermits: 6 });
  });
});

describe('a step of the wall clock', () => {
  it('changes no wait: a block and the fallback bucket run on the monotonic clock', async () => {
    const { limiter } = limiterOn(await freePort(), { perSecond: 40, expectedProcesses: 4, blockMs: 300 });
    await limiter.take(op);
    const realNow = Date.now.bind(Date);
    const stepped = vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 60_000); // NTP steps back a minute
    try {
      await limiter.reportRateLimited(op, {
        error: new NimRateLimitError({ code: 416, msg: 'limited', httpStatus: 200, operationId: op }),
        retryAfterMs: undefined,
      });
      const started = performance.now();
      await limiter.take(op);
      await limiter.take(op);
      // The 300 ms block, then a slot of the 10/s bucket: well under a second (a minute before the fix).
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      stepped.mockRestore();
    }
  });
});
