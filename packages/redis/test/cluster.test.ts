// A Cluster: an operation recovers in the time ITS slot needs. A master that does not hold the operation's keys
// failing changes nothing for it (cluster-require-full-coverage no, as the README recommends); the master that does
// hold them failing sends it onto the fallback once (one warn line), and back once the replica has taken over.
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../src/index.js';
import { recordingLogger, uniquePrefix, until } from './support/connections.js';
import { redisCli, startRedisCluster, type RedisCluster } from './support/redis-topologies.js';

let cluster: RedisCluster;
const open: Cluster[] = [];
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  for (const client of open) client.disconnect();
  await cluster?.stop();
});

const connect = () => {
  const client = new Cluster(
    cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
    {
      retryDelayOnFailover: 50,
      retryDelayOnClusterDown: 50,
      redisOptions: { connectTimeout: 500 },
    },
  );
  client.on('error', () => undefined);
  open.push(client);
  return client;
};

describe('a Redis Cluster', { timeout: 60_000 }, () => {
  it("keeps an operation on Redis while another slot's master fails over, and falls back only for its own", async () => {
    const keyPrefix = uniquePrefix();
    const appKey = 'cluster-app';
    const logger = recordingLogger();
    const limiter = createRedisRateLimiter({
      redis: connect(),
      appKey,
      keyPrefix,
      perSecond: 50,
      expectedProcesses: 1,
      probeIntervalMs: 200,
      logger,
    });
    const key = `${keyPrefix}{${appKey}:op}:tat`;
    await limiter.take('op');
    const own = await cluster.masterOf(key);
    const other = [];
    for (const node of cluster.nodes)
      if (node !== own && (await redisCli(node.port, 'ROLE')).startsWith('master')) other.push(node);
    expect(other.length).toBe(2);

    // Another master dies: for 3 s (past its failover), this operation's permits keep coming from Redis.
    await other[0]!.kill();
    const until3s = performance.now() + 3_000;
    while (performance.now() < until3s) await limiter.take('op');
    expect(limiter.stats()).toMatchObject({ mode: 'redis', fallbacks: 0 });
    expect(logger.lines).toEqual([]);

    // Its own master dies: onto the fallback once, back once the replica took the slot over.
    await own.kill();
    const killedAt = performance.now();
    await until(async () => (await limiter.take('op'), limiter.stats().recoveries === 1), 20_000, 'back on Redis');
    const backAfterMs = performance.now() - killedAt;
    const newMaster = await cluster.waitForNewMaster(key, own.port);
    console.log(
      `cluster: the keys' master ${own.port} killed; ${newMaster} took over; the limiter was back on Redis after ${backAfterMs.toFixed(0)} ms`,
    );
    expect(limiter.stats().fallbacks).toBe(1);
    expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'info']);
  });
});
