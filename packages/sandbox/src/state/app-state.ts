import { NimSandboxOptionsError } from '../errors.js';
import type { Random } from '../rules/random.js';
import type { SandboxSettings } from '../settings.js';
import { type AccountRecord, addGroup, createAccountRecord, fileConversation, type StateTally } from './account.js';
import { type ConversationRecord, createConversationRecord } from './conversation.js';
import { createGroupRecord, type GroupRecord } from './group.js';
import { createPageSnapshots, type PageSnapshots } from './page-snapshots.js';

/**
 * The largest group id: ids are int64, and the sandbox never issues one beyond it.
 * @example
 * ```ts
 * if (id > int64Max) issues.push('not an int64');
 * ```
 */
export const int64Max = 2n ** 63n - 1n;

/**
 * Everything one AppKey owns: its accounts, the next group id, and the walks through group pages.
 * @example
 * ```ts
 * const app: AppState = createAppState(settings, random, Date.now());
 * ```
 */
export interface AppState {
  readonly appKey: string;
  readonly accounts: Map<string, AccountRecord>;
  /** The id the next created group gets; `undefined` once int64 has run out (a create then answers 500). */
  nextGroupId: bigint | undefined;
  readonly pages: PageSnapshots;
  /** Totals of groups and filed conversations over all accounts (the state caps read them). */
  readonly tally: StateTally;
}

/**
 * How many page walks an app keeps open (the oldest is dropped first).
 * @example
 * ```ts
 * const pages = createPageSnapshots(pageWalkCapacity, () => random.word());
 * ```
 */
export const pageWalkCapacity = 10_000;

/**
 * A plain, JSON-safe copy of an app's state: group ids as exact decimal strings, no secrets. Its `accounts` is a
 * valid `accounts` option, so a state can be saved and seeded again.
 * @example
 * ```ts
 * const copy = createSandbox({ accounts: sandbox.snapshot().accounts });
 * ```
 */
export interface SandboxSnapshot {
  readonly appKey: string;
  /** The id the next created group gets; `null` once the int64 ids have run out. */
  readonly nextGroupId: string | null;
  readonly accounts: Record<
    string,
    { readonly groups: SnapshotGroup[]; readonly conversations: SnapshotConversation[] }
  >;
}

/**
 * A conversation in a {@link SandboxSnapshot} (its groups are the snapshot's groups that hold it).
 * @example
 * ```ts
 * const pinned = sandbox.snapshot().accounts.alice!.conversations.filter((c: SnapshotConversation) => c.stick_top);
 * ```
 */
export interface SnapshotConversation {
  readonly conversation_id: string;
  readonly server_extension: string;
  readonly stick_top: boolean;
  /** Milliseconds since the epoch. */
  readonly update_time: number;
}

/**
 * A group in a {@link SandboxSnapshot}.
 * @example
 * ```ts
 * const names = Object.values(sandbox.snapshot().accounts).flatMap((a) => a.groups.map((g: SnapshotGroup) => g.name));
 * ```
 */
export interface SnapshotGroup {
  readonly group_id: string;
  readonly name: string;
  readonly server_extension: string;
  /** Milliseconds since the epoch. */
  readonly create_time: number;
  /** Milliseconds since the epoch. */
  readonly update_time: number;
  readonly conversation_ids: string[];
}

/**
 * The state an app starts with: the seeded accounts, groups and conversations, checked against the same limits as
 * calls are.
 * @example
 * ```ts
 * const app = createAppState(settings, random, Date.now());
 * ```
 */
export function createAppState(settings: SandboxSettings, random: Random, now: number): AppState {
  const app: AppState = {
    appKey: settings.appKey,
    accounts: new Map(),
    nextGroupId: settings.firstGroupId,
    pages: createPageSnapshots(pageWalkCapacity, () => random.word()),
    tally: { groups: 0, conversations: 0, records: 0 },
  };
  const issues: string[] = [];
  const { limits } = settings;
  const taken = new Set<bigint>();
  for (const groups of settings.accounts.values())
    for (const g of groups) if (g.groupId !== undefined) taken.add(g.groupId);
  const seen = new Set<bigint>();
  let nextFree = settings.firstGroupId;
  let highest = settings.firstGroupId - 1n;

  for (const [accountId, groups] of settings.accounts) {
    const account = createAccountRecord(accountId, app.tally);
    app.accounts.set(accountId, account);
    if (groups.length > limits.groupsPerAccount)
      issues.push(
        `accounts.${accountId}: ${groups.length} groups, more than limits.groupsPerAccount (${limits.groupsPerAccount})`,
      );
    for (const seed of groups) {
      let id = seed.groupId;
      if (id === undefined) {
        // Unnumbered seeds count up from firstGroupId, around the numbered ones.
        while (taken.has(nextFree)) nextFree += 1n;
        id = nextFree;
        nextFree += 1n;
        if (id > int64Max) {
          issues.push(
            `accounts.${accountId}: no int64 group id is left for a group without group_id (firstGroupId ${settings.firstGroupId})`,
          );
          continue;
        }
      }
      if (id > highest) highest = id;
      if (seen.has(id)) issues.push(`accounts.${accountId}: group id ${id} is given twice`);
      seen.add(id);
      const createTime = seed.createTime ?? now;
      const group: GroupRecord = createGroupRecord({
        id,
        accountId,
        name: seed.name,
        serverExtension: seed.serverExtension,
        createTime,
        updateTime: seed.updateTime ?? createTime,
      });
      addGroup(account, group);
      const distinct = new Set(seed.conversationIds);
      if (distinct.size > limits.conversationsPerGroup)
        issues.push(
          `accounts.${accountId}: group ${id} holds ${distinct.size} conversations, more than limits.conversationsPerGroup (${limits.conversationsPerGroup})`,
        );
      for (const conversationId of distinct) {
        if (settings.unconfirmed.ownerMustMatchAccount && conversationId.split('|')[0] !== accountId) {
          issues.push(
            `accounts.${accountId}: conversation ${conversationId} belongs to another account (unconfirmed.ownerMustMatchAccount)`,
          );
        }
        if ((account.memberships.get(conversationId) ?? 0) >= limits.groupsPerConversation) {
          issues.push(
            `accounts.${accountId}: conversation ${conversationId} is in more than limits.groupsPerConversation (${limits.groupsPerConversation}) groups`,
          );
        }
        fileConversation(account, group, conversationId);
      }
    }
  }
  for (const [accountId, conversations] of settings.conversations) {
    const account = app.accounts.get(accountId)!;
    for (const seed of conversations) {
      const { serverExtension, stickTop, updateTime } = seed;
      account.conversations.set(
        seed.conversationId,
        createConversationRecord(seed.conversationId, now, { serverExtension, stickTop, updateTime }),
      );
      app.tally.records += 1;
    }
  }
  if (app.accounts.size > limits.maxAccounts)
    issues.push(`accounts: ${app.accounts.size} accounts, more than limits.maxAccounts (${limits.maxAccounts})`);
  if (app.tally.groups > limits.maxGroups)
    issues.push(`accounts: ${app.tally.groups} groups, more than limits.maxGroups (${limits.maxGroups})`);
  if (app.tally.records > limits.maxConversations)
    issues.push(
      `accounts: ${app.tally.records} seeded conversations, more than limits.maxConversations (${limits.maxConversations})`,
    );
  if (app.tally.conversations > limits.maxConversations)
    issues.push(
      `accounts: ${app.tally.conversations} filed conversations, more than limits.maxConversations (${limits.maxConversations})`,
    );
  if (issues.length) throw new NimSandboxOptionsError(issues);
  // The counter stops at int64's end instead of passing it.
  app.nextGroupId = highest < int64Max ? highest + 1n : undefined;
  return app;
}

const snapshotGroup = (g: GroupRecord): SnapshotGroup => ({
  group_id: g.idText,
  name: g.name,
  server_extension: g.serverExtension,
  create_time: g.createTime,
  update_time: g.updateTime,
  conversation_ids: [...g.conversations],
});

const snapshotConversation = (c: ConversationRecord): SnapshotConversation => ({
  conversation_id: c.id,
  server_extension: c.serverExtension,
  stick_top: c.stickTop,
  update_time: c.updateTime,
});

/**
 * The app's state as a plain object (see {@link SandboxSnapshot}).
 * @example
 * ```ts
 * expect(snapshotOf(app).accounts.alice.groups).toHaveLength(1);
 * ```
 */
export function snapshotOf(app: AppState): SandboxSnapshot {
  // Built with Object.fromEntries: an account named `__proto__` becomes an own property, not the prototype.
  const accounts: SandboxSnapshot['accounts'] = Object.fromEntries(
    Array.from(app.accounts.values(), (account) => [
      account.id,
      {
        groups: [...account.groups.values()].map(snapshotGroup),
        conversations: [...account.conversations.values()].map(snapshotConversation),
      },
    ]),
  );
  return { appKey: app.appKey, nextGroupId: app.nextGroupId?.toString() ?? null, accounts };
}
