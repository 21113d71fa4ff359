// A stateful walk through the CLIENT (nim.conversations, generated from the spec's operation table) against the
// sandbox in process: a conversation in two groups, stick top, pages, delete; int64 group ids above 2^53 exact.
import type { ConversationId } from '@nim-api/types';
import { conversationId, createNimClient, isNimError, NimValidationError } from '@nim-api/client';
import { createSandbox } from '@nim-api/sandbox';
import { describe, expect, it } from 'vitest';

function clientAndSandbox() {
  const sandbox = createSandbox({ accounts: ['alice'], firstGroupId: 9007199254740993n });
  const nim = createNimClient({
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    dispatcher: sandbox.dispatcher,
    discovery: false,
  });
  return { sandbox, nim };
}

describe('nim.conversations against the sandbox', () => {
  it('walks create → two groups → get shows both → stick top → list pages → delete leaves the groups', async () => {
    const { nim } = clientAndSandbox();
    const bob = conversationId.p2p('alice', 'bob');
    const created = await nim.conversations.create({ conversation_id: bob });
    expect(created.conversation_id).toBe(bob);
    expect(created.group_ids).toEqual([]);
    const work = (await nim.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: [bob] }))
      .conversation_group;
    const vip = (await nim.conversationGroups.create({ account_id: 'alice', name: 'VIP' })).conversation_group;
    await nim.conversationGroups.addConversations(vip.group_id, { account_id: 'alice', conversation_ids: [bob] });
    // Both ids above 2^53, exact through the client's int64 parse (group_ids from the generated int64 fields).
    expect([work.group_id, vip.group_id]).toEqual(['9007199254740993', '9007199254740994']);
    const got = await nim.conversations.get(bob);
    expect([...got.group_ids].sort()).toEqual([work.group_id, vip.group_id]);

    const updated = await nim.conversations.update(bob, { server_extension: '{"note":"vip"}' });
    expect(updated.server_extension).toBe('{"note":"vip"}');
    await nim.conversations.create({ conversation_id: conversationId.team('alice', 6001) });
    await nim.conversations.create({ conversation_id: conversationId.superTeam('alice', 7001) });
    const stuck = await nim.conversations.stickTop(bob, { top_type: 1 });
    expect(stuck.stick_top).toBe(true);
    expect((await nim.conversations.get(bob)).stick_top).toBe(true);
    const first = await nim.conversations.list({ account_id: 'alice', limit: 2 });
    expect(first.items[0]!.conversation_id).toBe(bob);
    expect(first.items[0]!.stick_top).toBe(true);
    expect(first.has_more).toBe(true);
    const all = [];
    for await (const conversation of nim.conversations.iterate({ account_id: 'alice', limit: 1 }))
      all.push(conversation.conversation_id);
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);

    const batch = await nim.conversations.batchGet({ conversation_ids: [bob, 'alice|1|nobody'] });
    expect(batch.success_list.map((c) => c.conversation_id)).toEqual([bob]);
    expect(batch.failed_list.map((f) => [f.conversation_id, f.error_code])).toEqual([['alice|1|nobody', 110404]]);

    await nim.conversations.delete(bob, { clear_message: true });
    const gone = await nim.conversations.get(bob).catch((e: unknown) => e);
    expect(isNimError(gone, 'NimNotFoundError')).toBe(true);
    const page = await nim.conversationGroups.listConversations(work.group_id, { account_id: 'alice' });
    expect(page.items).toEqual([]);
    const deleted = await nim.conversations.batchDelete({ conversation_ids: ['alice|2|6001', 'alice|1|nobody'] });
    expect(deleted.success_list).toEqual(['alice|2|6001']);
    expect(deleted.failed_list.map((f) => f.error_code)).toEqual([110404]);
  });

  it('validates from the spec before sending anything', async () => {
    const { nim, sandbox } = clientAndSandbox();
    const refused = async (call: () => Promise<unknown>) => {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimValidationError);
      return (error as NimValidationError).issues.map((issue) => issue.path);
    };
    expect(await refused(() => nim.conversations.get('alice|9|bob' as ConversationId))).toEqual(['conversationId']);
    expect(await refused(() => nim.conversations.stickTop('alice|1|bob', { top_type: 3 as 1 }))).toEqual(['top_type']);
    expect(await refused(() => nim.conversations.list({ account_id: 'alice', limit: 101 }))).toEqual(['limit']);
    expect(await refused(() => nim.conversations.batchGet({ conversation_ids: [] }))).toEqual(['conversation_ids']);
    expect(await refused(() => nim.conversations.update('alice|1|bob', {} as never))).toEqual(['server_extension']);
    expect(sandbox.requests).toHaveLength(0);
  });
});
