// The load proof's runner, shared by test/load.test.ts (small runs) and scripts/load.ts (the full run): forks
// worker processes (scripts/load-worker.mjs, the built packages) against one quota server and collects what the
// server saw and what each worker counted.
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startQuotaServer, type QuotaCall, type QuotaServer } from './quota-server.js';

export interface LoadOptions {
  readonly workers: number;
  readonly callsPerWorker: number;
  /** Calls in flight per worker. */
  readonly concurrency: number;
  /** `'redis'`: every worker uses createRedisRateLimiter on `redisPort`; `'none'`: no limiter at all. */
  readonly limiter: 'none' | 'redis';
  readonly redisPort?: number;
  /** Instead of a single server on redisPort: a Cluster (any of its ports) or a Sentinel set. */
  readonly topology?: RedisTopology;
  /** The workers' Redis client. @default 'ioredis' */
  readonly client?: 'ioredis' | 'node-redis';
  /**
   * CPU pressure on the workers: all of them pinned to one core (`taskset`, where there is one) beside a busy-loop
   * process on the same core, as pods sharing a CPU limit.
   */
  readonly cpuPressure?: boolean;
  /** The limiter's perSecond (all workers together) and blockMs. */
  readonly perSecond?: number;
  readonly blockMs?: number;
  readonly keyPrefix?: string;
  /** The quota server's limit per second and block. @default 100 and 1000 ms */
  readonly serverPerSecond?: number;
  readonly serverBlockMs?: number;
  /** Runs beside the load once every worker has started (faults: kill Redis, inject a 416). */
  readonly during?: (run: { server: QuotaServer }) => Promise<void>;
  /** @default 120 000 */
  readonly timeoutMs?: number;
}

export type RedisTopology =
  | { readonly kind: 'cluster'; readonly ports: readonly number[] }
  | { readonly kind: 'sentinel'; readonly sentinelPorts: readonly number[]; readonly name: string };

export interface LoadLogLine {
  readonly worker: number;
  readonly level: 'warn' | 'info';
  readonly line: string;
  /** ms since the server started */
  readonly at: number;
}

export interface LoadResult {
  readonly calls: number;
  readonly ok: number;
  /** Failed calls by error name. */
  readonly failed: Record<string, number>;
  /** Answers with code 416 (each retry counts). */
  readonly answered416: number;
  /** Calls the server accepted. */
  readonly accepted: number;
  /** Accepted calls per second, from the first to the last accepted call. */
  readonly ratePerSecond: number;
  /** Most accepted calls in any window of 1000 ms. */
  readonly maxInAnySecond: number;
  readonly durationMs: number;
  /** When the run ended, in ms since the server started (the clock of `logs[].at`). */
  readonly endedAt: number;
  readonly logs: LoadLogLine[];
  readonly workers: Array<{ ok: number; failed: Record<string, number>; stats?: Record<string, unknown> }>;
  readonly serverCalls: QuotaCall[];
}

/** The operation the workers load (`get`), as the quota server keys it. */
const loadOperation = 'GET /im/v2/conversation_groups/{id}';
const appKey = 'load-app';
const workerPath = fileURLToPath(new URL('../../scripts/load-worker.mjs', import.meta.url));

/** Most entries of sorted `times` within any window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi += 1) {
    while (times[hi]! - times[lo]! >= windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Pins a process to core 0 (no-op where taskset is missing or refuses). */
function pinToCore(pid: number) {
  execFile('taskset', ['-pc', '0', String(pid)], () => undefined);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const server = await startQuotaServer({
    perSecond: options.serverPerSecond ?? 100,
    blockMs: options.serverBlockMs ?? 1000,
  });
  const children: ChildProcess[] = [];
  const logs: LoadLogLine[] = [];
  let busy: ChildProcess | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const done = [];
    const ready = [];
    for (let worker = 0; worker < options.workers; worker += 1) {
      const config = {
        worker,
        calls: options.callsPerWorker,
        concurrency: options.concurrency,
        limiter: options.limiter,
        redisPort: options.redisPort,
        topology: options.topology,
        client: options.client ?? 'ioredis',
        perSecond: options.perSecond ?? 100,
        expectedProcesses: options.workers,
        blockMs: options.blockMs ?? 1000,
        keyPrefix: options.keyPrefix ?? 'load:',
        maxLateMs: process.env.LOAD_MAX_LATE_MS ? Number(process.env.LOAD_MAX_LATE_MS) : undefined,
        appKey,
        serverUrl: server.url,
      };
      const child = fork(workerPath, [], {
        env: { ...process.env, LOAD_WORKER_CONFIG: JSON.stringify(config) },
        execArgv: [],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      if (options.cpuPressure) pinToCore(child.pid!);
      ready.push(
        new Promise<void>((resolve) =>
          child.on('message', (message: { type: string }) => message.type === 'ready' && resolve()),
        ),
      );
      done.push(
        new Promise<LoadResult['workers'][number]>((resolve, reject) => {
          child.on('message', (message: { type: string } & Record<string, unknown>) => {
            if (message.type === 'log')
              logs.push({ worker, level: message.level as 'warn', line: message.line as string, at: server.now() });
            if (message.type === 'done') resolve(message as never);
          });
          child.once('exit', (code) => reject(new Error(`load worker ${worker} exited with ${code} before reporting`)));
        }),
      );
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`load run did not finish within ${options.timeoutMs ?? 120_000} ms`)),
        options.timeoutMs ?? 120_000,
      );
    });
    timeout.catch(() => undefined);
    await Promise.race([Promise.all(ready), timeout]);
    if (options.cpuPressure) {
      // A process that never yields, on the workers' core: the workers get their CPU in slices, late.
      busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
      pinToCore(busy.pid!);
    }
    const started = server.now();
    for (const child of children) child.send('go');
    const [workers] = await Promise.race([Promise.all([Promise.all(done), options.during?.({ server })]), timeout]);
    const durationMs = server.now() - started;
    // Only the load's AppKey and operation: the workers' warm-up calls had quotas of their own.
    const calls = server.calls.filter((call) => call.key === `${appKey}/${loadOperation}`);
    const accepted = calls.filter((call) => call.code === 200).map((call) => call.at);
    const failed: Record<string, number> = {};
    for (const worker of workers)
      for (const [name, count] of Object.entries(worker.failed)) failed[name] = (failed[name] ?? 0) + count;
    return {
      calls: options.workers * options.callsPerWorker,
      ok: workers.reduce((sum, worker) => sum + worker.ok, 0),
      failed,
      answered416: calls.length - accepted.length,
      accepted: accepted.length,
      ratePerSecond: accepted.length > 1 ? ((accepted.length - 1) * 1000) / (accepted.at(-1)! - accepted[0]!) : 0,
      maxInAnySecond: maxInWindow(accepted),
      durationMs,
      endedAt: started + durationMs,
      logs,
      workers,
      serverCalls: calls,
    };
  } finally {
    clearTimeout(timer);
    busy?.kill('SIGKILL');
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server.close();
  }
}
