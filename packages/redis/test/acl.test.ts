// The ACL the package README documents is enough: a user with only these commands on only the limiter's keys can
// take permits (EVALSHA, and EVAL after NOSCRIPT), report a 416 and probe, from ioredis and from node-redis.
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter } from '../src/index.js';
import { connectRedis, recordingLogger } from './support/connections.js';

const port = inject('redisPort');
const user = `nim-limiter-${process.pid}`;
// The README's line, word for word (a test below reads the README to keep the two the same).
const aclRule = 'on >limiter-secret ~nim:rl:* resetchannels -@all +evalsha +eval +get +set +pttl +time +info';

beforeAll(async () => {
  const admin = connectRedis(port);
  await admin.call('ACL', 'SETUSER', user, ...aclRule.split(' '));
});
afterAll(async () => {
  const admin = connectRedis(port);
  await admin.call('ACL', 'DELUSER', user);
});

describe('the documented ACL', () => {
  it('lets ioredis and node-redis take permits, load the script after SCRIPT FLUSH, and report a 416', async () => {
    const ioredis = connectRedis(port, { username: user, password: 'limiter-secret' });
    const nodeRedis = createClient({ socket: { host: '127.0.0.1', port }, username: user, password: 'limiter-secret' });
    nodeRedis.on('error', () => undefined);
    await nodeRedis.connect();
    try {
      await connectRedis(port).script('FLUSH');
      for (const redis of [ioredis, nodeRedis]) {
        const limiter = createRedisRateLimiter({
          redis,
          appKey: 'acl-app',
          perSecond: 100,
          expectedProcesses: 2,
          logger: recordingLogger(),
        });
        await limiter.take('op');
        await limiter.take('op');
        await limiter.reportRateLimited('op', { retryAfterMs: 1 } as never);
        expect(limiter.stats()).toMatchObject({ mode: 'redis', fallbacks: 0, redisPermits: 2 });
      }
      // Outside its keys the user can do nothing.
      await expect(ioredis.get('other:key')).rejects.toThrow(/NOPERM/);
    } finally {
      nodeRedis.destroy();
    }
  });

  it('is the one the README shows', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`ACL SETUSER nim-limiter ${aclRule.replace('>limiter-secret', '>CHANGE-ME')}`);
  });
});
