import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

async function withGroup(options = {}) {
  const sandbox = createSandbox(options);
  const api = inProcess(sandbox);
  const created = await api.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] });
  return {
    sandbox,
    api,
    groupId: created.json.data.conversation_group.group_id as string,
    created: created.json.data.conversation_group,
  };
}

describe('updateConversationGroup', () => {
  it('renames and changes the extension; fields left out stay; update_time moves on', async () => {
    const { api, groupId, created } = await withGroup();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await api.update(groupId, { account_id: 'alice', name: 'Home' });
    expect(renamed.json.data).toMatchObject({
      conversation_group: { group_id: groupId, name: 'Home', server_extension: '' },
      success_list: [],
      failed_list: [],
    });
    expect(renamed.json.data.conversation_group.update_time).toBeGreaterThan(created.update_time);
    expect(renamed.json.data.conversation_group.create_time).toBe(created.create_time);
    const extended = await api.update(groupId, { account_id: 'alice', server_extension: '{"x":1}' });
    expect(extended.json.data.conversation_group).toMatchObject({ name: 'Home', server_extension: '{"x":1}' });
  });

  it('adds (type 1) and removes (type 2) conversations, item by item', async () => {
    const { api, groupId } = await withGroup();
    const added = await api.update(groupId, {
      account_id: 'alice',
      conversations: { type: 1, conversation_ids: ['alice|1|carol', 'alice|1|bob', 'bob|1|x'] },
    });
    expect(added.json.data.success_list).toEqual(['alice|1|carol', 'alice|1|bob']);
    expect(added.json.data.failed_list).toEqual([
      { conversation_id: 'bob|1|x', error_code: 110302, error_msg: 'conversation and account mismatch' },
    ]);
    const removed = await api.update(groupId, {
      account_id: 'alice',
      conversations: { type: 2, conversation_ids: ['alice|1|bob', 'alice|1|nobody'] },
    });
    expect(removed.json.data.success_list).toEqual(['alice|1|bob']);
    expect(removed.json.data.failed_list).toEqual([
      { conversation_id: 'alice|1|nobody', error_code: 110404, error_msg: 'conversation not found' },
    ]);
    const page = await api.page(groupId, 'alice');
    expect(page.json.data.items).toEqual([{ conversation_id: 'alice|1|carol' }]);
  });

  it('answers 116437 and changes nothing when the additions would pass conversationsPerGroup', async () => {
    const { api, groupId } = await withGroup({ limits: { conversationsPerGroup: 2 } });
    const reply = await api.update(groupId, {
      account_id: 'alice',
      name: 'X',
      conversations: { type: 1, conversation_ids: ['alice|1|c', 'alice|1|d'] },
    });
    expect(reply.json.code).toBe(116437);
    expect((await api.get(groupId, 'alice')).json.data.name).toBe('Work');
    expect(
      (
        await api.update(groupId, {
          account_id: 'alice',
          conversations: { type: 1, conversation_ids: ['alice|1|c', 'alice|1|bob'] },
        })
      ).json.code,
    ).toBe(200);
  });

  it("answers 116404 for an unknown group and for another account's group", async () => {
    const { api, groupId } = await withGroup();
    expect((await api.update('999', { account_id: 'alice', name: 'X' })).json.code).toBe(116404);
    expect((await api.update(groupId, { account_id: 'bob', name: 'X' })).json.code).toBe(116404);
  });

  it('refuses a bad type, more than 100 ids, a non-integer group id (414) before any lookup', async () => {
    const { api, groupId } = await withGroup({ accounts: ['alice'] });
    const bad = [
      [groupId, { account_id: 'alice', conversations: { type: 3, conversation_ids: [] } }],
      [
        groupId,
        {
          account_id: 'alice',
          conversations: { type: 1, conversation_ids: Array.from({ length: 101 }, (_, i) => `alice|1|u${i}`) },
        },
      ],
      [groupId, { account_id: 'alice', conversations: { type: 1 } }],
      ['abc', { account_id: 'alice', name: 'X' }],
      ['0', { account_id: 'alice', name: 'X' }],
      ['9223372036854775808', { account_id: 'alice', name: 'X' }],
      ['1', { account_id: 'unknown account', name: 'X' }],
    ] as const;
    for (const [id, body] of bad)
      expect((await api.update(id, body)).json.code, `${id} ${JSON.stringify(body).slice(0, 60)}`).toBe(414);
  });
});
