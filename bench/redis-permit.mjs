// 9. What a permit costs: `take()` latency of @nim-api/redis on a loopback redis-server (one Lua script per
// permit) beside the client's in-process bucket (createTokenBucketLimiter) and no limiter at all (a resolved
// promise), uncontended (rates far above what is taken, so no permit waits for its slot). Sequential takes; each
// round measures every variant once, the order rotating; p50 and p99 per round, then median and spread.
// Needs Debian's redis-server (scripts/bootstrap.sh) and the built packages/redis (pnpm bench builds it).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importClient, interleave, paired, percentile, root, summary } from './lib.mjs';

const redisDir = join(root, 'packages/redis');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const pings = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });

/** redis-server on 127.0.0.1, a free port, no persistence; `stop()` ends it (it also dies with this process). */
async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const failed = new Promise((_, reject) =>
    child.once('error', (e) => reject(new Error(`redis-server: ${e.message} (bash scripts/bootstrap.sh installs it)`))),
  );
  for (let i = 0; i < 500 && !(await Promise.race([pings(port), failed])); i += 1)
    await new Promise((r) => setTimeout(r, 20));
  return {
    port,
    async stop() {
      process.removeListener('exit', kill);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function run({ quick }) {
  const require = createRequire(join(redisDir, 'package.json'));
  const { Redis } = require('ioredis');
  const { createRedisRateLimiter } = await import(pathToFileURL(join(redisDir, 'dist/index.js')).href);
  const { createTokenBucketLimiter } = await importClient();
  const server = await startRedis();
  const redis = new Redis({ port: server.port, host: '127.0.0.1' });
  try {
    const shared = createRedisRateLimiter({
      redis,
      appKey: 'bench',
      perSecond: 1e6,
      expectedProcesses: 1,
      burst: 1e6,
      keyPrefix: `bench:${Date.now()}:`,
      logger: { warn() {}, info() {} },
    });
    const bucket = createTokenBucketLimiter({ perSecond: 1e9 });
    const variants = {
      redis: () => shared.take('getConversationGroup'),
      bucket: () => bucket.take('getConversationGroup'),
      none: () => Promise.resolve(),
    };
    const takes = quick ? 200 : 2_000;
    const measure = async (take) => {
      const latencies = new Float64Array(takes);
      for (let i = 0; i < takes; i += 1) {
        const t0 = performance.now();
        await take();
        latencies[i] = (performance.now() - t0) * 1000;
      }
      latencies.sort();
      return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
    };
    for (const take of Object.values(variants)) await measure(take); // warm-up
    const rounds = quick ? 3 : 15;
    const r = await interleave(variants, rounds, measure);
    const stats = shared.stats();
    if (stats.mode !== 'redis' || stats.fallbackPermits > 0)
      throw new Error(`the Redis limiter fell back during the bench: ${JSON.stringify(stats)}`);
    const of = (name, q) => summary(r[name].map((x) => x[q]));
    return {
      rounds,
      takesPerRound: takes,
      /** µs per take. */
      p50Us: { redis: of('redis', 'p50'), bucket: of('bucket', 'p50'), none: of('none', 'p50') },
      p99Us: { redis: of('redis', 'p99'), bucket: of('bucket', 'p99'), none: of('none', 'p99') },
      /** What a Redis permit adds over the in-process bucket, per pair of neighbouring rounds, µs. */
      addedP50Us: summary(paired(r.redis, r.bucket, (a, b) => a.p50 - b.p50)),
      addedP99Us: summary(paired(r.redis, r.bucket, (a, b) => a.p99 - b.p99)),
    };
  } finally {
    redis.disconnect();
    await server.stop();
  }
}
