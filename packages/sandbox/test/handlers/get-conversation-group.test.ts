import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('getConversationGroup', () => {
  it('answers the group itself as data', async () => {
    const api = inProcess(createSandbox());
    const { conversation_group } = (
      await api.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] })
    ).json.data;
    const reply = await api.get(conversation_group.group_id, 'alice');
    expect(reply.json).toEqual({ code: 200, msg: 'success', data: conversation_group });
    expect(Object.keys(reply.json.data).sort()).toEqual([
      'create_time',
      'group_id',
      'name',
      'server_extension',
      'update_time',
    ]);
  });

  it('adds account_id and conversation_ids with unconfirmed.groupDetails, seconds with timestampUnit s', async () => {
    const api = inProcess(createSandbox({ unconfirmed: { groupDetails: true, timestampUnit: 's' } }));
    const created = (await api.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] })).json
      .data.conversation_group;
    const reply = await api.get(created.group_id, 'alice');
    expect(reply.json.data).toMatchObject({ account_id: 'alice', conversation_ids: ['alice|1|bob'] });
    expect(String(reply.json.data.create_time)).toHaveLength(10);
  });

  it('answers 116404 for an unknown group, 102404 for an unknown account, 414 for a malformed id', async () => {
    const api = inProcess(createSandbox({ accounts: ['alice'] }));
    expect((await api.get('12', 'alice')).json).toEqual({
      code: 116404,
      msg: 'conversation group not found',
      data: {},
    });
    expect((await api.get('12', 'bob')).json.code).toBe(102404);
    for (const id of ['-1', '1.5', 'x', '%zz', '99999999999999999999'])
      expect((await api.get(id, 'alice')).json.code, id).toBe(414);
  });
});
