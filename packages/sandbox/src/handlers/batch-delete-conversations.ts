import type { ConversationFailure } from '../rules/limits.js';
import { messageOf } from '../spec/spec.js';
import { removeConversation } from '../state/conversation.js';
import { type Handler, ok } from './context.js';
import { existingConversation } from './conversation-context.js';

/**
 * `DELETE /im/v2/conversations/actions/conversation_ids`: deletes each conversation that exists (request order,
 * duplicates once) into `success_list`, lists every other id in `failed_list` with 110404, one by one. The deleted
 * ones leave their groups as for {@link deleteConversation}.
 * @example
 * ```ts
 * batchDeleteConversations({ ...context, params: { conversation_ids: ['alice|1|bob', 'alice|1|carol'] } });
 * ```
 */
export const batchDeleteConversations: Handler = (context) => {
  const success_list: string[] = [];
  const failed_list: ConversationFailure[] = [];
  for (const id of new Set((context.params.conversation_ids as string[]).map((raw) => raw.toLowerCase()))) {
    const found = existingConversation(context, id);
    if (!found) {
      failed_list.push({ conversation_id: id, error_code: 110404, error_msg: messageOf(110404) });
      continue;
    }
    removeConversation(found.account, id, context.settings.unconfirmed.deleteConversationLeavesGroups);
    success_list.push(id);
  }
  return ok({ success_list, failed_list });
};
