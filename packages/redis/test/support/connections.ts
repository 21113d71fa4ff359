// ioredis connections for the tests, each closed at the end of its test; a key prefix per test keeps tests that
// share the global redis-server apart.
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach } from 'vitest';

const open: Redis[] = [];

afterEach(() => {
  for (const redis of open.splice(0)) redis.disconnect();
});

/** A connection to 127.0.0.1:port, disconnected after the test. */
export function connectRedis(port: number, options: RedisOptions = {}): Redis {
  // Quick reconnects, so recovery tests do not wait for ioredis' growing back-off.
  const redis = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 50, ...options });
  redis.on('error', () => undefined); // connection errors are expected in the fault tests
  open.push(redis);
  return redis;
}

/** A key prefix no other test uses. */
export const uniquePrefix = () => `test:${randomUUID().slice(0, 8)}:`;

/** A logger that keeps its lines. */
export function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    warn: (line: string) => void lines.push(`warn ${line}`),
    info: (line: string) => void lines.push(`info ${line}`),
  };
}

/** Resolves after `ms`. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 10 ms until it holds, failing after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await delay(10);
  }
}
