/**
 * GENERATED FILE — DO NOT EDIT (`pnpm generate`, scripts/render-handlers.mjs).
 * One handler per operationId of openapi/conversation-groups.yaml, from the file named after it.
 */
import type { OperationId } from '@nim-api/types';
import type { Handler } from './context.js';
import { batchDeleteConversations } from './batch-delete-conversations.js';
import { batchGetConversationGroups } from './batch-get-conversation-groups.js';
import { batchGetConversations } from './batch-get-conversations.js';
import { createConversation } from './create-conversation.js';
import { createConversationGroup } from './create-conversation-group.js';
import { deleteConversation } from './delete-conversation.js';
import { deleteConversationGroup } from './delete-conversation-group.js';
import { getConversation } from './get-conversation.js';
import { getConversationGroup } from './get-conversation-group.js';
import { listConversationGroups } from './list-conversation-groups.js';
import { listConversations } from './list-conversations.js';
import { listGroupConversations } from './list-group-conversations.js';
import { stickTopConversation } from './stick-top-conversation.js';
import { updateConversation } from './update-conversation.js';
import { updateConversationGroup } from './update-conversation-group.js';

/**
 * One handler per operationId of the spec, keyed by the generated `OperationId`: an operation added to the spec
 * does not build until its handler file exists.
 * @example
 * ```ts
 * const result = handlers[operation.operationId](context);
 * ```
 */
export const handlers: Readonly<Record<OperationId, Handler>> = {
  batchDeleteConversations,
  batchGetConversationGroups,
  batchGetConversations,
  createConversation,
  createConversationGroup,
  deleteConversation,
  deleteConversationGroup,
  getConversation,
  getConversationGroup,
  listConversationGroups,
  listConversations,
  listGroupConversations,
  stickTopConversation,
  updateConversation,
  updateConversationGroup,
};
