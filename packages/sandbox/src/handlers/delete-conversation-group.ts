import { removeGroup } from '../state/account.js';
import { accountOf, fail, groupOf, type Handler, ok } from './context.js';

/**
 * `DELETE /im/v2/conversation_groups/{group_id}`: the group goes and leaves every conversation it held (they count
 * one group less towards the 5-groups rule). 102404 unknown account, 116404 unknown group.
 * @example
 * ```ts
 * deleteConversationGroup({ ...context, params: { account_id: 'alice', group_id: '1' } }); // { code: 200, data: {} }
 * ```
 */
export const deleteConversationGroup: Handler = (context) => {
  const account = accountOf(context, context.params.account_id);
  if (!account) return fail(102404);
  const group = groupOf(account, context.params.group_id);
  if (!group) return fail(116404);
  removeGroup(account, group);
  return ok({});
};
