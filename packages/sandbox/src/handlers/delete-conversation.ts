import { removeConversation } from '../state/conversation.js';
import { fail, type Handler, ok } from './context.js';
import { conversationAt } from './conversation-context.js';

/**
 * `DELETE /im/v2/conversations/{conversation_id}`: the conversation goes and, with
 * `unconfirmed.deleteConversationLeavesGroups` (the default), leaves every group that held it. `clear_message` is
 * accepted (the sandbox keeps no messages). 102404 unknown owner, 110404 unknown conversation.
 * @example
 * ```ts
 * deleteConversation({ ...context, params: { conversation_id: 'alice|1|bob' } }); // { code: 200, data: {} }
 * ```
 */
export const deleteConversation: Handler = (context) => {
  const found = conversationAt(context, context.params.conversation_id);
  if ('code' in found) return fail(found.code);
  removeConversation(found.account, found.conversation.id, context.settings.unconfirmed.deleteConversationLeavesGroups);
  return ok({});
};
