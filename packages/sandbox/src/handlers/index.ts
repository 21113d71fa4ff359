import type { OperationId } from '@nim-api/types';
import { batchGetConversationGroups } from './batch-get-conversation-groups.js';
import type { Handler } from './context.js';
import { createConversationGroup } from './create-conversation-group.js';
import { deleteConversationGroup } from './delete-conversation-group.js';
import { getConversationGroup } from './get-conversation-group.js';
import { listConversationGroups } from './list-conversation-groups.js';
import { listGroupConversations } from './list-group-conversations.js';
import { updateConversationGroup } from './update-conversation-group.js';

/**
 * One handler per operationId of the spec. Typed against the generated `OperationId`, so an operation added to the
 * spec does not compile until its handler file exists.
 * @example
 * ```ts
 * const result = handlers[operation.operationId](context);
 * ```
 */
export const handlers: Readonly<Record<OperationId, Handler>> = {
  createConversationGroup,
  updateConversationGroup,
  deleteConversationGroup,
  getConversationGroup,
  batchGetConversationGroups,
  listConversationGroups,
  listGroupConversations,
};
