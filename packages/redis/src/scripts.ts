import { createHash } from 'node:crypto';
import type { ScriptRunner } from './connection.js';

/**
 * One permit, atomically (GCRA). KEYS[1] holds the operation's theoretical arrival time (TAT, µs of Redis' own
 * clock), KEYS[2] the shared 416 block, KEYS[3] the shared rejoin marker (set while some process is back from its
 * fallback; every process then also keeps to its fallback spacing). ARGV[1]: emission interval in µs (1e6 /
 * perSecond, rounded up), ARGV[2]: burst tolerance in µs ((burst - 1) × interval), ARGV[3]: the furthest ahead of
 * Redis' clock a TAT may be, in µs (`maxWaitMs`), ARGV[4]: how long this process announces its rejoin for, in ms
 * (0: it is not rejoining), ARGV[5]: where a TAT beyond ARGV[3] is reset to, µs ahead of now.
 *
 * Returns `{0, ms}` while blocked (nothing reserved), else `{1, µs, rejoinMs, reset}`: the permit is reserved and
 * may be used that many µs from now; `rejoinMs` is how long the rejoin marker still holds; `reset` is 1 when the
 * TAT was further ahead than ARGV[3] (a replica promoted with a clock behind the old master's: its TAT would stall
 * every caller) and was reset. The TAT key expires when its time has passed, so idle operations leave nothing
 * behind. Redis' TIME is the only clock: the clocks of the processes never matter.
 */
export const permitScript = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {0, blocked}
end
local announce = tonumber(ARGV[4])
if announce > 0 and redis.call('PTTL', KEYS[3]) < announce then
  redis.call('SET', KEYS[3], '1', 'PX', announce)
end
local rejoin = redis.call('PTTL', KEYS[3])
if rejoin < 0 then
  rejoin = 0
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
local reset = 0
if tat - now > tonumber(ARGV[3]) then
  tat = now + tonumber(ARGV[5])
  reset = 1
end
if tat < now then
  tat = now
end
local wait = tat - tolerance - now
if wait < 0 then
  wait = 0
end
local nextTat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1)
return {1, wait, rejoin, reset}
`;

/**
 * A probe while on the fallback, which also announces the rejoin: KEYS[1] (the rejoin marker) is set for ARGV[1]
 * ms unless it holds longer already (nothing when ARGV[1] is 0). Returns the block's PTTL (KEYS[2]), so a 416
 * block set meanwhile is learnt.
 */
export const rejoinScript = `
local ms = tonumber(ARGV[1])
if ms > 0 and redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], '1', 'PX', ms)
end
return redis.call('PTTL', KEYS[2])
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
const shas = new Map([permitScript, blockScript, rejoinScript].map((script) => [script, sha1(script)]));

/**
 * Runs a script by its SHA-1 (EVALSHA), sending the source (EVAL, which also caches it) only when Redis does not
 * know it yet, e.g. after a restart. The caller's connection gets no command defined on it.
 */
export async function runScript(
  redis: ScriptRunner,
  script: string,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runOnce(redis, script, keys, args);
    } catch (error) {
      // A Cluster client that has not caught up with a slot's move yet (node-redis v4 at times hands the MOVED on
      // instead of following it): it has learnt the new owner by now, so once more. The caller's time bound holds.
      if (attempt > 1 || !/^(MOVED|ASK|TRYAGAIN) /.test(String((error as Error | undefined)?.message))) throw error;
    }
  }
}

async function runOnce(
  redis: ScriptRunner,
  script: string,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
) {
  try {
    return await redis.evalsha(shas.get(script)!, keys, args);
  } catch (error) {
    // ioredis and node-redis both pass Redis' error text on: "NOSCRIPT No matching script…".
    if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
    return redis.eval(script, keys, args);
  }
}
