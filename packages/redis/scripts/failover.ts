// The quota through failovers (issue 25), N runs each on a Redis Cluster (3 masters + 3 replicas) and a Sentinel
// set: 4 worker processes × 100 calls through the built @nim-api/client and @nim-api/redis, the limiter at 47/s
// against a quota server allowing 50/s (any 1 000 ms window; a 416 blocks for 1 s), the workers pinned to one core
// beside a busy loop; a third of the way in, the master holding the limiter's keys is SIGKILLed.
//
//   pnpm build && pnpm --filter @nim-api/redis failover [-- --runs=5 --only=cluster,sentinel --client=ioredis|node-redis
//     --workers=4 --calls=100 --per-second=47 --server-per-second=50 --cpu-pressure=yes]
//
// Prints one line per run and the totals (runs, 416s, failed calls, seconds on the fallback, accepted rate) and
// writes packages/redis/scripts/results/failover-<client>.json. Needs Debian's redis-server (and redis-cli).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { masterKilledMidRun, type FailoverRun } from '../test/support/load-scenarios.js';
import { startRedisCluster, startRedisSentinel } from '../test/support/redis-topologies.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', '3'));
const only = arg('only', 'cluster,sentinel').split(',');
const size = {
  workers: Number(arg('workers', '4')),
  callsPerWorker: Number(arg('calls', '100')),
  perSecond: Number(arg('per-second', '47')),
  serverPerSecond: Number(arg('server-per-second', '50')),
  cpuPressure: arg('cpu-pressure', 'yes') === 'yes',
  client: arg('client', 'ioredis') as 'ioredis' | 'node-redis',
};

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const figures = (run: FailoverRun) => ({
  answered416: run.result.answered416,
  failed: Object.values(run.result.failed).reduce((sum, n) => sum + n, 0),
  ok: run.result.ok,
  acceptedPerSecond: round(run.result.ratePerSecond),
  maxInAnySecond: run.result.maxInAnySecond,
  seconds: round(run.result.durationMs / 1000),
  failoverSeconds: round((run.newMasterAt - run.killedAt) / 1000, 2),
  fallbackSeconds: run.fallbackMs.map((ms) => round(ms / 1000, 2)),
  late: run.result.workers.reduce((sum, w) => sum + Number((w.stats as { late?: number } | undefined)?.late ?? 0), 0),
});

const results: Record<string, unknown> = {
  machine: {
    cpus: os.cpus().length,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
    date: new Date().toISOString(),
  },
  size,
  runs,
};
console.log(
  `failover: ${runs} run(s) each of ${only.join(', ')}; ${size.workers} workers × ${size.callsPerWorker} calls (${size.client}), limiter ` +
    `${size.perSecond}/s, server ${size.serverPerSecond}/s (sliding 1 s window, 1 s block), CPU pressure ${size.cpuPressure ? 'on' : 'off'}`,
);
for (const kind of only) {
  const list: ReturnType<typeof figures>[] = [];
  for (let i = 1; i <= runs; i += 1) {
    // A fresh deployment per run: the killed master stays dead.
    const deployment =
      kind === 'cluster' ? { cluster: await startRedisCluster() } : { sentinel: await startRedisSentinel() };
    try {
      const run = figures(await masterKilledMidRun(size, deployment));
      list.push(run);
      console.log(`  ${kind} run ${i}: ${JSON.stringify(run)}`);
    } finally {
      await (deployment.cluster ? deployment.cluster.stop() : deployment.sentinel!.stop());
    }
  }
  const all = list.flatMap((run) => run.fallbackSeconds);
  const total = {
    runs: list.length,
    runsWith416: list.filter((run) => run.answered416 > 0).length,
    answered416: list.map((run) => run.answered416),
    failedCalls: list.reduce((sum, run) => sum + run.failed, 0),
    fallbackSecondsPerWorker: {
      min: Math.min(...all),
      mean: round(all.reduce((a, b) => a + b, 0) / all.length, 2),
      max: Math.max(...all),
    },
    acceptedPerSecond: list.map((run) => run.acceptedPerSecond),
    maxInAnySecond: Math.max(...list.map((run) => run.maxInAnySecond)),
    failoverSeconds: list.map((run) => run.failoverSeconds),
  };
  results[kind] = { total, runs: list };
  console.log(`▶ ${kind}: ${JSON.stringify(total)}`);
}
(results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL(`failover-${size.client}.json`, dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written: packages/redis/scripts/results/failover-${size.client}.json`);
