import { NimValidationError, type NimValidationIssue } from '@nim-api/client';

/**
 * The part of an ioredis connection the limiter uses: ioredis 5 and 6 `Redis` (single server, or Sentinel-backed
 * with `sentinels`) and `Cluster` instances fit.
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const redis: IoRedisConnection = new Redis(process.env.REDIS_URL!);
 * ```
 */
export interface IoRedisConnection {
  /** ioredis' connection state: `wait`, `connecting`, `connect`, `ready`, `reconnecting`, `close` or `end`. */
  readonly status: string;
  evalsha(sha1: string, numkeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: Array<string | number>): Promise<unknown>;
}

/**
 * The part of a node-redis connection the limiter uses: what `createClient`, `createCluster` and (v5, v6)
 * `createSentinel` of `redis` / `@redis/client` v4, v5 and v6 return. Connect it yourself (`await client.connect()`).
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const redis: NodeRedisConnection = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface NodeRedisConnection {
  /** false while the client reconnects (clients, Sentinels; clusters from v5). */
  readonly isReady?: boolean;
  /** false once the connection is closed. */
  readonly isOpen?: boolean;
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * The caller's Redis connection: ioredis ({@link IoRedisConnection}) or node-redis ({@link NodeRedisConnection}),
 * told apart at run time by their EVALSHA method (`evalsha` or `evalSha`). The caller owns the connection: the
 * limiter never connects, quits or configures it, and never adds commands or listeners to it.
 * @example
 * ```ts
 * import { Cluster } from 'ioredis';
 * const redis: RedisConnection = new Cluster([{ host: 'redis-0', port: 6379 }]);
 * ```
 */
export type RedisConnection = IoRedisConnection | NodeRedisConnection;

/**
 * Where the limiter writes its two lines: one `warn` when it falls back to the in-process bucket, one `info` when
 * it is back on Redis. `console`, pino and winston fit; so does the client's `NimLogger`.
 * @example
 * ```ts
 * const logger: RedisLimiterLogger = { warn: (line) => log.warn(line), info: (line) => log.info(line) };
 * ```
 */
export interface RedisLimiterLogger {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * Options of {@link createRedisRateLimiter}; each says its unit and default.
 * @example
 * ```ts
 * const options: RedisRateLimiterOptions = { redis, appKey: process.env.NIM_APP_KEY!, perSecond: 95, expectedProcesses: 8 };
 * ```
 */
export interface RedisRateLimiterOptions {
  /** The caller's ioredis or node-redis connection (see {@link RedisConnection}). */
  redis: RedisConnection;
  /** The AppKey whose quota is shared; part of every key, so apps never share a quota by accident. */
  appKey: string;
  /**
   * Permits per second and operation, for all processes together. Set it a few percent under the app's quota
   * (e.g. 95 for Yunxin's default 100): the permit is granted in Redis, the request reaches Yunxin a little later,
   * and network jitter between the two must not push two seconds' calls into one.
   */
  perSecond: number;
  /**
   * How many processes share the quota, for the fallback: while Redis is unreachable, each process limits itself
   * to `perSecond / expectedProcesses`. Required: no default can know your deployment, and a wrong guess either
   * floods the API during an outage (too low) or starves it (too high).
   */
  expectedProcesses: number;
  /**
   * Permits that may start at once after a quiet spell, all processes together; an integer ≥ 1.
   * @default 1 — evenly spaced permits, the safe choice when the server counts calls per second: a burst of B
   *   plus a second at `perSecond` puts B extra calls into one second.
   */
  burst?: number;
  /**
   * Prefix of the Redis keys: `<keyPrefix>{<appKey>:<operationId>}:tat` and `…:block`, both with an expiry
   * (`%`, `:`, `{` and `}` inside the AppKey or the operation are written `%25`, `%3A`, `%7B`, `%7D`).
   * @default 'nim:rl:'
   */
  keyPrefix?: string;
  /**
   * How long every process pauses an operation after a 416, in milliseconds, unless the 416 carried a
   * `Retry-After` (which then wins).
   * @default 1000
   */
  blockMs?: number;
  /**
   * While an operation is blocked: `'wait'` queues the call until the block ends; `'fail'` rejects it at once with
   * a `NimRateLimitError` (`httpStatus` 0: nothing was sent).
   * @default 'wait'
   */
  onBlocked?: 'wait' | 'fail';
  /**
   * The longest a take waits for Redis, in milliseconds; after that (or at once when the connection is known to be
   * down) it uses the in-process fallback bucket.
   * @default 50
   */
  redisTimeoutMs?: number;
  /**
   * While on the fallback: how often a take tries Redis again, in milliseconds (only when the connection is
   * `ready`; ioredis reconnects by itself).
   * @default 500
   */
  probeIntervalMs?: number;
  /**
   * After Redis is back, how long each process also keeps to its fallback share, in milliseconds, because other
   * processes may still be on their fallback buckets (ioredis reconnects each connection on its own schedule).
   * @default 2000
   */
  rejoinMs?: number;
  /**
   * A permit whose slot this process wakes up for more than this many milliseconds late (the event loop was
   * starved: a GC pause, CPU throttling of a container) is dropped and the next slot taken (once per call), so the
   * late call does not reach Yunxin bunched together with the next slots' calls. The shared schedule's slots are
   * `(1000 + maxLateMs) / perSecond` ms apart (the stretch stops at 100 ms), so a permit used up to `maxLateMs`
   * late still leaves at most `perSecond` in any 1 s window.
   * @default 5 (measured: 20 still let starved workers bunch calls into 416s at 97% of the quota; 5 did not)
   */
  maxLateMs?: number;
  /**
   * The longest wait for a slot that Redis may hand out, in milliseconds. A schedule further ahead than this cannot
   * come from the processes' own reservations (each holds at most two): it comes from a replica promoted with a
   * clock behind the old master's. The script then resets the schedule (one `warn` line), so no call waits longer.
   * @default the larger of 1000 and twice the longest wait the processes' reservations can make
   *   (`2 × (2 × expectedProcesses + burst − 1) × 1000 / perSecond`)
   */
  maxWaitMs?: number;
  /**
   * Where the fallback `warn` and the recovery `info` line go.
   * @default console
   */
  logger?: RedisLimiterLogger;
}

/** The options after validation, every default filled in. */
export interface ResolvedOptions {
  readonly redis: RedisConnection;
  readonly appKey: string;
  readonly perSecond: number;
  readonly expectedProcesses: number;
  readonly burst: number;
  readonly keyPrefix: string;
  readonly blockMs: number;
  readonly onBlocked: 'wait' | 'fail';
  readonly redisTimeoutMs: number;
  readonly probeIntervalMs: number;
  readonly rejoinMs: number;
  readonly maxLateMs: number;
  readonly maxWaitMs: number;
  readonly logger: RedisLimiterLogger;
}

const maxKeyPartLength = 256;
const maxMs = 3_600_000;
// Below one permit per 1,000 s a slot no longer fits one timer; above a million a second the GCRA interval (whole
// µs) would round to zero.
const minPerSecond = 0.001;
const maxPerSecond = 1_000_000;
const optionNames: ReadonlySet<string> = new Set([
  'redis',
  'appKey',
  'perSecond',
  'expectedProcesses',
  'burst',
  'keyPrefix',
  'blockMs',
  'onBlocked',
  'redisTimeoutMs',
  'probeIntervalMs',
  'rejoinMs',
  'maxLateMs',
  'maxWaitMs',
  'logger',
]);

// With the u flag a surrogate matches only when it is not half of a pair.
const loneSurrogate = /\p{Surrogate}/u;
const isFunction = (value: unknown) => typeof value === 'function';
const isPerSecond = (value: unknown): value is number =>
  typeof value === 'number' && value >= minPerSecond && value <= maxPerSecond;
const isMs = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= maxMs;
const quote = (value: unknown) => {
  try {
    const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  } catch {
    return 'a value that cannot be printed';
  }
};

/** Checks every option and fills in the defaults; throws one NimValidationError listing every problem. */
export function resolveOptions(options: unknown): ResolvedOptions {
  const issues: NimValidationIssue[] = [];
  try {
    return readOptions(options, issues);
  } catch (error) {
    if (error instanceof NimValidationError) throw error;
    // A getter or a Proxy trap of the caller's object threw: still a validation error, never a raw one.
    throw new NimValidationError(
      [...issues, { path: 'options', message: 'could not be read (a getter or Proxy threw)' }],
      {
        operationId: 'createRedisRateLimiter',
      },
    );
  }
}

function readOptions(options: unknown, issues: NimValidationIssue[]): ResolvedOptions {
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  const given = (isObject ? options : {}) as Record<string, unknown>;
  if (!isObject) issues.push({ path: 'options', message: 'must be an object' });
  // A misspelt option (blockMS, perSeconds) would silently keep its default: refused instead.
  for (const name of Object.keys(given)) {
    if (!optionNames.has(name))
      issues.push({ path: quote(name), message: 'is not an option of createRedisRateLimiter' });
  }
  const read = <T>(name: string, check: (value: unknown) => boolean, message: string, fallback?: T): T => {
    const value = given[name];
    if (value === undefined && fallback !== undefined) return fallback;
    if (!check(value)) issues.push({ path: name, message: `${message} (got ${quote(value)})` });
    return value as T;
  };

  const redis = read<RedisConnection>(
    'redis',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      (isFunction((value as IoRedisConnection).evalsha) || isFunction((value as NodeRedisConnection).evalSha)) &&
      isFunction((value as RedisConnection).eval),
    'must be an ioredis connection (with evalsha and eval) or a node-redis one (with evalSha and eval)',
  );
  // Lone surrogates would reach Redis as U+FFFD, so two such AppKeys would share one key.
  const keyPart = (value: unknown) =>
    typeof value === 'string' && value.length <= maxKeyPartLength && !loneSurrogate.test(value);
  const appKey = read<string>(
    'appKey',
    (value) => keyPart(value) && value !== '',
    `must be a non-empty, well-formed string of at most ${maxKeyPartLength} characters`,
  );
  const perSecond = read<number>(
    'perSecond',
    isPerSecond,
    `must be a number of permits per second from ${minPerSecond} to ${maxPerSecond}`,
  );
  const expectedProcesses = read<number>(
    'expectedProcesses',
    (value) => Number.isSafeInteger(value) && (value as number) >= 1,
    'must be an integer ≥ 1',
  );
  if (
    isPerSecond(perSecond) &&
    Number.isSafeInteger(expectedProcesses) &&
    expectedProcesses >= 1 &&
    perSecond / expectedProcesses < minPerSecond
  ) {
    issues.push({
      path: 'expectedProcesses',
      message: `leaves each process a fallback share below ${minPerSecond} permits per second (perSecond / expectedProcesses)`,
    });
  }
  const burst = read<number>(
    'burst',
    (value) => Number.isSafeInteger(value) && (value as number) >= 1,
    'must be an integer ≥ 1',
    1,
  );
  const keyPrefix = read<string>(
    'keyPrefix',
    (value) => keyPart(value) && !/[{}]/.test(value as string),
    `must be a well-formed string of at most ${maxKeyPartLength} characters without { or }`,
    'nim:rl:',
  );
  const msMessage = `must be an integer number of milliseconds from 1 to ${maxMs}`;
  const blockMs = read<number>('blockMs', isMs, msMessage, 1000);
  const onBlocked = read<'wait' | 'fail'>(
    'onBlocked',
    (value) => value === 'wait' || value === 'fail',
    "must be 'wait' or 'fail'",
    'wait',
  );
  const redisTimeoutMs = read<number>('redisTimeoutMs', isMs, msMessage, 50);
  const probeIntervalMs = read<number>('probeIntervalMs', isMs, msMessage, 500);
  const rejoinMs = read<number>(
    'rejoinMs',
    (value) => value === 0 || isMs(value),
    `must be 0 or an integer number of milliseconds up to ${maxMs}`,
    2000,
  );
  const maxLateMs = read<number>('maxLateMs', isMs, msMessage, 5);
  const reservationsMs =
    isPerSecond(perSecond) && Number.isSafeInteger(expectedProcesses) && Number.isSafeInteger(burst)
      ? (2 * expectedProcesses + burst - 1) * (1000 / perSecond)
      : 0;
  const maxWaitMs = read<number>(
    'maxWaitMs',
    isMs,
    msMessage,
    Math.min(maxMs, Math.max(1000, Math.ceil(2 * reservationsMs))),
  );
  const logger = read<RedisLimiterLogger>(
    'logger',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      isFunction((value as RedisLimiterLogger).warn) &&
      isFunction((value as RedisLimiterLogger).info),
    'must be an object with warn(line) and info(line)',
    console,
  );
  if (issues.length) throw new NimValidationError(issues, { operationId: 'createRedisRateLimiter' });
  return {
    redis,
    appKey,
    perSecond,
    expectedProcesses,
    burst,
    keyPrefix,
    blockMs,
    onBlocked,
    redisTimeoutMs,
    probeIntervalMs,
    rejoinMs,
    maxLateMs,
    maxWaitMs,
    logger,
  };
}
