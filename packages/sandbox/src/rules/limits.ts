import type { SandboxSettings } from '../settings.js';
import type { AccountRecord } from '../state/account.js';
import type { GroupRecord } from '../state/group.js';
import { messageOf, specLimits } from '../spec/spec.js';

/**
 * A conversation refused item by item (`failed_list`), code and message as the spec names them.
 * @example
 * ```ts
 * const failure: ConversationFailure = { conversation_id: 'alice|1|bob', error_code: 110304, error_msg: 'conversation already belongs to 5 groups' };
 * ```
 */
export interface ConversationFailure {
  readonly conversation_id: string;
  readonly error_code: number;
  readonly error_msg: string;
}

/**
 * The per-item outcome of adding or removing a list of conversations, before anything is applied.
 * @example
 * ```ts
 * const plan: ConversationPlan = planAdd(account, group, ids, settings);
 * for (const id of plan.apply) fileConversation(account, group, id);
 * ```
 */
export interface ConversationPlan {
  /** Distinct ids that will be applied, in request order. */
  readonly apply: string[];
  readonly failed: ConversationFailure[];
}

const failure = (
  conversation_id: string,
  error_code: number,
  error_msg = messageOf(error_code),
): ConversationFailure => ({
  conversation_id,
  error_code,
  error_msg,
});

// The spec's 110304 message names its limit ("… belongs to 5 groups"): with another limit it names that one.
const specInTooManyGroups = messageOf(110304);
const inTooManyGroups = (limit: number) =>
  limit === specLimits.groupsPerConversation
    ? specInTooManyGroups
    : specInTooManyGroups.replace(String(specLimits.groupsPerConversation), String(limit));

const ownerOf = (conversationId: string) => conversationId.slice(0, conversationId.indexOf('|'));

/**
 * Which conversations can be filed in `group` (`undefined`: a group about to be created): a foreign owner is
 * 110302 (when `ownerMustMatchAccount`), a conversation already in `groupsPerConversation` groups is 110304, one the
 * group already holds succeeds without counting twice. Ids are lower-cased; duplicates count once.
 * @example
 * ```ts
 * const { apply, failed } = planAdd(account, group, ['alice|1|bob'], settings);
 * ```
 */
export function planAdd(
  account: AccountRecord,
  group: GroupRecord | undefined,
  ids: readonly string[],
  settings: SandboxSettings,
): ConversationPlan {
  const plan: ConversationPlan = { apply: [], failed: [] };
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = raw.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    if (settings.unconfirmed.ownerMustMatchAccount && ownerOf(id) !== account.id) plan.failed.push(failure(id, 110302));
    else if (group?.conversations.has(id)) plan.apply.push(id);
    else if ((account.memberships.get(id) ?? 0) >= settings.limits.groupsPerConversation)
      plan.failed.push(failure(id, 110304, inTooManyGroups(settings.limits.groupsPerConversation)));
    else plan.apply.push(id);
  }
  return plan;
}

/**
 * Which conversations can be taken out of `group`: a foreign owner is 110302 (when `ownerMustMatchAccount`), one
 * the group does not hold is 110404.
 * @example
 * ```ts
 * const { apply, failed } = planRemove(account, group, ['alice|1|bob'], settings);
 * ```
 */
export function planRemove(
  account: AccountRecord,
  group: GroupRecord,
  ids: readonly string[],
  settings: SandboxSettings,
): ConversationPlan {
  const plan: ConversationPlan = { apply: [], failed: [] };
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = raw.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    if (settings.unconfirmed.ownerMustMatchAccount && ownerOf(id) !== account.id) plan.failed.push(failure(id, 110302));
    else if (!group.conversations.has(id)) plan.failed.push(failure(id, 110404));
    else plan.apply.push(id);
  }
  return plan;
}

/**
 * Whether the group would hold more than `conversationsPerGroup` after the plan (116437 for the whole call). Runs
 * after the per-item rules: it counts the conversations that would be filed, not those refused in `failed_list`.
 * @example
 * ```ts
 * if (exceedsConversationCap(group, plan, settings)) return fail(116437);
 * ```
 */
export function exceedsConversationCap(
  group: GroupRecord | undefined,
  plan: ConversationPlan,
  settings: SandboxSettings,
): boolean {
  const added = group ? plan.apply.filter((id) => !group.conversations.has(id)).length : plan.apply.length;
  return (group?.conversations.size ?? 0) + added > settings.limits.conversationsPerGroup;
}

/**
 * Whether the account owns `groupsPerAccount` groups already (116435 for a create).
 * @example
 * ```ts
 * if (atGroupCap(account, settings)) return fail(116435);
 * ```
 */
export function atGroupCap(account: AccountRecord, settings: SandboxSettings): boolean {
  return account.groups.size >= settings.limits.groupsPerAccount;
}
