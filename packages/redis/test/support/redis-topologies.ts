// Real Redis deployments for the tests, on 127.0.0.1 and free ports, every process stopped by pid: a Redis Cluster
// (3 masters + 3 replicas, made with `redis-cli --cluster create`) and a Sentinel set (a master, a replica and
// three Sentinels: `redis-server <conf> --sentinel`). Both fail over quickly (1 s to notice a dead master), so a
// test can kill the master that holds its keys and see the replica take over.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';

const run = promisify(execFile);

/** One command through redis-cli on 127.0.0.1:port (the reply as text; '' when it cannot connect). */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 5_000 });
    return stdout.trim();
  } catch {
    return '';
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops every server (already-killed ones included), even when one stop throws. */
async function stopAll(servers: readonly RedisServer[]) {
  await Promise.allSettled(servers.map((server) => server.stop()));
}

export interface RedisCluster {
  readonly nodes: readonly RedisServer[];
  /** The ports of every node: enough for a client to find the cluster. */
  readonly ports: readonly number[];
  /** The node that is master of `key`'s slot now (hash tags count). */
  masterOf(key: string): Promise<RedisServer>;
  /** The port of the master of `key`'s slot as the surviving nodes see it, once it is not `not` (after a failover). */
  waitForNewMaster(key: string, not: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/** `CLUSTER NODES` of a live node: per node its port, flags and slot ranges. */
async function clusterNodes(ports: readonly number[], skip: number[] = []) {
  for (const port of ports) {
    if (skip.includes(port)) continue;
    const text = await redisCli(port, 'CLUSTER', 'NODES');
    if (!text) continue;
    return text.split('\n').map((line) => {
      const [, address, flags, , , , , , ...slots] = line.trim().split(' ');
      return {
        port: Number(address!.split('@')[0]!.split(':')[1]),
        flags: flags!.split(','),
        slots: slots.filter((s) => !s.startsWith('[')),
      };
    });
  }
  return [];
}

const holds = (ranges: readonly string[], slot: number) =>
  ranges.some((range) => {
    const [lo, hi = lo] = range.split('-').map(Number);
    return slot >= lo! && slot <= hi!;
  });

/**
 * A Redis Cluster of `masters` masters with one replica each. `cluster-require-full-coverage no`, as the package
 * README recommends: the other slots keep serving while one master fails over.
 * @example
 * ```ts
 * const cluster = await startRedisCluster();
 * try { … new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port }))) … } finally { await cluster.stop(); }
 * ```
 */
export async function startRedisCluster(
  options: { masters?: number; nodeTimeoutMs?: number; binary?: string } = {},
): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'nim-redis-cluster-'));
  const nodes: RedisServer[] = [];
  try {
    for (let i = 0; i < masters * 2; i += 1) {
      const port = await freePort();
      nodes.push(
        await startRedisServer({
          port,
          binary: options.binary,
          args: [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            join(dir, `nodes-${port}.conf`),
            '--cluster-node-timeout',
            String(options.nodeTimeoutMs ?? 1000),
            '--cluster-require-full-coverage',
            'no',
            '--dir',
            dir,
          ],
        }),
      );
    }
    const ports = nodes.map((node) => node.port);
    await run(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '1', '--cluster-yes'],
      {
        timeout: 30_000,
      },
    );
    await waitFor('cluster state ok on every node', async () => {
      for (const port of ports)
        if (!(await redisCli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
      return true;
    });
    // Every replica in sync with its master, so a failover keeps the keys.
    await waitFor('every replica in sync', async () => {
      const list = await clusterNodes(ports);
      const replicas = list.filter((node) => node.flags.includes('slave'));
      if (replicas.length !== masters) return false;
      for (const replica of replicas)
        if (!(await redisCli(replica.port, 'INFO', 'replication')).includes('master_link_status:up')) return false;
      return true;
    });
  } catch (error) {
    await stopAll(nodes);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const ports = nodes.map((node) => node.port);
  const slotOf = async (key: string) => Number(await redisCli(ports[0]!, 'CLUSTER', 'KEYSLOT', key));
  const masterPort = async (key: string, skip: number[] = []) => {
    const slot = await slotOf(key);
    const list = await clusterNodes(ports, skip);
    return list.find((node) => node.flags.includes('master') && !node.flags.includes('fail') && holds(node.slots, slot))
      ?.port;
  };
  return {
    nodes,
    ports,
    async masterOf(key) {
      const port = await masterPort(key);
      const node = nodes.find((n) => n.port === port);
      if (!node) throw new Error(`no master holds the slot of ${key}`);
      return node;
    },
    async waitForNewMaster(key, not, timeoutMs = 30_000) {
      let port: number | undefined;
      await waitFor(
        `a new master for ${key}`,
        async () => {
          port = await masterPort(key, [not]);
          return port !== undefined && port !== not;
        },
        timeoutMs,
      );
      return port!;
    },
    async stop() {
      await stopAll(nodes);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisSentinelSet {
  /** The master's name the Sentinels monitor. */
  readonly name: string;
  readonly sentinelPorts: readonly number[];
  readonly servers: readonly RedisServer[];
  readonly sentinels: readonly RedisServer[];
  /** The data server that is master now, as the Sentinels say. */
  master(): Promise<RedisServer>;
  /** Resolves with the master's port once the Sentinels name one other than `not`. */
  waitForNewMaster(not: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A master, `replicas` replicas and three Sentinels (quorum 2) noticing a dead master after 1 s.
 * @example
 * ```ts
 * const set = await startRedisSentinel();
 * try { … new Redis({ sentinels: set.sentinelPorts.map((port) => ({ host: '127.0.0.1', port })), name: set.name }) … }
 * finally { await set.stop(); }
 * ```
 */
export async function startRedisSentinel(
  options: { replicas?: number; downAfterMs?: number; binary?: string } = {},
): Promise<RedisSentinelSet> {
  const name = 'nimmaster';
  const dir = mkdtempSync(join(tmpdir(), 'nim-redis-sentinel-'));
  const servers: RedisServer[] = [];
  const sentinels: RedisServer[] = [];
  try {
    servers.push(await startRedisServer({ binary: options.binary }));
    const masterPort = servers[0]!.port;
    for (let i = 0; i < (options.replicas ?? 1); i += 1) {
      servers.push(
        await startRedisServer({
          binary: options.binary,
          args: ['--replicaof', '127.0.0.1', String(masterPort), '--replica-priority', '100'],
        }),
      );
    }
    await waitFor('replicas in sync', async () => {
      for (const replica of servers.slice(1))
        if (!(await redisCli(replica.port, 'INFO', 'replication')).includes('master_link_status:up')) return false;
      return true;
    });
    for (let i = 0; i < 3; i += 1) {
      const port = await freePort();
      const configFile = join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        configFile,
        [
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 2`,
          `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 1000}`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      sentinels.push(await startRedisServer({ port, configFile, binary: options.binary }));
    }
    // Each Sentinel knows the replicas and the two other Sentinels (hello messages every 2 s), so a failover can
    // reach its quorum.
    await waitFor('Sentinels that know each other and the replicas', async () => {
      for (const sentinel of sentinels) {
        const others = await redisCli(sentinel.port, 'SENTINEL', 'SENTINELS', name);
        const replicas = await redisCli(sentinel.port, 'SENTINEL', 'REPLICAS', name);
        if (
          (others.match(/^name$/gm) ?? []).length < 2 ||
          (replicas.match(/^name$/gm) ?? []).length < servers.length - 1
        )
          return false;
      }
      return true;
    });
  } catch (error) {
    await stopAll([...sentinels, ...servers]);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const masterPort = async () => {
    for (const sentinel of sentinels) {
      const reply = await redisCli(sentinel.port, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name);
      const port = Number(reply.split('\n')[1]);
      if (port) return port;
    }
    return undefined;
  };
  return {
    name,
    sentinelPorts: sentinels.map((sentinel) => sentinel.port),
    servers,
    sentinels,
    async master() {
      const port = await masterPort();
      const server = servers.find((s) => s.port === port);
      if (!server) throw new Error('the Sentinels name no master');
      return server;
    },
    async waitForNewMaster(not, timeoutMs = 30_000) {
      let port: number | undefined;
      await waitFor(
        'a new master',
        async () => {
          port = await masterPort();
          return port !== undefined && port !== not;
        },
        timeoutMs,
      );
      return port!;
    },
    async stop() {
      await stopAll([...sentinels, ...servers]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
