import { touch } from '../state/conversation.js';
import { fail, type Handler, ok } from './context.js';
import { conversationAt, conversationJson } from './conversation-context.js';

/**
 * `PATCH /im/v2/conversations/{conversation_id}`: sets `server_extension` and moves `update_time`; answers the whole
 * conversation. 102404 unknown owner, 110404 unknown conversation.
 * @example
 * ```ts
 * updateConversation({ ...context, params: { conversation_id: 'alice|1|bob' }, body: { server_extension: '{}' } });
 * ```
 */
export const updateConversation: Handler = (context) => {
  const found = conversationAt(context, context.params.conversation_id);
  if ('code' in found) return fail(found.code);
  found.conversation.serverExtension = context.body!.server_extension as string;
  touch(found.conversation, context.now);
  return ok(conversationJson(found.account, found.conversation, context.settings));
};
