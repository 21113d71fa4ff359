import type { ConversationFailure } from '../rules/limits.js';
import { messageOf } from '../spec/spec.js';
import { type Handler, ok } from './context.js';
import { conversationJson, existingConversation } from './conversation-context.js';

/**
 * `POST /im/v2.1/conversations/actions/conversation_ids`: the conversations found in `success_list` (request order,
 * duplicates once) and every other id in `failed_list` with 110404, one by one.
 * @example
 * ```ts
 * batchGetConversations({ ...context, body: { conversation_ids: ['alice|1|bob', 'alice|1|carol'] } });
 * ```
 */
export const batchGetConversations: Handler = (context) => {
  const success_list: Record<string, unknown>[] = [];
  const failed_list: ConversationFailure[] = [];
  for (const id of new Set((context.body!.conversation_ids as string[]).map((raw) => raw.toLowerCase()))) {
    const found = existingConversation(context, id);
    if (found) success_list.push(conversationJson(found.account, found.conversation, context.settings));
    else failed_list.push({ conversation_id: id, error_code: 110404, error_msg: messageOf(110404) });
  }
  return ok({ success_list, failed_list });
};
