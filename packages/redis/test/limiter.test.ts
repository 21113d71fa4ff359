import { createNimClient, NimRateLimitError, NimValidationError, type NimRateLimitReport } from '@nim-api/client';
import { Redis as Redis5 } from 'ioredis5';
import { describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter, type RedisRateLimiterOptions } from '../src/index.js';
import { connectRedis, delay, recordingLogger, uniquePrefix } from './support/connections.js';

const port = inject('redisPort');
const appKey = 'limiter-test-app';

/** A limiter on its own connection (as another process would have), sharing `keyPrefix` with its siblings. */
function limiter(options: Partial<RedisRateLimiterOptions> & { keyPrefix: string }) {
  const logger = recordingLogger();
  // A loaded test machine wakes timers late; permits dropped as late would change the counts these tests check.
  const made = createRedisRateLimiter({
    redis: connectRedis(port),
    appKey,
    perSecond: 20,
    expectedProcesses: 1,
    maxLateMs: 3_600_000,
    logger,
    ...options,
  });
  return Object.assign(made, { logger });
}

const report416 = (retryAfterMs?: number): NimRateLimitReport => ({
  error: new NimRateLimitError({
    code: 416,
    msg: 'rate limited',
    httpStatus: 200,
    operationId: 'getConversationGroup',
  }),
  retryAfterMs,
});

describe('createRedisRateLimiter', () => {
  it('shares one quota between limiters on different connections (as between processes)', async () => {
    const keyPrefix = uniquePrefix();
    const limiters = [limiter({ keyPrefix }), limiter({ keyPrefix }), limiter({ keyPrefix })];
    const started = Date.now();
    const granted: number[] = [];
    await Promise.all(
      limiters.flatMap((l) =>
        Array.from({ length: 10 }, () => l.take('getConversationGroup').then(() => void granted.push(Date.now()))),
      ),
    );
    // 30 permits at 20/s with a burst of 1 cannot take less than 29 intervals of 50 ms (each alone: 9 intervals).
    expect(Math.max(...granted) - started).toBeGreaterThanOrEqual(29 * 50 - 30);
    expect(limiters.map((l) => l.stats().redisPermits)).toEqual([10, 10, 10]);
    expect(limiters.flatMap((l) => l.logger.lines)).toEqual([]);
  });

  it('keeps operations and AppKeys apart', async () => {
    const keyPrefix = uniquePrefix();
    const a = limiter({ keyPrefix, perSecond: 1 });
    const otherApp = limiter({ keyPrefix, perSecond: 1, appKey: 'another-app' });
    await a.take('getConversationGroup');
    const started = Date.now();
    await Promise.all([a.take('listConversationGroups'), otherApp.take('getConversationGroup')]);
    expect(Date.now() - started).toBeLessThan(900); // the next permit of the same key would be 1 s away
  });

  it('never lets two AppKeys share a key through a colon or a brace in the AppKey or the operation', async () => {
    const keyPrefix = uniquePrefix();
    const first = limiter({ keyPrefix, perSecond: 1, appKey: 'a:b' });
    const second = limiter({ keyPrefix, perSecond: 1, appKey: 'a' });
    const braces = limiter({ keyPrefix, perSecond: 1, appKey: 'a}{b' });
    await first.take('c');
    const started = Date.now();
    // Unescaped, all three would be `{a:b:c}`-like keys of one quota: the next permit 1 s away.
    await Promise.all([second.take('b:c'), braces.take('c'), second.take('%3Ab%3Ac')]);
    expect(Date.now() - started).toBeLessThan(900);
    const keys = await connectRedis(port).keys(`${keyPrefix}*`);
    expect(keys.sort()).toEqual(
      [
        `${keyPrefix}{a%3Ab:c}:tat`,
        `${keyPrefix}{a:b%3Ac}:tat`,
        `${keyPrefix}{a%7D%7Bb:c}:tat`,
        `${keyPrefix}{a:%253Ab%253Ac}:tat`,
      ].sort(),
    );
  });

  it('after a reported 416, every limiter of the AppKey waits the block out before its next permit', async () => {
    const keyPrefix = uniquePrefix();
    const [reporter, other] = [limiter({ keyPrefix, blockMs: 600 }), limiter({ keyPrefix, blockMs: 600 })];
    await reporter.reportRateLimited('getConversationGroup', report416());
    const redis = connectRedis(port);
    const ttl = await redis.pttl(`${keyPrefix}{${appKey}:getConversationGroup}:block`);
    expect(ttl).toBeGreaterThan(400);
    expect(ttl).toBeLessThanOrEqual(600);
    const started = Date.now();
    await Promise.all([other.take('getConversationGroup'), reporter.take('getConversationGroup')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ttl - 40);
    expect(other.stats()).toMatchObject({ redisPermits: 1 });
    expect(other.stats().blocked).toBeGreaterThanOrEqual(1);
    expect(reporter.stats()).toMatchObject({ reports: 1, redisPermits: 1 });
  });

  it("blocks for the 416's Retry-After when it carried one, instead of blockMs", async () => {
    const keyPrefix = uniquePrefix();
    const reporter = limiter({ keyPrefix, blockMs: 60_000 });
    await reporter.reportRateLimited('getConversationGroup', report416(300));
    const ttl = await connectRedis(port).pttl(`${keyPrefix}{${appKey}:getConversationGroup}:block`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it("with onBlocked: 'fail', rejects a take during a block at once with NimRateLimitError (httpStatus 0: nothing sent)", async () => {
    const keyPrefix = uniquePrefix();
    await limiter({ keyPrefix, blockMs: 30_000 }).reportRateLimited('getConversationGroup', report416());
    const failing = limiter({ keyPrefix, onBlocked: 'fail' });
    const started = Date.now();
    const error = await failing.take('getConversationGroup').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimRateLimitError);
    expect(error).toMatchObject({ code: 416, httpStatus: 0, operationId: 'getConversationGroup' });
    expect((error as Error).message).toMatch(/blocked for \d+ ms more/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(failing.stats().redisPermits).toBe(0);
  });

  it('rejects a waiting take with the abort reason at once, and hands its reserved slot to the next caller', async () => {
    const l = limiter({ keyPrefix: uniquePrefix(), perSecond: 1 });
    await l.take('getConversationGroup');
    const started = Date.now();
    const controller = new AbortController();
    const waiting = l.take('getConversationGroup', controller.signal);
    const next = l.take('getConversationGroup');
    const third = l.take('getConversationGroup');
    await delay(100);
    const reason = new Error('caller left');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await Promise.all([next, third]);
    // Slots at 1 s and 2 s: the aborted take's slot went to the next caller (a lost slot would end at 3 s).
    expect(Date.now() - started).toBeLessThan(2_700);
    expect(l.stats().redisPermits).toBe(3);
  });

  it('drops a permit whose slot this process woke up for too late (a starved event loop), and takes the next slot', async () => {
    const l = limiter({ keyPrefix: uniquePrefix(), perSecond: 20, maxLateMs: 20 });
    await l.take('getConversationGroup');
    const second = l.take('getConversationGroup'); // its slot is 50 ms away
    await delay(5);
    const until = Date.now() + 150;
    while (Date.now() < until); // the event loop is blocked: the slot's timer fires ~100 ms late
    await second;
    expect(l.stats()).toMatchObject({ redisPermits: 3, late: 1 });
  });

  it('rejects a take that waits out a block when its signal aborts, and one already aborted without asking Redis', async () => {
    const keyPrefix = uniquePrefix();
    const l = limiter({ keyPrefix, blockMs: 30_000 });
    await l.reportRateLimited('getConversationGroup', report416());
    const controller = new AbortController();
    const started = Date.now();
    const waiting = l.take('getConversationGroup', controller.signal);
    setTimeout(() => controller.abort(new Error('enough')), 50);
    await expect(waiting).rejects.toThrow('enough');
    expect(Date.now() - started).toBeLessThan(10_000);
    const fresh = limiter({ keyPrefix: uniquePrefix() });
    await expect(fresh.take('getConversationGroup', AbortSignal.abort(new Error('before')))).rejects.toThrow('before');
    expect(fresh.stats().redisPermits).toBe(0);
  });

  it('is what @nim-api/client asks before each attempt: a 416 is reported to Redis and the retry waits the block out', async () => {
    const keyPrefix = uniquePrefix();
    const l = limiter({ keyPrefix, blockMs: 400 });
    const sentAt: number[] = [];
    const nim = createNimClient({
      appKey,
      appSecret: 'limiter-test-secret',
      retryDelayMs: () => 0,
      rateLimit: l,
      fetch: async () => {
        sentAt.push(Date.now());
        const code = sentAt.length === 1 ? 416 : 200;
        return new Response(
          JSON.stringify({
            code,
            msg: code === 200 ? 'success' : 'rate limited',
            data: code === 200 ? { conversation_groups: [] } : {},
          }),
        );
      },
    });
    await nim.conversationGroups.list({ account_id: 'alice' });
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(350);
    expect(l.stats()).toMatchObject({ reports: 1, redisPermits: 2 });
    expect(l.stats().blocked).toBeGreaterThanOrEqual(1);
  });

  it('works with an ioredis 5 connection too', async () => {
    const redis = new Redis5({ port, host: '127.0.0.1' });
    try {
      const keyPrefix = uniquePrefix();
      const l = createRedisRateLimiter({
        redis,
        appKey,
        perSecond: 50,
        expectedProcesses: 1,
        keyPrefix,
        blockMs: 200,
        logger: recordingLogger(),
      });
      await l.take('getConversationGroup');
      await l.reportRateLimited('getConversationGroup', report416());
      expect(await redis.pttl(`${keyPrefix}{${appKey}:getConversationGroup}:block`)).toBeGreaterThan(0);
      await l.take('getConversationGroup');
      expect(l.stats()).toMatchObject({ mode: 'redis', redisPermits: 2 });
      expect(l.stats().blocked).toBeGreaterThanOrEqual(1);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses an operationId that is not a non-empty string, in take and in reportRateLimited', async () => {
    const l = limiter({ keyPrefix: uniquePrefix() });
    for (const operationId of ['', 42, undefined, 'x'.repeat(300)]) {
      await expect(l.take(operationId as never)).rejects.toBeInstanceOf(NimValidationError);
      await expect(l.reportRateLimited(operationId as never, report416())).rejects.toBeInstanceOf(NimValidationError);
    }
  });
});
