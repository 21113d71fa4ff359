import { fail, type Handler, ok } from './context.js';
import { conversationAt, conversationJson } from './conversation-context.js';

/**
 * `GET /im/v2.1/conversations/{conversation_id}`: the conversation itself as `data`, with `group_ids` (the owner's
 * groups that hold it) and `stick_top`. 102404 unknown owner, 110404 unknown conversation.
 * @example
 * ```ts
 * getConversation({ ...context, params: { conversation_id: 'alice|1|bob' } });
 * ```
 */
export const getConversation: Handler = (context) => {
  const found = conversationAt(context, context.params.conversation_id);
  if ('code' in found) return fail(found.code);
  return ok(conversationJson(found.account, found.conversation, context.settings));
};
