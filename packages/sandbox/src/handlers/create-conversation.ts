import { recordCapReached, stateCapDetail } from '../rules/state-caps.js';
import { createConversationRecord, partsOf } from '../state/conversation.js';
import { accountOf, fail, type Handler, ok } from './context.js';
import { conversationJson } from './conversation-context.js';

/**
 * `POST /im/v2.1/conversations`: creates the conversation for its owner (the id's first part) and answers it; a
 * conversation that exists already is answered as it is, unchanged (UNCONFIRMED). 102404 unknown owner.
 * @example
 * ```ts
 * createConversation({ ...context, body: { conversation_id: 'alice|1|bob' } });
 * ```
 */
export const createConversation: Handler = (context) => {
  const id = String(context.body!.conversation_id).toLowerCase();
  const account = accountOf(context, partsOf(id).ownerId);
  if (!account) return fail(102404);
  let conversation = account.conversations.get(id);
  if (!conversation) {
    const { settings } = context;
    if (recordCapReached(account.tally, settings))
      return fail(500, stateCapDetail('limits.maxConversations', settings.limits.maxConversations));
    account.conversations.set(id, (conversation = createConversationRecord(id, context.now)));
    account.tally.records += 1;
  }
  return ok(conversationJson(account, conversation, context.settings));
};
