// The load proof in small (the full one: scripts/load.ts, 8 workers × 300 calls). 8 worker processes run the BUILT
// @nim-api/client and @nim-api/redis against a quota server allowing 100 calls/s per operation (any 1 000 ms
// window) with a 1 s block after a 416. The limiter runs at 90/s here, not the 97/s of the full run: this machine
// is shared and loaded while the tests run, and a loaded machine delays some calls more than others between the
// permit and the server, which bunches them up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotIntervalUs } from '../src/redis-quota.js';
import { injected416, redisKilledMidRun, withoutLimiter, withRedisLimiter } from './support/load-scenarios.js';
import { startRedisServer, type RedisServer } from './support/redis-server.js';

const size = { workers: 8, callsPerWorker: 30, perSecond: 90 };
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe('8 processes on one AppKey against a quota of 100 calls/s', { timeout: 120_000 }, () => {
  it('without a shared limiter, earn 416s', async () => {
    const result = await withoutLimiter(size);
    console.log(
      `load without limiter: ${result.answered416} × 416, failed ${JSON.stringify(result.failed)}, ${result.ok}/${result.calls} ok`,
    );
    expect(result.answered416).toBeGreaterThan(0);
  });

  it('with the Redis limiter, get no 416 at all, and the rate the limiter allows (within 5 %)', async () => {
    const result = await withRedisLimiter(size, redis);
    console.log(
      `load with limiter: ${result.answered416} × 416, ${result.ratePerSecond.toFixed(1)}/s, max ${result.maxInAnySecond} in a second`,
    );
    expect(result.failed).toEqual({});
    expect(result.ok).toBe(result.calls);
    expect(result.answered416).toBe(0);
    // The rate the limiter allows: slots (1000 + maxLateMs) / perSecond ms apart (maxLateMs: 5, the default).
    const allowed = 1e6 / slotIntervalUs(size.perSecond, 5);
    expect(result.ratePerSecond).toBeGreaterThanOrEqual(allowed * 0.95);
    expect(result.ratePerSecond).toBeLessThanOrEqual(allowed * 1.05);
  });

  it('with Redis killed mid-run and restarted, fail no call; every process falls back and returns (log lines)', async () => {
    const run = await redisKilledMidRun({ ...size, callsPerWorker: 40 }, redis, 800);
    const { result } = run;
    console.log(
      `load with Redis killed at ${run.killedAt.toFixed(0)} ms, back at ${run.restartedAt.toFixed(0)} ms: ${result.answered416} × 416, ` +
        `failed ${JSON.stringify(result.failed)}, ${run.workersThatFellBack} fell back, ${run.workersThatRecovered} recovered`,
    );
    expect(result.failed).toEqual({});
    expect(result.ok).toBe(result.calls);
    expect(run.workersThatFellBack).toBe(size.workers);
    expect(run.workersThatRecovered).toBe(size.workers);
    for (let worker = 0; worker < size.workers; worker += 1) {
      const levels = result.logs.filter((line) => line.worker === worker).map((line) => line.level);
      // Each fallback (a warn) is followed by its recovery (an info); the outage gives at least one pair.
      expect(levels.filter((level) => level === 'warn').length).toBe(levels.filter((level) => level === 'info').length);
      expect(levels.at(-1)).toBe('info');
    }
    expect(
      result.logs.some((line) => line.level === 'warn' && line.at >= run.killedAt - 50 && line.at <= run.restartedAt),
    ).toBe(true);
    expect(result.logs.some((line) => line.level === 'info' && line.at >= run.restartedAt)).toBe(true);
  });

  it('after one injected 416, every process pauses for the block, then resumes within the quota', async () => {
    const run = await injected416({ ...size, callsPerWorker: 40 }, redis);
    const { result } = run;
    console.log(
      `load with a 416 injected at ${run.injectedAt.toFixed(0)} ms: ${run.refusedInBlock} × 416 in the block, ${run.duringBlock} calls ` +
        `during it, paused ${run.pauseMs.toFixed(0)} ms, ${run.workersResumed} resumed, max ${run.maxInAnySecondAfter} in a second after`,
    );
    expect(result.failed).toEqual({});
    expect(result.ok).toBe(result.calls);
    expect(run.duringBlock).toBe(0);
    expect(run.pauseMs).toBeGreaterThanOrEqual(1000);
    expect(run.workersResumed).toBe(size.workers);
    expect(run.refusedAfterBlock).toBe(0);
    expect(run.maxInAnySecondAfter).toBeLessThanOrEqual(100);
  });
});
