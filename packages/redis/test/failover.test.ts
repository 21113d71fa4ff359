// The quota through a failover (issue 25), bounded: 4 worker processes × 100 calls through the BUILT packages, the
// limiter at 47/s against a quota server allowing 50/s (any 1 000 ms window, a 1 s block after a 416), the workers
// pinned to one core beside a busy loop; a third of the way in, the master holding the limiter's keys is
// SIGKILLed (in the Cluster: the master of the hash tag's slot). No 416 and no failed call, on a Cluster and on a
// Sentinel set. scripts/failover.ts runs it N times and prints the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masterKilledMidRun, type FailoverRun } from './support/load-scenarios.js';
import {
  startRedisCluster,
  startRedisSentinel,
  type RedisCluster,
  type RedisSentinelSet,
} from './support/redis-topologies.js';

const size = { workers: 4, callsPerWorker: 100, perSecond: 47, serverPerSecond: 50 };

const describeRun = (name: string, run: FailoverRun) => {
  const { result } = run;
  console.log(
    `${name} failover: ${result.answered416} × 416, failed ${JSON.stringify(result.failed)}, ${result.ok}/${result.calls} ok, ` +
      `${result.ratePerSecond.toFixed(1)}/s accepted, max ${result.maxInAnySecond} in a second; master ${run.killedPort} killed at ` +
      `${run.killedAt.toFixed(0)} ms, ${run.newMasterPort} master ${(run.newMasterAt - run.killedAt).toFixed(0)} ms later; ` +
      `on the fallback ${run.fallbackMs.map((ms) => (ms / 1000).toFixed(2)).join('/')} s`,
  );
};

const expectHeld = (run: FailoverRun) => {
  const { result } = run;
  expect(result.failed).toEqual({});
  expect(result.ok).toBe(result.calls);
  expect(result.answered416).toBe(0);
  expect(result.maxInAnySecond).toBeLessThanOrEqual(size.serverPerSecond);
  // The failover really happened, and every worker went through it (onto its fallback and back).
  expect(run.newMasterPort).not.toBe(0);
  expect(run.newMasterPort).not.toBe(run.killedPort);
  expect(run.fallbackMs.every((ms) => ms > 0)).toBe(true);
  for (let worker = 0; worker < size.workers; worker += 1) {
    expect(result.logs.filter((line) => line.worker === worker).at(-1)?.level).toBe('info');
  }
};

describe('the master holding the keys killed mid-run, workers under CPU pressure', { timeout: 90_000 }, () => {
  describe('Redis Cluster (3 masters + 3 replicas)', () => {
    let cluster: RedisCluster;
    beforeAll(async () => {
      cluster = await startRedisCluster();
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    it('earns no 416 and fails no call', async () => {
      const run = await masterKilledMidRun(size, { cluster });
      describeRun('cluster', run);
      expectHeld(run);
    });
  });

  describe('Sentinel (a master, a replica, three Sentinels)', () => {
    let sentinel: RedisSentinelSet;
    beforeAll(async () => {
      sentinel = await startRedisSentinel();
    }, 60_000);
    afterAll(async () => {
      await sentinel?.stop();
    });

    it('earns no 416 and fails no call', async () => {
      const run = await masterKilledMidRun(size, { sentinel });
      describeRun('sentinel', run);
      expectHeld(run);
    });
  });
});
