import { createHash } from 'node:crypto';
import type { RedisConnection } from './options.js';

/**
 * One permit, atomically (GCRA). KEYS[1] holds the operation's theoretical arrival time (TAT, µs of Redis' own
 * clock), KEYS[2] the shared 416 block. ARGV[1]: emission interval in µs (1e6 / perSecond, rounded up), ARGV[2]:
 * burst tolerance in µs ((burst - 1) × interval).
 *
 * Returns `{0, ms}` while blocked (nothing reserved), else `{1, µs}`: the permit is reserved and may be used that
 * many µs from now. The TAT key expires when its time has passed, so idle operations leave nothing behind.
 * Redis' TIME is the only clock: the clocks of the processes never matter.
 */
export const permitScript = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {0, blocked}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then
  tat = now
end
local wait = tat - tolerance - now
if wait < 0 then
  wait = 0
end
local nextTat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1)
return {1, wait}
`;

/**
 * Records a 416 block: KEYS[1] is set for ARGV[1] ms unless a longer block is already there, so a shorter report
 * never cuts a block short.
 */
export const blockScript = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], '1', 'PX', ms)
end
return 1
`;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const shas = new Map([permitScript, blockScript].map((script) => [script, sha1(script)]));

/**
 * Runs a script by its SHA-1 (EVALSHA), sending the source (EVAL, which also caches it) only when Redis does not
 * know it yet, e.g. after a restart. The caller's connection gets no command defined on it.
 */
export async function runScript(redis: RedisConnection, script: string, keys: readonly string[], args: ReadonlyArray<string | number>) {
  try {
    return await redis.evalsha(shas.get(script)!, keys.length, ...keys, ...args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}
