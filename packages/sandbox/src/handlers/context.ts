import { StateCapReached } from '../rules/state-caps.js';
import type { SandboxSettings } from '../settings.js';
import { type AccountRecord, createAccountRecord } from '../state/account.js';
import type { AppState } from '../state/app-state.js';
import type { GroupRecord } from '../state/group.js';

/**
 * What a handler gets: the app's state, the settings and the request as the spec's schemas accepted it.
 * @example
 * ```ts
 * const context: HandlerContext = { app, settings, params: { account_id: 'alice' }, body: undefined, now: Date.now() };
 * ```
 */
export interface HandlerContext {
  readonly app: AppState;
  readonly settings: SandboxSettings;
  /** Parameters by name; int64 ids are exact decimal strings. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The body's known fields (validated), or `undefined` for an operation without a body. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The request's time, ms since the epoch. */
  readonly now: number;
}

/**
 * The outcome of an operation: a code (200 or a business error) and, on success, its `data`.
 * @example
 * ```ts
 * const result: HandlerResult = { code: 200, data: { conversation_groups: [] } };
 * ```
 */
export interface HandlerResult {
  readonly code: number;
  readonly data?: unknown;
  /** Said after the spec's message, e.g. why a 500 happened. */
  readonly detail?: string;
}

/**
 * One operation's semantics: state in, envelope contents out. Runs synchronously, so no other request can change the
 * state half-way through (concurrent callers see every call as atomic).
 * @example
 * ```ts
 * const listNothing: Handler = () => ok({ conversation_groups: [] });
 * ```
 */
export type Handler = (context: HandlerContext) => HandlerResult;

/**
 * A success with `data`.
 * @example
 * ```ts
 * return ok({ conversation_groups: [] });
 * ```
 */
export const ok = (data: unknown): HandlerResult => ({ code: 200, data });

/**
 * A business error; the message comes from the spec, `detail` (if any) follows it.
 * @example
 * ```ts
 * return fail(116404);
 * ```
 */
export const fail = (code: number, detail?: string): HandlerResult =>
  detail === undefined ? { code } : { code, detail };

/**
 * The account of the request (`account_id`, lower-cased as the server does), created on first use when
 * `autoCreateAccounts` is on; `undefined` means 102404. Past `limits.maxAccounts` it throws {@link StateCapReached}
 * (call it before changing anything).
 * @example
 * ```ts
 * const account = accountOf(context, context.params.account_id);
 * if (!account) return fail(102404);
 * ```
 */
export function accountOf(context: HandlerContext, accountId: unknown): AccountRecord | undefined {
  const id = String(accountId).toLowerCase();
  let account = context.app.accounts.get(id);
  if (!account && context.settings.autoCreateAccounts) {
    // Thrown before anything changed; the pipeline answers it (a 500 envelope naming the option).
    const { maxAccounts } = context.settings.limits;
    if (context.app.accounts.size >= maxAccounts) throw new StateCapReached('limits.maxAccounts', maxAccounts);
    context.app.accounts.set(id, (account = createAccountRecord(id, context.app.tally)));
  }
  return account;
}

/**
 * A group as the wire shows it (`group_id` an exact decimal string here; the envelope writes it as a bare integer).
 * @example
 * ```ts
 * return ok(groupJson(group, context.settings, true));
 * ```
 */
export function groupJson(group: GroupRecord, settings: SandboxSettings, details = false): Record<string, unknown> {
  const time = settings.unconfirmed.timestampUnit === 's' ? (ms: number) => Math.floor(ms / 1000) : (ms: number) => ms;
  const json: Record<string, unknown> = {
    group_id: group.idText,
    name: group.name,
    server_extension: group.serverExtension,
    create_time: time(group.createTime),
    update_time: time(group.updateTime),
  };
  if (details && settings.unconfirmed.groupDetails) {
    json.account_id = group.accountId;
    json.conversation_ids = [...group.conversations];
  }
  return json;
}

/**
 * The group `group_id` of the account, or `undefined` (116404): groups of other accounts are not found either.
 * @example
 * ```ts
 * const group = groupOf(account, context.params.group_id);
 * ```
 */
export function groupOf(account: AccountRecord, groupId: unknown): GroupRecord | undefined {
  return account.groups.get(String(groupId));
}
