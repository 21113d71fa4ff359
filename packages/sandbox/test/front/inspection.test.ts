import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';
import { over, served } from '../support/servers.js';
import { call } from '../support/signed.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('request records for assertions', () => {
  it('carry the parsed query and the JSON body (frozen), in process and over HTTP', async () => {
    const sandbox = createSandbox();
    const api = inProcess(sandbox);
    await api.create({ account_id: 'alice', name: 'W', conversation_ids: ['alice|1|bob'] });
    await api.raw('GET', '/im/v2/conversation_groups/actions/group_ids?account_id=alice&group_ids=1,2&x=1&x=2');
    const server = await served(sandbox);
    await call(over(server), sandbox, 'PATCH', '/im/v2/conversation_groups/1', {
      body: { account_id: 'alice', name: 'Home' },
    });
    const [created, batch, renamed] = sandbox.requests;
    expect(created).toMatchObject({
      query: {},
      body: { account_id: 'alice', name: 'W', conversation_ids: ['alice|1|bob'] },
    });
    expect(batch).toMatchObject({ query: { account_id: 'alice', group_ids: '1,2', x: ['1', '2'] }, body: undefined });
    expect(renamed).toMatchObject({
      operation: 'updateConversationGroup',
      body: { account_id: 'alice', name: 'Home' },
    });
    expect(Object.isFrozen(created!.body)).toBe(true);
    expect(Object.isFrozen((created!.body as { conversation_ids: string[] }).conversation_ids)).toBe(true);
    expect(Object.isFrozen(batch!.query)).toBe(true);
  });

  it('never hold the AppSecret, wherever a caller put it; an unsigned body is not even read', async () => {
    const sandbox = createSandbox();
    const api = inProcess(sandbox);
    await api.create({
      account_id: 'alice',
      name: `x${sandbox.appSecret.slice(0, 20)}`,
      server_extension: `s=${sandbox.appSecret}`,
      [sandbox.appSecret]: 1,
    });
    await api.raw('GET', `/im/v2/conversation_groups?account_id=alice&leak=${sandbox.appSecret}`);
    await api.raw('POST', '/im/v2/conversation_groups', { body: { account_id: 'alice', name: 'W' }, unsigned: true });
    const text = JSON.stringify(sandbox.requests);
    expect(text).not.toContain(sandbox.appSecret);
    expect(sandbox.requests[0]!.body).toMatchObject({ server_extension: 's=[AppSecret]', '[AppSecret]': 1 });
    expect(sandbox.requests[1]!.query).toEqual({ account_id: 'alice', leak: '[AppSecret]' });
    expect(sandbox.requests[2]).toMatchObject({ signature: 'missing', code: 403, body: undefined });
  });

  it('findRequests and waitForRequest look up by operation or by a test of the record', async () => {
    const sandbox = createSandbox();
    const api = inProcess(sandbox);
    await api.create({ account_id: 'alice', name: 'A' });
    expect(sandbox.findRequests('createConversationGroup')).toHaveLength(1);
    expect(sandbox.findRequests((r) => r.code === 200 && (r.body as { name?: string }).name === 'A')).toHaveLength(1);
    expect(await sandbox.waitForRequest('createConversationGroup')).toBe(sandbox.requests[0]); // logged already
    const next = sandbox.waitForRequest((r) => r.operation === 'listConversationGroups');
    void api.list('alice');
    expect(await next).toMatchObject({ operation: 'listConversationGroups', account: 'alice' });
    await expect(sandbox.waitForRequest('deleteConversationGroup', { timeoutMs: 20 })).rejects.toThrow(
      /no deleteConversationGroup request within 20 ms \(2 requests logged\)/,
    );
    const controller = new AbortController();
    const aborted = sandbox.waitForRequest('deleteConversationGroup', {
      signal: controller.signal,
      timeoutMs: Infinity,
    });
    controller.abort(new Error('test over'));
    await expect(aborted).rejects.toThrow('test over');
  });

  it('work under vitest fake timers: signatures, a latency fault, the rate limit and the wait all run on the fake clock', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const sandbox = createSandbox({ rateLimit: { perSecond: 1, blockMs: 10_000 } });
    const api = inProcess(sandbox);
    sandbox.inject({ operation: 'createConversationGroup', kind: 'latency', ms: 5_000 });
    const slow = api.create({ account_id: 'alice', name: 'A' });
    const seen = sandbox.waitForRequest('createConversationGroup', { timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await slow).json.code).toBe(200);
    expect((await seen).at).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect((await api.create({ account_id: 'alice', name: 'B' })).json.code).toBe(416); // 1 per second, at the same fake time
    await vi.advanceTimersByTimeAsync(10_001);
    expect((await api.create({ account_id: 'alice', name: 'C' })).json.code).toBe(200); // blockMs over on the fake clock
    const never = sandbox.waitForRequest('deleteConversationGroup', { timeoutMs: 1_000 });
    const failed = expect(never).rejects.toThrow(/within 1000 ms/);
    await vi.advanceTimersByTimeAsync(1_000);
    await failed;
  });
});
