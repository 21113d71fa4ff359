import { messageOf } from '../spec/spec.js';
import type { GroupRecord } from '../state/group.js';
import { accountOf, fail, groupJson, groupOf, type Handler, ok } from './context.js';

/**
 * `GET /im/v2/conversation_groups/actions/group_ids`: the groups found in `success_list` (request order, duplicates
 * once) and every other id in `failed_list` with 116404, one by one — or, with `unconfirmed.batchGetFailures:
 * 'fail_list'`, in the Java SDK's `fail_list` with `code`/`msg`. 102404 unknown account.
 * @example
 * ```ts
 * batchGetConversationGroups({ ...context, params: { account_id: 'alice', group_ids: ['1', '2'] } });
 * ```
 */
export const batchGetConversationGroups: Handler = (context) => {
  const account = accountOf(context, context.params.account_id);
  if (!account) return fail(102404);
  const found: GroupRecord[] = [];
  const missing: string[] = [];
  for (const id of new Set(context.params.group_ids as string[])) {
    const group = groupOf(account, id);
    if (group) found.push(group);
    else missing.push(id);
  }
  const success_list = found.map((group) => groupJson(group, context.settings, true));
  const msg = messageOf(116404);
  if (context.settings.unconfirmed.batchGetFailures === 'fail_list') {
    return ok({ success_list, fail_list: missing.map((group_id) => ({ group_id, code: 116404, msg })) });
  }
  return ok({
    success_list,
    failed_list: missing.map((group_id) => ({ group_id, error_code: 116404, error_msg: msg })),
  });
};
