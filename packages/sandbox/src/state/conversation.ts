import type { AccountRecord } from './account.js';
import { unfileConversation } from './account.js';

/**
 * A conversation (会话) as the sandbox holds it, under its owner's account (the id's first part). Its groups are not
 * stored here: they are the owner's groups that hold its id (see {@link groupIdsOf}), so filing, unfiling and
 * deleting a group show in the conversation without a second copy to keep in step.
 * @example
 * ```ts
 * const bob: ConversationRecord = createConversationRecord('alice|1|bob', Date.now());
 * ```
 */
export interface ConversationRecord {
  /** `owner|type|target`, lower-cased as the server lower-cases account ids. */
  readonly id: string;
  readonly ownerId: string;
  readonly type: 1 | 2 | 3;
  /** The other account (one-to-one) or the team id. */
  readonly receiverId: string;
  serverExtension: string;
  stickTop: boolean;
  /** The time it was last stuck to the top, 0 when it is not (the API's meaning of `sort_order` is UNCONFIRMED). */
  sortOrder: number;
  /** Milliseconds since the epoch; moves forward on every change. */
  updateTime: number;
}

/**
 * The parts of a conversation id: its owner, type and target (the id is assumed valid: the spec's pattern checked it).
 * @example
 * ```ts
 * partsOf('alice|2|6001'); // { ownerId: 'alice', type: 2, receiverId: '6001' }
 * ```
 */
export function partsOf(conversationId: string): { ownerId: string; type: 1 | 2 | 3; receiverId: string } {
  const [ownerId = '', type = '1', receiverId = ''] = conversationId.split('|');
  return { ownerId, type: Number(type) as 1 | 2 | 3, receiverId };
}

/**
 * A new conversation: not stuck to the top, no extension.
 * @example
 * ```ts
 * account.conversations.set(id, createConversationRecord(id, now));
 * ```
 */
export function createConversationRecord(
  id: string,
  now: number,
  fields: { serverExtension?: string; stickTop?: boolean; updateTime?: number } = {},
): ConversationRecord {
  const updateTime = fields.updateTime ?? now;
  const stickTop = fields.stickTop ?? false;
  return {
    id,
    ...partsOf(id),
    serverExtension: fields.serverExtension ?? '',
    stickTop,
    sortOrder: stickTop ? updateTime : 0,
    updateTime,
  };
}

/**
 * Marks a change: `update_time` becomes the request's time, and at least 1 ms later than before, so a change is
 * always seen to move it.
 * @example
 * ```ts
 * conversation.serverExtension = '{}';
 * touch(conversation, now);
 * ```
 */
export function touch(conversation: ConversationRecord, now: number): void {
  conversation.updateTime = Math.max(now, conversation.updateTime + 1);
}

/**
 * The ids of the owner's groups that hold the conversation, in the order the groups were created (exact decimal text).
 * @example
 * ```ts
 * groupIdsOf(account, 'alice|1|bob'); // ['1', '9007199254740993']
 * ```
 */
export function groupIdsOf(account: AccountRecord, conversationId: string): string[] {
  if (!account.memberships.has(conversationId)) return [];
  const ids: string[] = [];
  for (const group of account.groups.values()) if (group.conversations.has(conversationId)) ids.push(group.idText);
  return ids;
}

/**
 * Deletes a conversation; with `leaveGroups` it is also taken out of every group that held it.
 * @example
 * ```ts
 * removeConversation(account, 'alice|1|bob', settings.unconfirmed.deleteConversationLeavesGroups);
 * ```
 */
export function removeConversation(account: AccountRecord, conversationId: string, leaveGroups: boolean): void {
  if (account.conversations.delete(conversationId)) account.tally.records -= 1;
  if (!leaveGroups) return;
  for (const group of account.groups.values()) unfileConversation(account, group, conversationId);
}

/**
 * The account's conversations in list order: stuck to the top first, then the most recently updated, then by id.
 * @example
 * ```ts
 * const ids = listOrder(account).map((c) => c.id);
 * ```
 */
export function listOrder(account: AccountRecord): ConversationRecord[] {
  return [...account.conversations.values()].sort(
    (a, b) =>
      Number(b.stickTop) - Number(a.stickTop) ||
      b.updateTime - a.updateTime ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
