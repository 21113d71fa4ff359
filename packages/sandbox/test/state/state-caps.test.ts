import { describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError } from '../../src/index.js';
import { inProcess } from '../support/api.js';
import { over, served } from '../support/servers.js';
import { apiOf } from '../support/api.js';

describe('state caps: a clear answer instead of a process out of memory', () => {
  it('maxAccounts: an account created on first use past the cap is a 500 envelope naming the option', async () => {
    const sandbox = createSandbox({ limits: { maxAccounts: 2 } });
    const api = inProcess(sandbox);
    expect((await api.list('a1')).json.code).toBe(200);
    expect((await api.list('a2')).json.code).toBe(200);
    const third = await api.list('a3');
    expect(third.json).toEqual({
      code: 500,
      msg: 'internal server error: the sandbox holds its maximum (limits.maxAccounts: 2); raise it, or reset() the sandbox',
      data: {},
    });
    expect((await api.list('a1')).json.code).toBe(200); // known accounts go on
    expect(Object.keys(sandbox.snapshot().accounts)).toEqual(['a1', 'a2']);
    sandbox.reset();
    expect((await api.list('a3')).json.code).toBe(200);
  });

  it('maxGroups (all accounts together) and maxConversations (filed, all groups together), nothing applied', async () => {
    const sandbox = createSandbox({ limits: { maxGroups: 2, maxConversations: 3 } });
    const server = await served(sandbox);
    const api = apiOf(over(server), sandbox);
    const a = await api.create({ account_id: 'alice', name: 'A', conversation_ids: ['alice|1|x', 'alice|1|y'] });
    expect(a.json.code).toBe(200);
    const tooMany = await api.create({ account_id: 'bob', name: 'B', conversation_ids: ['bob|1|x', 'bob|1|y'] });
    expect(tooMany.json).toMatchObject({ code: 500, msg: expect.stringContaining('limits.maxConversations: 3') });
    expect((await api.create({ account_id: 'bob', name: 'B', conversation_ids: ['bob|1|x'] })).json.code).toBe(200);
    expect((await api.create({ account_id: 'carol', name: 'C' })).json).toMatchObject({
      code: 500,
      msg: expect.stringContaining('limits.maxGroups: 2'),
    });
    const groupId = a.json.data.conversation_group.group_id;
    const add = await api.update(groupId, {
      account_id: 'alice',
      conversations: { type: 1, conversation_ids: ['alice|1|z'] },
    });
    expect(add.json.code).toBe(500);
    expect(sandbox.snapshot().accounts.alice!.groups[0]!.conversation_ids).toEqual(['alice|1|x', 'alice|1|y']);
    // Taking out makes room again: the tally follows removals and deletes.
    await api.update(groupId, { account_id: 'alice', conversations: { type: 2, conversation_ids: ['alice|1|y'] } });
    expect(
      (await api.update(groupId, { account_id: 'alice', conversations: { type: 1, conversation_ids: ['alice|1|z'] } }))
        .json.code,
    ).toBe(200);
    await api.remove(groupId, 'alice');
    expect(
      (await api.create({ account_id: 'carol', name: 'C', conversation_ids: ['carol|1|a', 'carol|1|b'] })).json.code,
    ).toBe(200);
  });

  it('maxConversations caps conversation records too; a delete makes room again', async () => {
    const sandbox = createSandbox({ limits: { maxConversations: 2 } });
    const api = inProcess(sandbox);
    const create = (conversation_id: string) =>
      api.raw('POST', '/im/v2.1/conversations', { body: { conversation_id } });
    expect((await create('alice|1|x')).json.code).toBe(200);
    expect((await create('alice|1|x')).json.code).toBe(200); // exists already: no new record
    expect((await create('alice|1|y')).json.code).toBe(200);
    expect((await create('alice|1|z')).json).toMatchObject({
      code: 500,
      msg: expect.stringContaining('limits.maxConversations: 2'),
    });
    expect((await api.raw('GET', `/im/v2.1/conversations/${encodeURIComponent('alice|1|z')}`)).json.code).not.toBe(200);
    expect((await api.raw('DELETE', `/im/v2/conversations/${encodeURIComponent('alice|1|x')}`)).json.code).toBe(200);
    expect((await create('alice|1|z')).json.code).toBe(200);
  });

  it('seeds are checked against the caps; the defaults are far above a test', () => {
    expect(() => createSandbox({ accounts: ['a', 'b'], limits: { maxAccounts: 1 } })).toThrow(NimSandboxOptionsError);
    expect(() =>
      createSandbox({ accounts: { a: { groups: [{ name: 'x' }, { name: 'y' }] } }, limits: { maxGroups: 1 } }),
    ).toThrow(/more than limits\.maxGroups/);
    expect(() => createSandbox({ limits: { maxConversations: 0 } })).toThrow(
      /limits\.maxConversations must be an integer from 1/,
    );
    const sandbox = createSandbox();
    expect(sandbox).toBeDefined();
  });
});
