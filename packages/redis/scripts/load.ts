// The load proof of issue 15 in full: 8 worker processes × 300 calls each, as fast as they can, through the built
// @nim-api/client against a quota server allowing 100 calls/s per operation (any 1 000 ms window; a 416 blocks the
// operation for 1 s). Four runs: without a limiter; with the shared Redis limiter; Redis killed a third of the way
// in and restarted; one 416 injected a third of the way in.
//
//   pnpm --filter @nim-api/redis load [-- --per-second=97 --workers=8 --calls=300 --down-ms=2000 --only=with,fault]
//
// LOAD_MAX_LATE_MS=<ms> sets the workers' maxLateMs (experiments). Needs `pnpm build` first (the workers load
// packages/*/dist) and Debian's redis-server. Prints one block per run
// and writes packages/redis/scripts/results/load-latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { injected416, redisKilledMidRun, withoutLimiter, withRedisLimiter } from '../test/support/load-scenarios.js';
import type { LoadResult } from '../test/support/load-run.js';
import { startRedisServer } from '../test/support/redis-server.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const size = {
  workers: Number(arg('workers', '8')),
  callsPerWorker: Number(arg('calls', '300')),
  perSecond: Number(arg('per-second', '97')),
};
const downMs = Number(arg('down-ms', '2000'));
const only = arg('only', 'without,with,fault,inject').split(',');

const counts = (r: LoadResult) => ({
  calls: r.calls,
  ok: r.ok,
  failed: r.failed,
  answered416: r.answered416,
  accepted: r.accepted,
  ratePerSecond: Math.round(r.ratePerSecond * 10) / 10,
  maxInAnySecond: r.maxInAnySecond,
  seconds: Math.round(r.durationMs / 100) / 10,
  limiterStats: r.workers.map((w) => w.stats).filter(Boolean),
});
const print = (title: string, figures: Record<string, unknown>) => {
  console.log(`\n▶ ${title}`);
  for (const [key, value] of Object.entries(figures))
    if (key !== 'limiterStats' && key !== 'logs') console.log(`  ${key}: ${JSON.stringify(value)}`);
};

const results: Record<string, unknown> = {
  machine: {
    cpus: os.cpus().length,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    date: new Date().toISOString(),
  },
  size,
};
const redis = await startRedisServer();
try {
  console.log(
    `load: ${size.workers} workers × ${size.callsPerWorker} calls, limiter ${size.perSecond}/s, server 100/s (sliding 1 s window, 1 s block)`,
  );
  if (only.includes('without'))
    print('without a limiter', (results.without = counts(await withoutLimiter(size))) as never);
  if (only.includes('with')) {
    const r = counts(await withRedisLimiter(size, redis));
    results.with = { ...r, rateVs100: `${((r.ratePerSecond / 100 - 1) * 100).toFixed(1)} %` };
    print('with the shared Redis limiter', results.with as never);
  }
  if (only.includes('fault')) {
    const run = await redisKilledMidRun(size, redis, downMs);
    results.fault = {
      ...counts(run.result),
      killedAtMs: Math.round(run.killedAt),
      restartedAtMs: Math.round(run.restartedAt),
      workersThatFellBack: run.workersThatFellBack,
      workersThatRecovered: run.workersThatRecovered,
      logs: run.result.logs.map((l) => `${Math.round(l.at)} ms worker ${l.worker} ${l.level}: ${l.line}`),
    };
    print(`Redis killed and restarted ${downMs} ms later`, results.fault as never);
    for (const line of (results.fault as { logs: string[] }).logs) console.log(`    ${line}`);
  }
  if (only.includes('inject')) {
    const { result, ...rest } = await injected416(size, redis);
    results.inject = {
      ...counts(result),
      ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    };
    print('one 416 injected', results.inject as never);
  }
} finally {
  await redis.stop();
}
(results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('load-latest.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: packages/redis/scripts/results/load-latest.json');
