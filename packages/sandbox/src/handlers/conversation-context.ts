import type { SandboxSettings } from '../settings.js';
import type { AccountRecord } from '../state/account.js';
import { type ConversationRecord, groupIdsOf, partsOf } from '../state/conversation.js';
import { accountOf, type HandlerContext } from './context.js';

/**
 * A conversation as the wire shows it: every field the official Go SDK's `ConversationInfo` reads, `group_ids` as
 * exact decimal strings (the envelope writes them as bare integers), `sort_order` as its stick-top answer has it.
 * @example
 * ```ts
 * return ok(conversationJson(account, conversation, context.settings));
 * ```
 */
export function conversationJson(
  account: AccountRecord,
  conversation: ConversationRecord,
  settings: SandboxSettings,
): Record<string, unknown> {
  const time = settings.unconfirmed.timestampUnit === 's' ? (ms: number) => Math.floor(ms / 1000) : (ms: number) => ms;
  return {
    conversation_id: conversation.id,
    sender_id: conversation.ownerId,
    receiver_id: conversation.receiverId,
    type: conversation.type,
    stick_top: conversation.stickTop,
    group_ids: groupIdsOf(account, conversation.id),
    server_extension: conversation.serverExtension,
    sort_order: conversation.sortOrder,
    update_time: time(conversation.updateTime),
  };
}

/**
 * The conversation a path names, with its owner's account: `{ code: 102404 }` when the owner is unknown (and
 * `autoCreateAccounts` is off), `{ code: 110404 }` when the account has no such conversation.
 * @example
 * ```ts
 * const found = conversationAt(context, context.params.conversation_id);
 * if ('code' in found) return fail(found.code);
 * ```
 */
export function conversationAt(
  context: HandlerContext,
  conversationId: unknown,
): { account: AccountRecord; conversation: ConversationRecord } | { code: 102404 | 110404 } {
  const id = String(conversationId).toLowerCase();
  const account = accountOf(context, partsOf(id).ownerId);
  if (!account) return { code: 102404 };
  const conversation = account.conversations.get(id);
  return conversation ? { account, conversation } : { code: 110404 };
}

/**
 * The conversation of an id in a batch, without creating its owner: `undefined` when there is none (110404 for that
 * item).
 * @example
 * ```ts
 * const found = existingConversation(context, 'alice|1|bob');
 * ```
 */
export function existingConversation(
  context: HandlerContext,
  id: string,
): { account: AccountRecord; conversation: ConversationRecord } | undefined {
  const account = context.app.accounts.get(partsOf(id).ownerId);
  const conversation = account?.conversations.get(id);
  return account && conversation ? { account, conversation } : undefined;
}
