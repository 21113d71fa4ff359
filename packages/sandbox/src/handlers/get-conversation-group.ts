import { accountOf, fail, groupJson, groupOf, type Handler, ok } from './context.js';

/**
 * `GET /im/v2/conversation_groups/{group_id}`: the group itself as `data`. 102404 unknown account, 116404 unknown group.
 * @example
 * ```ts
 * getConversationGroup({ ...context, params: { account_id: 'alice', group_id: '1' } });
 * ```
 */
export const getConversationGroup: Handler = (context) => {
  const account = accountOf(context, context.params.account_id);
  if (!account) return fail(102404);
  const group = groupOf(account, context.params.group_id);
  if (!group) return fail(116404);
  return ok(groupJson(group, context.settings, true));
};
