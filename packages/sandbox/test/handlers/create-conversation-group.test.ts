import { describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('createConversationGroup', () => {
  it('creates a group with low, increasing ids and files its conversations', async () => {
    const api = inProcess(createSandbox());
    const first = await api.create({
      account_id: 'alice',
      name: 'Work',
      server_extension: '{"c":1}',
      conversation_ids: ['alice|1|bob', 'alice|2|6001'],
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      code: 200,
      msg: 'success',
      data: {
        conversation_group: { group_id: '1', name: 'Work', server_extension: '{"c":1}' },
        success_list: ['alice|1|bob', 'alice|2|6001'],
        failed_list: [],
      },
    });
    const { create_time, update_time } = first.json.data.conversation_group;
    expect(create_time).toBe(update_time);
    expect(Math.abs(create_time - Date.now())).toBeLessThan(60_000); // milliseconds
    const second = await api.create({ account_id: 'alice', name: 'Home' });
    expect(second.json.data).toMatchObject({
      conversation_group: { group_id: '2', server_extension: '' },
      success_list: [],
      failed_list: [],
    });
  });

  it('writes group ids above 2^53 as exact JSON integers', async () => {
    const api = inProcess(createSandbox({ firstGroupId: 9007199254740993n }));
    const reply = await api.create({ account_id: 'alice', name: 'Big' });
    expect(reply.text).toContain('"group_id":9007199254740993,');
    expect(reply.json.data.conversation_group.group_id).toBe('9007199254740993');
    expect((await api.create({ account_id: 'alice', name: 'Next' })).json.data.conversation_group.group_id).toBe(
      '9007199254740994',
    );
  });

  it('refuses a conversation already in 5 groups item by item (110304) while the call succeeds', async () => {
    const api = inProcess(createSandbox());
    for (let i = 0; i < 5; i += 1)
      await api.create({ account_id: 'alice', name: `g${i}`, conversation_ids: ['alice|1|bob'] });
    const sixth = await api.create({
      account_id: 'alice',
      name: 'g5',
      conversation_ids: ['alice|1|bob', 'alice|1|carol'],
    });
    expect(sixth.json.code).toBe(200);
    expect(sixth.json.data.success_list).toEqual(['alice|1|carol']);
    expect(sixth.json.data.failed_list).toEqual([
      { conversation_id: 'alice|1|bob', error_code: 110304, error_msg: 'conversation already belongs to 5 groups' },
    ]);
  });

  it('refuses a conversation of another owner item by item (110302), unless unconfirmed.ownerMustMatchAccount is off', async () => {
    const strict = await inProcess(createSandbox()).create({
      account_id: 'alice',
      name: 'W',
      conversation_ids: ['bob|1|alice', 'alice|1|bob'],
    });
    expect(strict.json.data.failed_list).toEqual([
      { conversation_id: 'bob|1|alice', error_code: 110302, error_msg: 'conversation and account mismatch' },
    ]);
    const lenient = await inProcess(createSandbox({ unconfirmed: { ownerMustMatchAccount: false } })).create({
      account_id: 'alice',
      name: 'W',
      conversation_ids: ['bob|1|alice'],
    });
    expect(lenient.json.data.success_list).toEqual(['bob|1|alice']);
  });

  it('lower-cases account ids and conversation ids, and counts a repeated id once', async () => {
    const sandbox = createSandbox();
    const reply = await inProcess(sandbox).create({
      account_id: 'Alice',
      name: 'W',
      conversation_ids: ['ALICE|1|Bob', 'alice|1|bob'],
    });
    expect(reply.json.data.success_list).toEqual(['alice|1|bob']);
    expect(Object.keys(sandbox.snapshot().accounts)).toEqual(['alice']);
  });

  it('answers 116435 when the account has its maximum of groups, 116437 when the conversations do not fit', async () => {
    const api = inProcess(createSandbox({ limits: { groupsPerAccount: 2, conversationsPerGroup: 2 } }));
    expect((await api.create({ account_id: 'alice', name: 'a' })).json.code).toBe(200);
    const tooMany = await api.create({
      account_id: 'alice',
      name: 'b',
      conversation_ids: ['alice|1|x', 'alice|1|y', 'alice|1|z'],
    });
    expect(tooMany.json).toEqual({ code: 116437, msg: 'conversation count of the group exceeds the limit', data: {} });
    expect((await api.create({ account_id: 'alice', name: 'b' })).json.code).toBe(200);
    expect((await api.create({ account_id: 'alice', name: 'c' })).json).toEqual({
      code: 116435,
      msg: 'conversation group count exceeds the limit',
      data: {},
    });
    expect((await api.list('alice')).json.data.conversation_groups).toHaveLength(2);
  });

  it('answers 102404 for an unknown account when accounts are seeded', async () => {
    const api = inProcess(createSandbox({ accounts: ['alice'] }));
    expect((await api.create({ account_id: 'bob', name: 'W' })).json).toEqual({
      code: 102404,
      msg: 'account not exist',
      data: {},
    });
    expect((await api.create({ account_id: 'alice', name: 'W' })).json.code).toBe(200);
  });

  it('checks the body against the schema before looking anything up: a malformed account is 414, not 102404', async () => {
    const api = inProcess(createSandbox({ accounts: ['alice'] }));
    const cases: unknown[] = [
      { account_id: 'not an id', name: 'W' },
      { account_id: 'alice' },
      { account_id: 'alice', name: '' },
      { account_id: 'alice', name: 'W', conversation_ids: Array.from({ length: 101 }, (_, i) => `alice|1|u${i}`) },
      { account_id: 'alice', name: 'W', conversation_ids: ['alice|4|bob'] },
      { account_id: 'alice', name: 7 },
      [],
      'text',
    ];
    for (const body of cases) {
      const reply = await api.create(body as Record<string, unknown>);
      expect(reply.json.code, JSON.stringify(body).slice(0, 80)).toBe(414);
      expect(reply.json.msg).toMatch(/^parameter error: /);
      expect(reply.json.data).toEqual({});
    }
    expect((await api.list('alice')).json.data.conversation_groups).toEqual([]);
  });

  it('says the configured limit in the 110304 message', async () => {
    const api = inProcess(createSandbox({ limits: { groupsPerConversation: 2 } }));
    for (let i = 0; i < 2; i += 1)
      await api.create({ account_id: 'alice', name: `g${i}`, conversation_ids: ['alice|1|bob'] });
    const third = await api.create({ account_id: 'alice', name: 'g2', conversation_ids: ['alice|1|bob'] });
    expect(third.json.data.failed_list).toEqual([
      { conversation_id: 'alice|1|bob', error_code: 110304, error_msg: 'conversation already belongs to 2 groups' },
    ]);
  });

  it('applies the per-item rules before the conversation cap: 116437 counts what would be filed (see README)', async () => {
    const none = inProcess(createSandbox({ limits: { conversationsPerGroup: 0 } }));
    expect((await none.create({ account_id: 'alice', name: 'a', conversation_ids: ['alice|1|bob'] })).json.code).toBe(
      116437,
    );
    expect((await none.create({ account_id: 'alice', name: 'a' })).json.code).toBe(200);
    // Nothing could be filed anyway (110304, 110302 per item): nothing passes the cap, and the call succeeds.
    const neither = inProcess(createSandbox({ limits: { conversationsPerGroup: 0, groupsPerConversation: 0 } }));
    const reply = await neither.create({
      account_id: 'alice',
      name: 'a',
      conversation_ids: ['alice|1|bob', 'bob|1|alice'],
    });
    expect(reply.json.code).toBe(200);
    expect(reply.json.data.failed_list.map((f: { error_code: number }) => f.error_code)).toEqual([110304, 110302]);
  });

  it('never issues a group id beyond int64: the create past the last one answers 500, the counter stops', async () => {
    const int64Max = 2n ** 63n - 1n;
    expect(() => createSandbox({ firstGroupId: int64Max + 1n })).toThrow(NimSandboxOptionsError);
    expect(() =>
      createSandbox({ accounts: { alice: { groups: [{ name: 'x', group_id: (int64Max + 1n).toString() }] } } }),
    ).toThrow(NimSandboxOptionsError);
    expect(() =>
      createSandbox({ firstGroupId: int64Max, accounts: { alice: { groups: [{ name: 'a' }, { name: 'b' }] } } }),
    ).toThrow(/no int64 group id is left/);

    const sandbox = createSandbox({ firstGroupId: int64Max - 1n });
    const api = inProcess(sandbox);
    expect((await api.create({ account_id: 'alice', name: 'a' })).json.data.conversation_group.group_id).toBe(
      (int64Max - 1n).toString(),
    );
    expect((await api.create({ account_id: 'alice', name: 'b' })).json.data.conversation_group.group_id).toBe(
      int64Max.toString(),
    );
    for (let i = 0; i < 2; i += 1) {
      expect((await api.create({ account_id: 'alice', name: 'c' })).json).toEqual({
        code: 500,
        msg: 'internal server error: the sandbox has run out of group ids (int64)',
        data: {},
      });
    }
    const snapshot = sandbox.snapshot();
    expect(snapshot.nextGroupId).toBeNull();
    expect(snapshot.accounts.alice!.groups.map((g) => g.group_id)).toEqual([
      (int64Max - 1n).toString(),
      int64Max.toString(),
    ]);
    // The snapshot seeds again, and the seeded sandbox has run out too.
    const copy = inProcess(createSandbox({ accounts: snapshot.accounts }));
    expect((await copy.create({ account_id: 'alice', name: 'd' })).json.code).toBe(500);
  });
});
