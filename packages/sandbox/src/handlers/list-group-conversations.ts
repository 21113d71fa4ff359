import { conversationsSnapshot } from '../state/group.js';
import { accountOf, fail, groupOf, type Handler, ok } from './context.js';

/**
 * `GET /im/v2/conversation_groups/{group_id}/conversations`: one page of the group's conversations in the order they
 * were filed. The first page fixes the list (a snapshot): later pages of the same walk neither skip nor repeat a
 * conversation when the group changes in between. `next_token` is opaque; an unknown one, or one of another group,
 * is 414. 102404 unknown account, 116404 unknown group (also when it was deleted mid-walk).
 * @example
 * ```ts
 * listGroupConversations({ ...context, params: { account_id: 'alice', group_id: '1', limit: 2 } });
 * ```
 */
export const listGroupConversations: Handler = (context) => {
  const { app, params, settings } = context;
  const account = accountOf(context, params.account_id);
  if (!account) return fail(102404);
  const group = groupOf(account, params.group_id);
  if (!group) return fail(116404);
  const limit = (params.limit as number | undefined) ?? settings.unconfirmed.defaultPageLimit;

  const token = params.page_token as string | undefined;
  if (token === undefined || token === '') {
    const ids = conversationsSnapshot(group);
    const has_more = ids.length > limit;
    return ok({
      has_more,
      next_token: has_more ? app.pages.open(group, ids, limit) : '',
      items: ids.slice(0, limit).map((conversation_id) => ({ conversation_id })),
    });
  }
  const position = app.pages.read(token);
  if (!position || position.snapshot.accountId !== account.id || position.snapshot.groupIdText !== group.idText)
    return fail(414);
  const { ids } = position.snapshot;
  const end = position.offset + limit;
  const has_more = ids.length > end;
  return ok({
    has_more,
    next_token: has_more ? app.pages.next(position, end) : '',
    items: ids.slice(position.offset, end).map((conversation_id) => ({ conversation_id })),
  });
};
