// node-redis (v4, v5, v6) as the limiter's connection, against real servers: a single server (createClient), the
// Cluster (createCluster) and a Sentinel set (createSentinel, v5 and v6). The same scripts as with ioredis, passed
// as { keys, arguments }; EVAL after NOSCRIPT; the fallback when the server dies (isReady), and back.
import {
  createClient as createClient6,
  createCluster as createCluster6,
  createSentinel as createSentinel6,
} from 'redis';
import { createClient as createClient4, createCluster as createCluster4 } from 'redis-client-v4';
import { createClient as createClient5, createSentinel as createSentinel5 } from 'redis-client-v5';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter, type RedisConnection } from '../src/index.js';
import { recordingLogger, uniquePrefix, until } from './support/connections.js';
import { startRedisServer } from './support/redis-server.js';
import {
  startRedisCluster,
  startRedisSentinel,
  type RedisCluster,
  type RedisSentinelSet,
} from './support/redis-topologies.js';

const host = '127.0.0.1';
const reconnectStrategy = () => 50;
interface Closable {
  connect(): Promise<unknown>;
  on(event: 'error', listener: () => void): unknown;
  destroy?: () => unknown;
  disconnect?: () => unknown;
}
const open: Closable[] = [];
async function connected<T extends Closable>(client: T): Promise<T> {
  client.on('error', () => undefined);
  open.push(client);
  await client.connect();
  return client;
}
// After each test: before the Cluster and the Sentinels stop, so no client is left asking for them.
afterEach(async () => {
  for (const client of open.splice(0))
    await Promise.resolve(client.destroy ? client.destroy() : client.disconnect?.()).catch(() => undefined);
});

/** `count` permits through two limiters (two processes) on two connections: spaced one interval apart overall. */
async function sharedPermits(connections: [RedisConnection, RedisConnection], count = 10, perSecond = 50) {
  const keyPrefix = uniquePrefix();
  const logger = recordingLogger();
  const limiters = connections.map((redis) =>
    createRedisRateLimiter({
      redis,
      appKey: 'node-redis-app',
      keyPrefix,
      perSecond,
      expectedProcesses: 2,
      // What these tests check is the commands, not the timing: a loaded machine's slow first round trip to a new
      // Cluster node must not send a limiter onto its fallback, nor a late timer drop a slot.
      redisTimeoutMs: 2_000,
      maxLateMs: 1_000,
      logger,
    }),
  );
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      limiters[i % 2]!.take('getConversationGroup').then(() => times.push(performance.now())),
    ),
  );
  times.sort((a, b) => a - b);
  const gaps = times.slice(1).map((time, i) => time - times[i]!);
  return { gaps, stats: limiters.map((limiter) => limiter.stats()), intervalMs: 1000 / perSecond, lines: logger.lines };
}

const expectShared = ({ gaps, stats, intervalMs, lines }: Awaited<ReturnType<typeof sharedPermits>>) => {
  expect(lines).toEqual([]);
  expect(stats.map((s) => s.mode)).toEqual(['redis', 'redis']);
  expect(stats.reduce((sum, s) => sum + s.redisPermits, 0)).toBeGreaterThanOrEqual(10);
  expect(stats.reduce((sum, s) => sum + s.fallbackPermits, 0)).toBe(0);
  // Slots one interval apart on Redis' clock; the timers of this process may fire a few ms apart from them.
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  expect(total).toBeGreaterThanOrEqual(intervalMs * (gaps.length - 1));
};

describe('node-redis createClient (a single server)', () => {
  const port = inject('redisPort');
  const clients = {
    v4: () => createClient4({ socket: { host, port, reconnectStrategy } }),
    v5: () => createClient5({ socket: { host, port, reconnectStrategy } }),
    v6: () => createClient6({ socket: { host, port, reconnectStrategy } }),
  };
  for (const [version, create] of Object.entries(clients)) {
    it(`${version}: shares one schedule, and loads the script again after SCRIPT FLUSH`, async () => {
      const a = await connected(create());
      const b = await connected(create());
      expectShared(await sharedPermits([a, b]));
      await a.scriptFlush();
      expectShared(await sharedPermits([a, b]));
    });
  }

  it('v6: falls back at once when the server dies (isReady false), and returns when it is back', {
    timeout: 30_000,
  }, async () => {
    const server = await startRedisServer();
    try {
      const redis = await connected(createClient6({ socket: { host, port: server.port, reconnectStrategy } }));
      const logger = recordingLogger();
      const limiter = createRedisRateLimiter({
        redis,
        appKey: 'node-redis-app',
        keyPrefix: uniquePrefix(),
        perSecond: 100,
        expectedProcesses: 2,
        probeIntervalMs: 100,
        logger,
      });
      await limiter.take('op');
      await server.kill();
      await until(() => !redis.isReady, 5_000, 'isReady false');
      const started = performance.now();
      await limiter.take('op');
      // The connection said it was down: no wait for redisTimeoutMs (50 ms), only the fallback's spacing (20 ms)
      // after the slots Redis may have granted.
      expect(performance.now() - started).toBeLessThan(300);
      expect(limiter.stats().mode).toBe('fallback');
      await server.start();
      await until(async () => (await limiter.take('op'), limiter.stats().mode === 'redis'), 10_000, 'back on Redis');
      expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'info']);
    } finally {
      await server.stop();
    }
  });
});

describe('node-redis on a Cluster and a Sentinel set', { timeout: 60_000 }, () => {
  let cluster: RedisCluster;
  let sentinel: RedisSentinelSet;
  beforeAll(async () => {
    // Both started side by side; if one fails, the other is stopped before the failure is reported.
    const [a, b] = await Promise.allSettled([startRedisCluster(), startRedisSentinel()]);
    if (a.status === 'fulfilled') cluster = a.value;
    if (b.status === 'fulfilled') sentinel = b.value;
    if (a.status === 'rejected' || b.status === 'rejected') {
      await Promise.all([cluster?.stop(), sentinel?.stop()]);
      throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([cluster?.stop(), sentinel?.stop()]);
  });

  it('createCluster (v4 and v6): the permit keys share one slot, so EVALSHA goes to its master', async () => {
    const rootNodes = cluster.ports.map((port) => ({ socket: { host, port } }));
    const v4 = await connected(createCluster4({ rootNodes }));
    const v6 = await connected(createCluster6({ rootNodes }));
    expectShared(await sharedPermits([v4, v6]));
  });

  it('createSentinel (v5 and v6): permits from the master the Sentinels name', async () => {
    const sentinelRootNodes = sentinel.sentinelPorts.map((port) => ({ host, port }));
    const v5 = await connected(createSentinel5({ name: sentinel.name, sentinelRootNodes }));
    const v6 = await connected(createSentinel6({ name: sentinel.name, sentinelRootNodes }));
    expectShared(await sharedPermits([v5, v6]));
  });
});
