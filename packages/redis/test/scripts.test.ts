import { describe, expect, inject, it } from 'vitest';
import { scriptRunner } from '../src/connection.js';
import type { RedisConnection } from '../src/options.js';
import { blockScript, permitScript, runScript as runOn } from '../src/scripts.js';
import { connectRedis, delay, uniquePrefix } from './support/connections.js';

const port = inject('redisPort');
// The permit script's ARGV: interval and tolerance (µs), then no bound on how far ahead (as far as these tests go),
// no rejoin announced, reset depth 0.
const permitArgs = (intervalUs: number, toleranceUs: number) => [intervalUs, toleranceUs, 1e12, 0, 0];
const runScript = (
  redis: RedisConnection,
  script: string,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
) =>
  runOn(
    scriptRunner(redis),
    script,
    script === permitScript ? [...keys, `${keys[0]}:rejoin`] : keys,
    script === permitScript ? permitArgs(Number(args[0]), Number(args[1])) : args,
  );

describe('the permit script', () => {
  it('is atomic: 400 concurrent permits from 8 connections get 400 distinct slots, one interval apart', async () => {
    const connections = Array.from({ length: 8 }, () => connectRedis(port));
    const prefix = uniquePrefix();
    const keys = [`${prefix}tat`, `${prefix}block`];
    const intervalUs = 1_000_000; // one permit a second: the whole run takes far less than half an interval
    const replies = await Promise.all(
      Array.from(
        { length: 400 },
        (_, i) => runScript(connections[i % 8]!, permitScript, keys, [intervalUs, 0]) as Promise<[number, number]>,
      ),
    );
    expect(replies.every(([granted]) => granted === 1)).toBe(true);
    // Slot i is reserved i intervals after the first; a lost update (two permits reading the same TAT) would
    // give two replies the same slot.
    const slots = replies.map(([, waitUs]) => Math.round(waitUs / intervalUs)).sort((a, b) => a - b);
    expect(slots).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const [tat, [seconds, micros]] = await Promise.all([connections[0]!.get(keys[0]!), connections[0]!.time()]);
    const aheadUs = Number(tat) - (Number(seconds) * 1e6 + Number(micros));
    expect(Math.round(aheadUs / intervalUs)).toBe(400);
  });

  it('lets a burst of B through at once, then spaces permits one interval apart', async () => {
    const redis = connectRedis(port);
    const prefix = uniquePrefix();
    const keys = [`${prefix}tat`, `${prefix}block`];
    const intervalUs = 1_000_000;
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1)
      waits.push(((await runScript(redis, permitScript, keys, [intervalUs, 3 * intervalUs])) as number[])[1]!);
    expect(waits.map((w) => Math.round(w / intervalUs))).toEqual([0, 0, 0, 0, 1, 2]);
  });

  it('leaves no key behind: the TAT key expires when its time has passed', async () => {
    const redis = connectRedis(port);
    const prefix = uniquePrefix();
    const keys = [`${prefix}tat`, `${prefix}block`];
    await runScript(redis, permitScript, keys, [50_000, 0]); // 20/s
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(51);
    await delay(150);
    expect(await redis.exists(keys[0]!)).toBe(0);
  });

  it('answers {0, ms left} while the block key exists, and reserves nothing', async () => {
    const redis = connectRedis(port);
    const prefix = uniquePrefix();
    const keys = [`${prefix}tat`, `${prefix}block`];
    await runScript(redis, blockScript, [keys[1]!], [800]);
    const [granted, blockedMs] = (await runScript(redis, permitScript, keys, [10_000, 0])) as number[];
    expect(granted).toBe(0);
    expect(blockedMs).toBeGreaterThan(700);
    expect(blockedMs).toBeLessThanOrEqual(800);
    expect(await redis.exists(keys[0]!)).toBe(0);
  });

  it('never shortens a block: a shorter report keeps the longer one', async () => {
    const redis = connectRedis(port);
    const key = `${uniquePrefix()}block`;
    await runScript(redis, blockScript, [key], [5_000]);
    await runScript(redis, blockScript, [key], [100]);
    expect(await redis.pttl(key)).toBeGreaterThan(4_000);
    await runScript(redis, blockScript, [key], [9_000]);
    expect(await redis.pttl(key)).toBeGreaterThan(8_000);
  });

  it('loads itself again after SCRIPT FLUSH (as after a restart) instead of failing with NOSCRIPT', async () => {
    const redis = connectRedis(port);
    const keys = [`${uniquePrefix()}tat`, 'unused-block'];
    await runScript(redis, permitScript, keys, [10_000, 0]);
    await redis.script('FLUSH');
    await expect(runScript(redis, permitScript, keys, [10_000, 0])).resolves.toEqual([1, expect.any(Number), 0, 0]);
  });
});
