import type { AccountRecord } from '../state/account.js';
import { listOrder } from '../state/conversation.js';
import { accountOf, fail, type Handler, type HandlerContext, ok } from './context.js';
import { conversationJson } from './conversation-context.js';

// The walk key of an account's own conversation list in the page store: group ids are ≥ 1, never ''.
const accountList = '';

const page = (context: HandlerContext, account: AccountRecord, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const conversation = account.conversations.get(id);
    return conversation ? [conversationJson(account, conversation, context.settings)] : [];
  });

/**
 * `GET /im/v2.1/conversations`: one page of the account's conversations — stuck to the top first, then the most
 * recently updated. Paged like `listGroupConversations`: the first page fixes the order (a snapshot of ids, so later
 * pages neither skip nor repeat one), each item shows the conversation as it is when its page is read (one deleted
 * in between is left out), and `next_token` is an opaque, MAC'd token; an unknown one, another account's or a
 * group's is 414. 102404 unknown account.
 * @example
 * ```ts
 * listConversations({ ...context, params: { account_id: 'alice', limit: 2 } });
 * ```
 */
export const listConversations: Handler = (context) => {
  const { app, params, settings } = context;
  const account = accountOf(context, params.account_id);
  if (!account) return fail(102404);
  const limit = (params.limit as number | undefined) ?? settings.unconfirmed.defaultPageLimit;

  const token = params.page_token as string | undefined;
  if (token === undefined || token === '') {
    const ids = Object.freeze(listOrder(account).map((conversation) => conversation.id));
    const has_more = ids.length > limit;
    return ok({
      has_more,
      next_token: has_more ? app.pages.open({ accountId: account.id, idText: accountList }, ids, limit) : '',
      items: page(context, account, ids.slice(0, limit)),
    });
  }
  const position = app.pages.read(token);
  if (!position || position.snapshot.accountId !== account.id || position.snapshot.groupIdText !== accountList)
    return fail(414);
  const { ids } = position.snapshot;
  const end = position.offset + limit;
  const has_more = ids.length > end;
  return ok({
    has_more,
    next_token: has_more ? app.pages.next(position, end) : '',
    items: page(context, account, ids.slice(position.offset, end)),
  });
};
