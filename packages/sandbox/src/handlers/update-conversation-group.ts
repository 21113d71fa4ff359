import { type ConversationPlan, exceedsConversationCap, planAdd, planRemove } from '../rules/limits.js';
import { conversationCapExceeded, stateCapDetail } from '../rules/state-caps.js';
import { fileConversation, unfileConversation } from '../state/account.js';
import { accountOf, fail, groupJson, groupOf, type Handler, ok } from './context.js';

/**
 * `PATCH /im/v2/conversation_groups/{group_id}`: renames, changes the extension, and adds (`conversations.type` 1)
 * or removes (type 2) conversations, each refused one item at a time in `failed_list` (110302, 110304, 110404 not in
 * the group). 102404 unknown account, 116404 unknown group (or another account's), 116437 the group would hold too
 * many (nothing is changed then), 500 past the state cap `limits.maxConversations` (nothing changed either).
 * @example
 * ```ts
 * updateConversationGroup({ ...context, params: { group_id: '1' }, body: { account_id: 'alice', name: 'Home' } });
 * ```
 */
export const updateConversationGroup: Handler = (context) => {
  const { settings, now } = context;
  const body = context.body!;
  const account = accountOf(context, body.account_id);
  if (!account) return fail(102404);
  const group = groupOf(account, context.params.group_id);
  if (!group) return fail(116404);

  const change = body.conversations as { type: 1 | 2; conversation_ids: string[] } | undefined;
  let plan: ConversationPlan = { apply: [], failed: [] };
  if (change?.type === 1) {
    plan = planAdd(account, group, change.conversation_ids, settings);
    if (exceedsConversationCap(group, plan, settings)) return fail(116437);
    const added = plan.apply.filter((id) => !group.conversations.has(id)).length;
    if (conversationCapExceeded(account.tally, settings, added))
      return fail(500, stateCapDetail('limits.maxConversations', settings.limits.maxConversations));
    for (const id of plan.apply) fileConversation(account, group, id);
  } else if (change?.type === 2) {
    plan = planRemove(account, group, change.conversation_ids, settings);
    for (const id of plan.apply) unfileConversation(account, group, id);
  }
  if (typeof body.name === 'string') group.name = body.name;
  if (typeof body.server_extension === 'string') group.serverExtension = body.server_extension;
  group.updateTime = Math.max(now, group.createTime);
  return ok({ conversation_group: groupJson(group, settings), success_list: plan.apply, failed_list: plan.failed });
};
