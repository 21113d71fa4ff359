import type { ConversationRecord } from './conversation.js';
import type { GroupRecord } from './group.js';

/**
 * An IM account of one app: its groups (creation order), per conversation how many of its groups hold it (the count
 * the 5-groups rule reads), and the conversations it owns.
 * @example
 * ```ts
 * const alice: AccountRecord = createAccountRecord('alice');
 * ```
 */
export interface AccountRecord {
  readonly id: string;
  readonly groups: Map<string, GroupRecord>;
  readonly memberships: Map<string, number>;
  /** The conversations the account owns, by id. */
  readonly conversations: Map<string, ConversationRecord>;
  /** The app's running totals (shared by its accounts), kept by the helpers below; the state caps read them. */
  readonly tally: StateTally;
}

/**
 * Running totals of one app's state: its groups, the conversation ids filed in them (one per group holding one) and
 * the conversation records of the conversations resource.
 * @example
 * ```ts
 * const tally: StateTally = { groups: 0, conversations: 0, records: 0 };
 * ```
 */
export interface StateTally {
  groups: number;
  conversations: number;
  /** Conversation records (`POST /im/v2.1/conversations`); capped by `limits.maxConversations` too. */
  records: number;
}

/**
 * A new account without groups.
 * @example
 * ```ts
 * const alice = createAccountRecord('alice', app.tally);
 * ```
 */
export function createAccountRecord(
  id: string,
  tally: StateTally = { groups: 0, conversations: 0, records: 0 },
): AccountRecord {
  return { id, groups: new Map(), memberships: new Map(), conversations: new Map(), tally };
}

/**
 * Adds a new group to its account (the caller has checked the rules and caps).
 * @example
 * ```ts
 * addGroup(account, createGroupRecord({ id, accountId: account.id, name, serverExtension: '', createTime: now, updateTime: now }));
 * ```
 */
export function addGroup(account: AccountRecord, group: GroupRecord): void {
  if (account.groups.has(group.idText)) return;
  account.groups.set(group.idText, group);
  account.tally.groups += 1;
}

/**
 * Files a conversation in a group (the caller has checked the rules): the group and the account's count change.
 * @example
 * ```ts
 * if (!group.conversations.has(id)) fileConversation(account, group, id);
 * ```
 */
export function fileConversation(account: AccountRecord, group: GroupRecord, conversationId: string): void {
  if (group.conversations.has(conversationId)) return;
  group.conversations.add(conversationId);
  group.version += 1;
  account.tally.conversations += 1;
  account.memberships.set(conversationId, (account.memberships.get(conversationId) ?? 0) + 1);
}

/**
 * Takes a conversation out of a group; returns whether it was there.
 * @example
 * ```ts
 * const removed = unfileConversation(account, group, 'alice|1|bob');
 * ```
 */
export function unfileConversation(account: AccountRecord, group: GroupRecord, conversationId: string): boolean {
  if (!group.conversations.delete(conversationId)) return false;
  group.version += 1;
  account.tally.conversations -= 1;
  const count = (account.memberships.get(conversationId) ?? 1) - 1;
  if (count > 0) account.memberships.set(conversationId, count);
  else account.memberships.delete(conversationId);
  return true;
}

/**
 * Deletes a group: it leaves every conversation it held, the conversations themselves stay.
 * @example
 * ```ts
 * removeGroup(account, group);
 * ```
 */
export function removeGroup(account: AccountRecord, group: GroupRecord): void {
  for (const conversationId of [...group.conversations]) unfileConversation(account, group, conversationId);
  if (account.groups.delete(group.idText)) account.tally.groups -= 1;
}
