import { atGroupCap, exceedsConversationCap, planAdd } from '../rules/limits.js';
import { conversationCapExceeded, groupCapReached, stateCapDetail } from '../rules/state-caps.js';
import { addGroup, fileConversation } from '../state/account.js';
import { int64Max } from '../state/app-state.js';
import { createGroupRecord } from '../state/group.js';
import { accountOf, fail, groupJson, type Handler, ok } from './context.js';

/**
 * `POST /im/v2/conversation_groups`: creates a group and files the conversations that can be filed; the others
 * are listed in `failed_list` (110302, 110304) while the call succeeds. 102404 unknown account, 116435 the account
 * has its maximum of groups, 116437 more conversations than a group may hold (nothing is created then), 500 when
 * the int64 group ids have run out or a state cap (`limits.maxGroups`, `limits.maxConversations`) is reached.
 * @example
 * ```ts
 * const result = createConversationGroup({ app, settings, params: {}, body: { account_id: 'alice', name: 'Work' }, now });
 * ```
 */
export const createConversationGroup: Handler = (context) => {
  const { app, settings, now } = context;
  const body = context.body!;
  const account = accountOf(context, body.account_id);
  if (!account) return fail(102404);
  if (atGroupCap(account, settings)) return fail(116435);
  const plan = planAdd(account, undefined, (body.conversation_ids as string[] | undefined) ?? [], settings);
  if (exceedsConversationCap(undefined, plan, settings)) return fail(116437);
  if (groupCapReached(app.tally, settings))
    return fail(500, stateCapDetail('limits.maxGroups', settings.limits.maxGroups));
  if (conversationCapExceeded(app.tally, settings, plan.apply.length))
    return fail(500, stateCapDetail('limits.maxConversations', settings.limits.maxConversations));
  const id = app.nextGroupId;
  if (id === undefined) return fail(500, 'the sandbox has run out of group ids (int64)');

  const group = createGroupRecord({
    id,
    accountId: account.id,
    name: body.name as string,
    serverExtension: (body.server_extension as string | undefined) ?? '',
    createTime: now,
    updateTime: now,
  });
  app.nextGroupId = id < int64Max ? id + 1n : undefined;
  addGroup(account, group);
  for (const id of plan.apply) fileConversation(account, group, id);
  return ok({ conversation_group: groupJson(group, settings), success_list: plan.apply, failed_list: plan.failed });
};
