import type { SandboxSettings } from '../settings.js';
import type { StateTally } from '../state/account.js';

// The sandbox keeps everything in memory. A long-running one (a shared dev or CI server) would otherwise grow until
// the process aborts; past these caps a call is refused with a 500 envelope that names the option to raise.

/**
 * Defaults of the state caps: far above what a test creates, well below what fills a default Node heap.
 * @example
 * ```ts
 * const maxGroups = options.maxGroups ?? stateCapDefaults.groups;
 * ```
 */
export const stateCapDefaults = { accounts: 100_000, groups: 200_000, conversations: 1_000_000 } as const;

/**
 * The detail of the 500 envelope a state cap answers (after the spec's message: "internal server error: …").
 * @example
 * ```ts
 * return fail(500, stateCapDetail('limits.maxGroups', settings.limits.maxGroups));
 * ```
 */
export function stateCapDetail(option: string, value: number): string {
  return `the sandbox holds its maximum (${option}: ${value}); raise it, or reset() the sandbox`;
}

/**
 * Thrown by a state helper when a cap is reached before anything changed; the pipeline answers it as a 500 envelope
 * with {@link stateCapDetail}.
 * @example
 * ```ts
 * if (app.accounts.size >= settings.limits.maxAccounts) throw new StateCapReached('limits.maxAccounts', settings.limits.maxAccounts);
 * ```
 */
export class StateCapReached extends Error {
  override readonly name = 'StateCapReached';
  constructor(
    readonly option: string,
    readonly value: number,
  ) {
    super(stateCapDetail(option, value));
  }
}

/**
 * Whether one more group would pass `limits.maxGroups` (all accounts together).
 * @example
 * ```ts
 * if (groupCapReached(app.tally, settings)) return fail(500, stateCapDetail('limits.maxGroups', settings.limits.maxGroups));
 * ```
 */
export function groupCapReached(tally: StateTally, settings: SandboxSettings): boolean {
  return tally.groups >= settings.limits.maxGroups;
}

/**
 * Whether filing `added` more conversation ids would pass `limits.maxConversations` (all groups together).
 * @example
 * ```ts
 * if (conversationCapExceeded(app.tally, settings, plan.apply.length)) return fail(500, stateCapDetail('limits.maxConversations', settings.limits.maxConversations));
 * ```
 */
export function conversationCapExceeded(tally: StateTally, settings: SandboxSettings, added: number): boolean {
  return tally.conversations + added > settings.limits.maxConversations;
}

/**
 * Whether one more conversation record (the conversations resource) would pass `limits.maxConversations`.
 * @example
 * ```ts
 * if (recordCapReached(account.tally, settings)) return fail(500, stateCapDetail('limits.maxConversations', settings.limits.maxConversations));
 * ```
 */
export function recordCapReached(tally: StateTally, settings: SandboxSettings): boolean {
  return tally.records >= settings.limits.maxConversations;
}
