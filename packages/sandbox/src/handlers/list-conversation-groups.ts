import { accountOf, fail, groupJson, type Handler, ok } from './context.js';

/**
 * `GET /im/v2/conversation_groups`: every group of the account, in creation order, not paginated. 102404 unknown account.
 * @example
 * ```ts
 * listConversationGroups({ ...context, params: { account_id: 'alice' } });
 * ```
 */
export const listConversationGroups: Handler = (context) => {
  const account = accountOf(context, context.params.account_id);
  if (!account) return fail(102404);
  return ok({ conversation_groups: [...account.groups.values()].map((group) => groupJson(group, context.settings)) });
};
