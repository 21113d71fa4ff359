import { touch } from '../state/conversation.js';
import { fail, type Handler, ok } from './context.js';
import { conversationAt, conversationJson } from './conversation-context.js';

/**
 * `POST /im/v2/conversations/{conversation_id}/actions/stick_top_conversation`: `top_type` 1 sticks the conversation
 * to the top (`stick_top` true, `sort_order` the time), 2 unsticks it (values UNCONFIRMED); either moves
 * `update_time`. 102404 unknown owner, 110404 unknown conversation.
 * @example
 * ```ts
 * stickTopConversation({ ...context, params: { conversation_id: 'alice|1|bob' }, body: { top_type: 1 } });
 * ```
 */
export const stickTopConversation: Handler = (context) => {
  const found = conversationAt(context, context.params.conversation_id);
  if ('code' in found) return fail(found.code);
  const { conversation } = found;
  touch(conversation, context.now);
  conversation.stickTop = context.body!.top_type === 1;
  conversation.sortOrder = conversation.stickTop ? conversation.updateTime : 0;
  return ok(conversationJson(found.account, conversation, context.settings));
};
