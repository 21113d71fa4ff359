import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('batchGetConversationGroups', () => {
  it('lists the groups found and every unknown id item by item in failed_list (116404)', async () => {
    const api = inProcess(createSandbox({ firstGroupId: '9007199254740993' }));
    const a = (await api.create({ account_id: 'alice', name: 'A' })).json.data.conversation_group;
    const b = (await api.create({ account_id: 'alice', name: 'B' })).json.data.conversation_group;
    const other = (await api.create({ account_id: 'bob', name: 'C' })).json.data.conversation_group;
    const reply = await api.batchGet('alice', [b.group_id, '7', a.group_id, b.group_id, other.group_id]);
    expect(reply.json.code).toBe(200);
    expect(reply.json.data.success_list).toEqual([b, a]);
    expect(reply.json.data.failed_list).toEqual([
      { group_id: '7', error_code: 116404, error_msg: 'conversation group not found' },
      { group_id: other.group_id, error_code: 116404, error_msg: 'conversation group not found' },
    ]);
    expect(reply.text).toContain(`"group_id":${other.group_id},"error_code"`);
  });

  it("takes repeated group_ids parameters as well as a comma list, and the Go SDK's encoded comma", async () => {
    const api = inProcess(createSandbox());
    await api.create({ account_id: 'alice', name: 'A' });
    await api.create({ account_id: 'alice', name: 'B' });
    const repeated = await api.raw(
      'GET',
      '/im/v2/conversation_groups/actions/group_ids?account_id=alice&group_ids=1&group_ids=2',
    );
    expect(repeated.json.data.success_list).toHaveLength(2);
    const encoded = await api.raw(
      'GET',
      '/im/v2/conversation_groups/actions/group_ids?account_id=alice&group_ids=1%2C2',
    );
    expect(encoded.json.data.success_list).toHaveLength(2);
  });

  it("answers in the Java SDK's spelling with unconfirmed.batchGetFailures 'fail_list'", async () => {
    const api = inProcess(createSandbox({ unconfirmed: { batchGetFailures: 'fail_list' } }));
    const reply = await api.batchGet('alice', ['5']);
    expect(reply.json.data).toEqual({
      success_list: [],
      fail_list: [{ group_id: '5', code: 116404, msg: 'conversation group not found' }],
    });
  });

  it('refuses an empty or malformed id list with 414', async () => {
    const api = inProcess(createSandbox());
    for (const query of ['group_ids=', 'group_ids=1,,2', 'group_ids=a', '']) {
      expect(
        (await api.raw('GET', `/im/v2/conversation_groups/actions/group_ids?account_id=alice&${query}`)).json.code,
        query,
      ).toBe(414);
    }
  });
});
