import { constraints, type ConversationId } from '@nim-api/types';
import { NimValidationError, type NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';

/**
 * Conversation types: 1 one-to-one, 2 advanced team, 3 super team.
 * @example
 * ```ts
 * const type: ConversationType = parseConversationId('alice|2|6001').type; // 2
 * ```
 */
export type ConversationType = 1 | 2 | 3;

/**
 * A conversation id taken apart.
 * @example
 * ```ts
 * const { ownerId, type, targetId }: ParsedConversationId = parseConversationId('alice|1|bob');
 * ```
 */
export interface ParsedConversationId {
  /** The account that owns the conversation (must be the request's `account_id`). */
  readonly ownerId: string;
  readonly type: ConversationType;
  /** The peer's account id (type 1) or the team id (types 2 and 3). */
  readonly targetId: string;
}

/** The spec's account-id pattern, compiled once for the builders and the validators. */
export const accountIdPattern = new RegExp(constraints.accountId.pattern);
const conversationIdPattern = new RegExp(constraints.conversationId.pattern);

/** Problems with `id` as a conversation id, reported under `path`. */
export function conversationIdIssues(id: unknown, path: string): NimValidationIssue[] {
  if (typeof id !== 'string') return [{ path, message: 'must be a string like "alice|1|bob"' }];
  if (!conversationIdPattern.test(id)) {
    return [
      {
        path,
        message: `${describe(id)} is not "owner|type|target" with type 1, 2 or 3 and ids of letters, digits, _ @ . -`,
      },
    ];
  }
  return [];
}

const teamIdPattern = /^[0-9]{1,32}$/;

/** A team id as text: a string of digits, a non-negative safe-integer number or a non-negative bigint. */
function teamIdText(teamId: unknown): string | undefined {
  if (typeof teamId === 'string') return teamIdPattern.test(teamId) ? teamId : undefined;
  if (typeof teamId === 'number') return Number.isSafeInteger(teamId) && teamId >= 0 ? String(teamId) : undefined;
  if (typeof teamId === 'bigint')
    return teamId >= 0n && teamIdPattern.test(String(teamId)) ? String(teamId) : undefined;
  return undefined;
}

function build(ownerId: unknown, type: ConversationType, targetId: unknown): ConversationId {
  const issues: NimValidationIssue[] = [];
  if (typeof ownerId !== 'string' || !accountIdPattern.test(ownerId)) {
    issues.push({ path: 'ownerId', message: `${describe(ownerId)} is not an account id` });
  }
  const target =
    type === 1
      ? typeof targetId === 'string' && accountIdPattern.test(targetId)
        ? targetId
        : undefined
      : teamIdText(targetId);
  if (target === undefined) {
    issues.push(
      type === 1
        ? { path: 'peerId', message: `${describe(targetId)} is not an account id` }
        : { path: 'teamId', message: `${describe(targetId)} is not a team id` },
    );
  }
  if (issues.length) throw new NimValidationError(issues);
  return `${ownerId as string}|${type}|${target!}`;
}

/**
 * Builds conversation ids (`owner|type|target`). Throws {@link NimValidationError} for a malformed part.
 *
 * @example
 * ```ts
 * conversationId.p2p('alice', 'bob');        // 'alice|1|bob'
 * conversationId.team('alice', 6001);        // 'alice|2|6001'
 * conversationId.superTeam('alice', '7001'); // 'alice|3|7001'
 * ```
 */
export const conversationId = {
  /** A one-to-one conversation of `ownerId` with `peerId`. */
  p2p: (ownerId: string, peerId: string): ConversationId => build(ownerId, 1, peerId),
  /** An advanced-team conversation of `ownerId`. */
  team: (ownerId: string, teamId: string | number | bigint): ConversationId => build(ownerId, 2, teamId),
  /** A super-team conversation of `ownerId`. */
  superTeam: (ownerId: string, teamId: string | number | bigint): ConversationId => build(ownerId, 3, teamId),
} as const;

/**
 * Takes a conversation id apart. Throws {@link NimValidationError} when it is malformed.
 *
 * @example
 * ```ts
 * parseConversationId('alice|2|6001'); // { ownerId: 'alice', type: 2, targetId: '6001' }
 * ```
 */
export function parseConversationId(id: string): ParsedConversationId {
  const issues = conversationIdIssues(id, 'conversationId');
  if (issues.length) throw new NimValidationError(issues);
  const [ownerId, type, targetId] = id.split('|') as [string, string, string];
  return { ownerId, type: Number(type) as ConversationType, targetId };
}
