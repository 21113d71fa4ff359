// A consumer of @nim-api/client that calls all nine methods (and iterates), type-checked by bench/typecheck.mjs.
import { conversationId, createNimClient, isNimError, type ConversationGroup } from '@nim-api/client';

const nim = createNimClient({ appKey: 'key', appSecret: 'secret' });

export async function everyMethod(): Promise<ConversationGroup[]> {
  const created = await nim.conversationGroups.create({
    account_id: 'alice',
    name: 'Work',
    conversation_ids: [conversationId.p2p('alice', 'bob'), conversationId.team('alice', 6001)],
  });
  const groupId = created.conversation_group.group_id;
  await nim.conversationGroups.update(groupId, { account_id: 'alice', name: 'Work (2026)' });
  const added = await nim.conversationGroups.addConversations(groupId, {
    account_id: 'alice',
    conversation_ids: ['alice|1|carol'],
  });
  const failedIds: string[] = added.failed_list.map((item) => item.conversation_id);
  await nim.conversationGroups.removeConversations(groupId, { account_id: 'alice', conversation_ids: failedIds });
  const group = await nim.conversationGroups.get(groupId, { account_id: 'alice' });
  const batch = await nim.conversationGroups.batchGet({ account_id: 'alice', group_ids: [groupId, 1002n, 1003] });
  const errors: number[] = batch.failed_list.map((item) => item.error_code);
  const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'alice' });
  const page = await nim.conversationGroups.listConversations(groupId, { account_id: 'alice', limit: 50 });
  const next: string | undefined = page.has_more ? page.next_token : undefined;
  for await (const conversation of nim.conversationGroups.iterateConversations(groupId, { account_id: 'alice' })) {
    const id: string = conversation.conversation_id;
    void id;
  }
  try {
    await nim.conversationGroups.delete(groupId, { account_id: 'alice' });
  } catch (error) {
    if (isNimError(error)) console.log(error.name, error.traceId, errors, next);
  }
  return [group, ...batch.success_list, ...conversation_groups];
}
