// The four runs of the load proof (issue 15), each a function of its size, shared by test/load.test.ts (small)
// and scripts/load.ts (8 workers × 300 calls): without a limiter, with the shared Redis limiter, Redis killed
// and restarted mid-run, and one injected 416.
import { runLoad, maxInWindow, type LoadResult, type RedisTopology } from './load-run.js';
import type { RedisServer } from './redis-server.js';
import { redisCli, type RedisCluster, type RedisSentinelSet } from './redis-topologies.js';

export interface ScenarioSize {
  readonly workers: number;
  readonly callsPerWorker: number;
  /** Calls in flight per worker. @default 16 */
  readonly concurrency?: number;
  /** The limiter's perSecond, all workers together (the server allows 100). */
  readonly perSecond: number;
}

const base = (size: ScenarioSize) => ({
  workers: size.workers,
  callsPerWorker: size.callsPerWorker,
  concurrency: size.concurrency ?? 16,
  perSecond: size.perSecond,
  serverPerSecond: 100,
  serverBlockMs: 1000,
  blockMs: 1000,
});

const prefix = (name: string) => `load:${name}:${Date.now()}:`;
/** Resolves when the server has seen `count` calls of the load, or after `timeoutMs`. */
const afterCalls = async (calls: () => number, count: number, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (calls() < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
};

export function withoutLimiter(size: ScenarioSize): Promise<LoadResult> {
  return runLoad({ ...base(size), limiter: 'none' });
}

export function withRedisLimiter(size: ScenarioSize, redis: RedisServer): Promise<LoadResult> {
  return runLoad({ ...base(size), limiter: 'redis', redisPort: redis.port, keyPrefix: prefix('shared') });
}

/** Redis is SIGKILLed once a third of the calls are done and started again `downMs` later. */
export async function redisKilledMidRun(size: ScenarioSize, redis: RedisServer, downMs: number) {
  const marks = { killedAt: 0, restartedAt: 0 };
  const result = await runLoad({
    ...base(size),
    limiter: 'redis',
    redisPort: redis.port,
    keyPrefix: prefix('fault'),
    async during({ server }) {
      await afterCalls(() => server.calls.length, Math.round((size.workers * size.callsPerWorker) / 3));
      await redis.kill();
      marks.killedAt = server.now();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await redis.start();
      marks.restartedAt = server.now();
    },
  });
  const workersThatFellBack = new Set(result.logs.filter((l) => l.level === 'warn').map((l) => l.worker)).size;
  const workersThatRecovered = new Set(result.logs.filter((l) => l.level === 'info').map((l) => l.worker)).size;
  return { result, ...marks, workersThatFellBack, workersThatRecovered };
}

/** Once a third of the calls are done, the server answers one call 416 and blocks for 1000 ms. */
export async function injected416(size: ScenarioSize, redis: RedisServer) {
  let injectedAt = 0;
  const result = await runLoad({
    ...base(size),
    limiter: 'redis',
    redisPort: redis.port,
    keyPrefix: prefix('inject'),
    async during({ server }) {
      await afterCalls(() => server.calls.length, Math.round((size.workers * size.callsPerWorker) / 3));
      server.inject416();
      await afterCalls(() => server.calls.filter((call) => call.code === 416).length, 1);
      injectedAt = server.calls.find((call) => call.code === 416)!.at;
    },
  });
  const blockEnd = injectedAt + 1000;
  const calls = result.serverCalls;
  // Calls reserved before the block was known may still arrive in its first moments (each worker holds at most
  // two reservations, ~16 slots in all); after those, nothing may arrive until the block is over.
  const settleMs = 300;
  const duringBlock = calls.filter((call) => call.at > injectedAt + settleMs && call.at < blockEnd).length;
  const refusedAfterBlock = calls.filter((call) => call.at >= blockEnd && call.code === 416).length;
  const acceptedAfter = calls.filter((call) => call.at >= blockEnd && call.code === 200);
  const workersResumed = new Set(acceptedAfter.map((call) => call.worker)).size;
  const firstAfter = acceptedAfter[0]?.at ?? NaN;
  return {
    result,
    injectedAt,
    /** 416 answers from the injection to the end of its block (the injected one and the calls already reserved). */
    refusedInBlock: calls.filter((call) => call.at >= injectedAt && call.at < blockEnd && call.code === 416).length,
    duringBlock,
    refusedAfterBlock,
    workersResumed,
    pauseMs: firstAfter - injectedAt,
    maxInAnySecondAfter: maxInWindow(acceptedAfter.map((call) => call.at)),
  };
}

export interface FailoverSize {
  readonly workers: number;
  readonly callsPerWorker: number;
  /** The limiter's perSecond, all workers together. */
  readonly perSecond: number;
  /** The quota server's perSecond (any 1 000 ms window; a 416 blocks for 1 s). */
  readonly serverPerSecond: number;
  /** @default 16 */
  readonly concurrency?: number;
  /** Workers pinned to one core beside a busy loop. @default true */
  readonly cpuPressure?: boolean;
  /** @default 'ioredis' */
  readonly client?: 'ioredis' | 'node-redis';
}

/** What a failover run measured. */
export interface FailoverRun {
  readonly result: LoadResult;
  /** ms since the quota server started: the kill, and when the deployment named a new master. */
  readonly killedAt: number;
  readonly newMasterAt: number;
  readonly killedPort: number;
  readonly newMasterPort: number;
  /** Per worker, ms spent on the fallback (from its warn line to its info line). */
  readonly fallbackMs: number[];
}

/** The master that holds the keys of a load (keys starting with `prefix`), found by scanning each candidate. */
async function masterHolding(
  candidates: readonly RedisServer[],
  prefix: string,
): Promise<{ server: RedisServer; key: string } | undefined> {
  for (const server of candidates) {
    const role = await redisCli(server.port, 'ROLE');
    if (!role.startsWith('master')) continue;
    const key = (await redisCli(server.port, '--scan', '--pattern', `${prefix}*`)).split('\n')[0];
    if (key) return { server, key };
  }
  return undefined;
}

/**
 * The load against a Cluster or a Sentinel set; once a third of the calls are done, the master holding the load's
 * keys (the hash-tag slot's master in the Cluster) is SIGKILLed. Measures the failover besides the load.
 */
export async function masterKilledMidRun(
  size: FailoverSize,
  deployment: { cluster: RedisCluster } | { sentinel: RedisSentinelSet },
): Promise<FailoverRun> {
  const keyPrefix = prefix('failover');
  const marks = { killedAt: 0, newMasterAt: 0, killedPort: 0, newMasterPort: 0 };
  const topology: RedisTopology =
    'cluster' in deployment
      ? { kind: 'cluster', ports: deployment.cluster.ports }
      : { kind: 'sentinel', sentinelPorts: deployment.sentinel.sentinelPorts, name: deployment.sentinel.name };
  const result = await runLoad({
    workers: size.workers,
    callsPerWorker: size.callsPerWorker,
    concurrency: size.concurrency ?? 16,
    perSecond: size.perSecond,
    serverPerSecond: size.serverPerSecond,
    serverBlockMs: 1000,
    blockMs: 1000,
    limiter: 'redis',
    topology,
    client: size.client,
    keyPrefix,
    cpuPressure: size.cpuPressure ?? true,
    timeoutMs: 90_000,
    async during({ server }) {
      await afterCalls(() => server.calls.length, Math.round((size.workers * size.callsPerWorker) / 3));
      const candidates = 'cluster' in deployment ? deployment.cluster.nodes : deployment.sentinel.servers;
      const holding = await masterHolding(candidates, keyPrefix);
      if (!holding) throw new Error('no master holds the load keys');
      const master = holding.server;
      marks.killedPort = master.port;
      await master.kill();
      marks.killedAt = server.now();
      marks.newMasterPort =
        'cluster' in deployment
          ? await deployment.cluster.waitForNewMaster(holding.key, master.port).catch(() => 0)
          : await deployment.sentinel.waitForNewMaster(master.port).catch(() => 0);
      marks.newMasterAt = server.now();
    },
  });
  const fallbackMs = Array.from({ length: size.workers }, (_, worker) => {
    let total = 0;
    let since: number | undefined;
    for (const line of result.logs.filter((l) => l.worker === worker)) {
      if (line.level === 'warn' && line.line.includes('unavailable') && since === undefined) since = line.at;
      if (line.level === 'info' && since !== undefined) {
        total += line.at - since;
        since = undefined;
      }
    }
    return since === undefined ? total : total + (result.endedAt - since);
  });
  return { result, ...marks, fallbackMs };
}
