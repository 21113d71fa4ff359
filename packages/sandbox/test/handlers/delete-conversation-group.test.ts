import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('deleteConversationGroup', () => {
  it('deletes the group: get is 116404 after, and its conversations count one group less', async () => {
    const api = inProcess(createSandbox());
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(
        (await api.create({ account_id: 'alice', name: `g${i}`, conversation_ids: ['alice|1|bob'] })).json.data
          .conversation_group.group_id,
      );
    }
    expect(
      (await api.create({ account_id: 'alice', name: 'full', conversation_ids: ['alice|1|bob'] })).json.data
        .failed_list,
    ).toHaveLength(1);
    const deleted = await api.remove(ids[0]!, 'alice');
    expect(deleted.json).toEqual({ code: 200, msg: 'success', data: {} });
    expect((await api.get(ids[0]!, 'alice')).json.code).toBe(116404);
    expect((await api.remove(ids[0]!, 'alice')).json.code).toBe(116404);
    const again = await api.create({ account_id: 'alice', name: 'fits now', conversation_ids: ['alice|1|bob'] });
    expect(again.json.data.success_list).toEqual(['alice|1|bob']);
    // Ids are never reused.
    expect(BigInt(again.json.data.conversation_group.group_id)).toBeGreaterThan(BigInt(ids.at(-1)!) + 1n);
  });

  it('answers 102404 for an unknown account and 414 for a missing account_id', async () => {
    const api = inProcess(createSandbox({ accounts: ['alice'] }));
    expect((await api.remove('1', 'bob')).json.code).toBe(102404);
    expect((await api.raw('DELETE', '/im/v2/conversation_groups/1')).json.code).toBe(414);
  });
});
