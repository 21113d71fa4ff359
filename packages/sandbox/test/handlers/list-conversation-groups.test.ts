import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/index.js';
import { inProcess } from '../support/api.js';

describe('listConversationGroups', () => {
  it("lists the account's groups in creation order, nobody else's", async () => {
    const api = inProcess(createSandbox());
    expect((await api.list('alice')).json).toEqual({ code: 200, msg: 'success', data: { conversation_groups: [] } });
    const names = ['one', 'two', 'three'];
    for (const name of names) await api.create({ account_id: 'alice', name });
    await api.create({ account_id: 'bob', name: 'bob' });
    const groups = (await api.list('ALICE')).json.data.conversation_groups;
    expect(groups.map((g: { name: string }) => g.name)).toEqual(names);
  });

  it('answers 102404 for an unknown account when autoCreateAccounts is off, 414 for a malformed one', async () => {
    const api = inProcess(createSandbox({ autoCreateAccounts: false }));
    expect((await api.list('alice')).json.code).toBe(102404);
    expect((await api.list('a'.repeat(33))).json.code).toBe(414);
  });
});
