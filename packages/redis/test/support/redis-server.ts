// A real redis-server for the tests (Debian's `redis-server`, installed by scripts/bootstrap.sh): 127.0.0.1, a
// free port, no persistence. Stopped by pid; also killed when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** The pid of the running server (changes on `start()` after `kill()`). */
  readonly pid: number;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill()` or `stop()`); resolves when it answers PING. */
  start(): Promise<void>;
  /** SIGSTOP: the process stays, its socket accepts, nothing is answered (a hung or overloaded Redis). */
  pause(): void;
  /** SIGCONT after `pause()`. */
  resume(): void;
  /** SIGTERM (SIGKILL after 3 s); resolves once the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it; it is released before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether `PING` on 127.0.0.1:port answers `+PONG` within `timeoutMs`. */
function pings(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

function spawnRedis(port: number, options: RedisServerOptions): ChildProcess {
  // --dir: a replica writes the RDB of its full sync there (and a Cluster node its nodes.conf): never the work tree.
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
    '--daemonize',
    'no',
    '--dir',
    tmpdir(),
    '--dbfilename',
    `nim-redis-test-${port}.rdb`,
  ];
  // A Sentinel reads (and rewrites) its configuration file; its options come after it.
  const child = spawn(
    options.binary ?? 'redis-server',
    options.configFile
      ? [options.configFile, '--sentinel', '--port', String(port)]
      : [...args, ...(options.args ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output = `${output}${chunk}`.slice(-2000)));
  child.stderr!.on('data', (chunk) => (output = `${output}${chunk}`.slice(-2000)));
  Object.defineProperty(child, 'output', { get: () => output });
  return child;
}

async function ready(child: ChildProcess, port: number): Promise<void> {
  const failure = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot start redis-server (${error.message}); install it: bash scripts/bootstrap.sh (Debian package redis-server)`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${(child as unknown as { output: string }).output}`)),
    );
  });
  failure.catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ok = await Promise.race([pings(port), failure]);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

export interface RedisServerOptions {
  /** @default a free port */
  readonly port?: number;
  /** More redis-server arguments, e.g. `['--cluster-enabled', 'yes']` or `['--replicaof', '127.0.0.1', '6380']`. */
  readonly args?: readonly string[];
  /** A Sentinel's configuration file: the server is started as `redis-server <file> --sentinel --port <port>`. */
  readonly configFile?: string;
  /** @default 'redis-server' (e.g. 'valkey-server') */
  readonly binary?: string;
}

// One exit listener for every server this process started (a Cluster and a Sentinel set are a dozen).
const running = new Set<() => void>();
process.once('exit', () => {
  for (const kill of running) kill();
});

/**
 * Starts a redis-server on 127.0.0.1 and a free port (or `port`), with no persistence.
 * @example
 * ```ts
 * const server = await startRedisServer();
 * try { … new Redis(server.port, '127.0.0.1') … } finally { await server.stop(); }
 * ```
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  let child = spawnRedis(port, options);
  const killOnExit = () => child.kill('SIGKILL');
  running.add(killOnExit);
  try {
    await ready(child, port);
  } catch (error) {
    child.kill('SIGKILL');
    running.delete(killOnExit);
    throw error;
  }
  const end = async (signal: NodeJS.Signals) => {
    const gone = exited(child);
    // A paused server handles SIGTERM only once it runs again.
    if (signal === 'SIGTERM') child.kill('SIGCONT');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await gone;
    clearTimeout(timer);
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child.pid!;
    },
    kill: () => end('SIGKILL'),
    async start() {
      await exited(child);
      child = spawnRedis(port, options);
      await ready(child, port);
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      running.delete(killOnExit);
      await end('SIGTERM');
      rmSync(join(tmpdir(), `nim-redis-test-${port}.rdb`), { force: true });
    },
  };
}
