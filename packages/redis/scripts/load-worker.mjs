// One worker process of the load proof (forked by test/support/load-run.ts): @nim-api/client, as built, sends
// `calls` GETs to the quota server, `concurrency` at a time, as fast as it can — through the shared Redis limiter
// or without any limiter. Its configuration comes in LOAD_WORKER_CONFIG; log lines, then the counts, go to the
// parent over IPC. It starts on the parent's 'go', so all workers start together.
import { createNimClient } from '@nim-api/client';
import { createRedisRateLimiter } from '@nim-api/redis';
import { Cluster, Redis } from 'ioredis';

const config = JSON.parse(process.env.LOAD_WORKER_CONFIG ?? '{}');
const send = (message) => process.send?.(message);
const logger = {
  warn: (line) => send({ type: 'log', level: 'warn', line, at: Date.now() }),
  info: (line) => send({ type: 'log', level: 'info', line, at: Date.now() }),
};

const host = '127.0.0.1';
// The caller's connection, as a service would make it: ioredis or node-redis, to a single server, a Cluster or a
// Sentinel set. Reconnect attempts every 50 ms (the clients' own back-offs grow to seconds): the fault scenarios
// kill a server.
async function connect() {
  const topology = config.topology;
  if (config.client === 'node-redis') {
    const { createClient, createCluster, createSentinel } = await import('redis');
    const reconnectStrategy = () => 50;
    let client;
    if (topology?.kind === 'cluster') {
      client = createCluster({
        rootNodes: topology.ports.map((port) => ({ socket: { host, port } })),
        defaults: { socket: { reconnectStrategy, connectTimeout: 500 } },
      });
    } else if (topology?.kind === 'sentinel') {
      client = createSentinel({
        name: topology.name,
        sentinelRootNodes: topology.sentinelPorts.map((port) => ({ host, port })),
        nodeClientOptions: { socket: { reconnectStrategy } },
      });
    } else {
      client = createClient({ socket: { host, port: config.redisPort, reconnectStrategy } });
    }
    client.on('error', () => undefined);
    await client.connect();
    return { redis: client, close: () => client.destroy?.() ?? client.disconnect() };
  }
  let client;
  if (topology?.kind === 'cluster') {
    client = new Cluster(
      topology.ports.map((port) => ({ host, port })),
      {
        clusterRetryStrategy: () => 50,
        retryDelayOnFailover: 50,
        retryDelayOnClusterDown: 50,
        retryDelayOnTryAgain: 50,
        slotsRefreshTimeout: 500,
        redisOptions: { connectTimeout: 500 },
      },
    );
  } else if (topology?.kind === 'sentinel') {
    client = new Redis({
      sentinels: topology.sentinelPorts.map((port) => ({ host, port })),
      name: topology.name,
      retryStrategy: () => 50,
      sentinelRetryStrategy: () => 50,
      connectTimeout: 500,
    });
  } else {
    client = new Redis({ port: config.redisPort, host, retryStrategy: () => 50 });
  }
  client.on('error', () => undefined); // the fault scenarios kill a server: connection errors are expected
  return { redis: client, close: () => client.disconnect() };
}

let redis;
let limiter;
let connection;
if (config.limiter === 'redis') {
  connection = await connect();
  redis = connection.redis;
  limiter = createRedisRateLimiter({
    redis,
    appKey: config.appKey,
    perSecond: config.perSecond,
    expectedProcesses: config.expectedProcesses,
    keyPrefix: config.keyPrefix,
    blockMs: config.blockMs,
    ...(config.maxLateMs ? { maxLateMs: config.maxLateMs } : {}),
    logger,
  });
}
const nim = createNimClient({
  appKey: config.appKey,
  appSecret: 'load-secret',
  baseUrl: config.serverUrl,
  rateLimit: limiter,
});

const go = new Promise((resolve) => process.once('message', resolve));
// Warm: modules loaded, Redis connected, the limiter's script loaded (a permit of another operation), and the very
// call of the load run 20 times on another AppKey (its own quota) through a client without limiter. Cold first
// calls are slower than the later ones, which bunches calls up in the first second.
if (redis) await redis.ping?.().catch(() => undefined);
await nim.conversationGroups
  .list({ account_id: 'alice' }, { traceId: `w${config.worker}-warm` })
  .catch(() => undefined);
const warm = createNimClient({
  appKey: `warm-up-${config.worker}`,
  appSecret: 'load-secret',
  baseUrl: config.serverUrl,
});
for (let i = 0; i < 20; i += 1)
  await warm.conversationGroups
    .get('1001', { account_id: 'alice' }, { traceId: `w${config.worker}-warm${i}` })
    .catch(() => undefined);
send({ type: 'ready' });
await go;
let next = 0;
let ok = 0;
const failed = {};
const lane = async () => {
  while (next < config.calls) {
    const call = next;
    next += 1;
    try {
      await nim.conversationGroups.get('1001', { account_id: 'alice' }, { traceId: `w${config.worker}-${call}` });
      ok += 1;
    } catch (error) {
      failed[error?.name ?? 'unknown'] = (failed[error?.name ?? 'unknown'] ?? 0) + 1;
    }
  }
};
await Promise.all(Array.from({ length: config.concurrency }, lane));
send({ type: 'done', ok, failed, stats: limiter?.stats() });
await connection?.close();
process.disconnect?.();
