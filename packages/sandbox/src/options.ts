import type { OperationId } from '@nim-api/types';

/**
 * What the sandbox answers besides the spec's operations: `health` (`GET /health/liveness.action`) and `allocate`
 * (`GET /srv-sdk/allocate`, endpoint discovery). Faults can target any of them.
 * @example
 * ```ts
 * const target: SandboxOperation = 'getConversationGroup';
 * ```
 */
export type SandboxOperation = OperationId | 'health' | 'allocate';

/**
 * A business error to answer instead of the operation: an envelope `{ code, msg, data: {} }` with HTTP 200, as the
 * API answers every business error. `msg` defaults to the spec's message of that code (`'error'` for a code the spec
 * does not name).
 * @example
 * ```ts
 * const full: BusinessCodeFault = { code: 116435 };                        // conversation group count exceeds the limit
 * const auth: BusinessCodeFault = { code: 403, msg: 'authentication failed' };
 * ```
 */
export interface BusinessCodeFault {
  /** Any integer code but 200 (1 to 2^31−1). */
  readonly code: number;
  /** At most 1024 characters. @default the spec's message of `code` */
  readonly msg?: string;
}

/**
 * A fault the sandbox can inject instead of (or before) answering:
 * - `'latency'`: wait `ms`, then answer normally;
 * - `'hang'`: never answer (until the caller aborts, or the server closes);
 * - `'reset'`: over HTTP the socket is destroyed; in process `fetch` rejects like undici (`TypeError: fetch failed`,
 *   `cause.code` `'ECONNRESET'`);
 * - `416`: the envelope `{ code: 416 }` exactly as the emulated rate limit answers it (HTTP 200; like the API, no
 *   `Retry-After`);
 * - `{ code, msg? }`: any business code in its envelope with HTTP 200 (403, 414, 500, 116435, …);
 * - `500`, `502`, `503`, `504`: that HTTP status with a gateway's HTML page;
 * - `'malformed-json'`: HTTP 200 with a JSON body cut in the middle.
 * @example
 * ```ts
 * const kinds: FaultKind[] = [503, 416, { code: 116435 }, 'reset'];
 * ```
 */
export type FaultKind =
  | 'latency'
  | 'hang'
  | 'reset'
  | 416
  | 500
  | 502
  | 503
  | 504
  | 'malformed-json'
  | BusinessCodeFault;

/**
 * One fault rule. Without `probability` it is scripted: it hits the next `times` matching requests (after letting
 * `after` through). With `probability` it hits each matching request with that chance, drawn from the seeded
 * generator, so a `seed` replays the same faults.
 * @example
 * ```ts
 * const rules: FaultRule[] = [
 *   { operation: 'createConversationGroup', kind: 503, times: 2 },        // the next two creates get a 503
 *   { operation: 'listConversationGroups', kind: { code: 102404 } },      // the next list: "account not exist"
 *   { operation: '*', kind: 'latency', ms: 50, probability: 1 },           // every request 50 ms slower
 *   { operation: 'getConversationGroup', kind: 'reset', probability: 0.1 }, // one get in ten reset
 * ];
 * ```
 */
export interface FaultRule {
  /** The operation it applies to, or `'*'` for all. */
  readonly operation: SandboxOperation | '*';
  readonly kind: FaultKind;
  /** How many requests it hits. @default 1 when scripted, `Infinity` with a `probability` */
  readonly times?: number;
  /** Matching requests to let through before it starts. @default 0 */
  readonly after?: number;
  /** Chance (0 < p ≤ 1) per matching request. @default scripted: every matching request until `times` are used */
  readonly probability?: number;
  /** The delay of a `'latency'` fault, in milliseconds. @default 100 */
  readonly ms?: number;
}

/**
 * A group to seed, in the wire's field names (what `snapshot()` gives back).
 * @example
 * ```ts
 * const group: SeedGroup = { name: 'Work', conversation_ids: ['alice|1|bob'] };
 * ```
 */
export interface SeedGroup {
  /** Its id; the next free one when left out. */
  readonly group_id?: bigint | string | number;
  readonly name: string;
  /** @default '' */
  readonly server_extension?: string;
  /** In milliseconds since the epoch. @default the time of seeding */
  readonly create_time?: number;
  /** In milliseconds since the epoch. @default `create_time` */
  readonly update_time?: number;
  /** @default [] */
  readonly conversation_ids?: readonly string[];
}

/**
 * A conversation to seed under its owner's account, in the wire's field names (what `snapshot()` gives back). Its
 * groups are not given here: they are the seeded groups whose `conversation_ids` hold it.
 * @example
 * ```ts
 * const bob: SeedConversation = { conversation_id: 'alice|1|bob', stick_top: true };
 * ```
 */
export interface SeedConversation {
  /** `owner|type|target`; the owner must be the account it is seeded under. */
  readonly conversation_id: string;
  /** @default '' */
  readonly server_extension?: string;
  /** @default false */
  readonly stick_top?: boolean;
  /** In milliseconds since the epoch. @default the time of seeding */
  readonly update_time?: number;
}

/**
 * An account to seed, its groups and its conversations.
 * @example
 * ```ts
 * const alice: SeedAccount = { groups: [{ name: 'Work', conversation_ids: ['alice|1|bob'] }], conversations: [{ conversation_id: 'alice|1|bob' }] };
 * ```
 */
export interface SeedAccount {
  readonly groups?: readonly SeedGroup[];
  /** @default [] */
  readonly conversations?: readonly SeedConversation[];
}

/**
 * Caps the sandbox enforces. The API's own come from the spec (`x-nim-limits`); the state caps (`maxAccounts`,
 * `maxGroups`, `maxConversations`) keep a long-running sandbox within its memory, far above what a test needs.
 * @example
 * ```ts
 * const limits: SandboxLimits = { groupsPerAccount: 3, conversationsPerGroup: 10 };
 * ```
 */
export interface SandboxLimits {
  /** Groups one account may own; one more is 116435. @default 50 */
  readonly groupsPerAccount?: number;
  /** Conversations one group may hold; more is 116437. @default 1000 */
  readonly conversationsPerGroup?: number;
  /** Groups one conversation may be in; one more is 110304 for that conversation. @default 5 */
  readonly groupsPerConversation?: number;
  /** Largest request body read, in bytes; a larger one is answered 414. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /**
   * State cap: accounts the sandbox holds; creating one more (on first use) answers a 500 envelope naming this
   * option instead of growing until the process runs out of memory. @default 100000
   */
  readonly maxAccounts?: number;
  /** State cap: groups of all accounts together; one more is a 500 envelope naming this option. @default 200000 */
  readonly maxGroups?: number;
  /**
   * State cap: conversation ids filed in groups, all groups together (one conversation in three groups counts
   * three); a call that would pass it is a 500 envelope naming this option, nothing applied. @default 1000000
   */
  readonly maxConversations?: number;
}

/**
 * The emulated frequency control, per app and operation: more than `perSecond` calls within one second answer 416,
 * and then every call of that operation answers 416 for `blockMs`.
 * @example
 * ```ts
 * const rateLimit: SandboxRateLimit = { perSecond: 100, blockMs: 1000 };
 * ```
 */
export interface SandboxRateLimit {
  /** Calls per second allowed (the spec's default package: 100). */
  readonly perSecond: number;
  /** How long calls are blocked after the limit was passed, in milliseconds. @default 1000 */
  readonly blockMs?: number;
}

/**
 * The answer of the endpoint-discovery service (`GET /srv-sdk/allocate`).
 * @example
 * ```ts
 * const discovery: SandboxDiscovery = { endpoints: ['http://127.0.0.1:4001', 'http://127.0.0.1:4002'], ttl: 30 };
 * ```
 */
export interface SandboxDiscovery {
  /** Endpoint URLs, the first as `default.endpoint`, the rest as `backup.endpoints`. @default the sandbox's own origin */
  readonly endpoints?: readonly string[];
  /** Seconds the answer may be kept (1–86400). @default 30 */
  readonly ttl?: number;
}

/**
 * Behaviours the spec marks UNCONFIRMED: the likeliest is the default, the others can be chosen.
 * @example
 * ```ts
 * const javaStyle: UnconfirmedBehaviour = { batchGetFailures: 'fail_list' };
 * ```
 */
export interface UnconfirmedBehaviour {
  /** A conversation id whose owner is not the request's account fails with 110302 (per item). @default true */
  readonly ownerMustMatchAccount?: boolean;
  /** The field and spelling of batch-get failures: Go SDK `failed_list{error_code,error_msg}` or Java `fail_list{code,msg}`. @default 'failed_list' */
  readonly batchGetFailures?: 'failed_list' | 'fail_list';
  /** Groups in get and batch get also carry `account_id` and `conversation_ids`. @default false */
  readonly groupDetails?: boolean;
  /** Page size of `listGroupConversations` when `limit` is left out. @default 20 */
  readonly defaultPageLimit?: number;
  /** Unit of `create_time`/`update_time`. @default 'ms' */
  readonly timestampUnit?: 'ms' | 's';
  /** Deleting a conversation also takes it out of every group that held it. @default true */
  readonly deleteConversationLeavesGroups?: boolean;
}

/**
 * Options of {@link createSandbox}.
 * @example
 * ```ts
 * const options: SandboxOptions = { accounts: ['alice'], firstGroupId: 9007199254740993n, seed: 1 };
 * ```
 */
export interface SandboxOptions {
  /** The app's AppKey. @default generated (32 hex digits; the same for the same `seed`) */
  readonly appKey?: string;
  /** The app's AppSecret. @default 32 hex digits from a cryptographic source (never from `seed`: it cannot be guessed from the AppKey) */
  readonly appSecret?: string;
  /** Accounts to start with: ids, or ids with their groups and conversations (the shape `snapshot().accounts` has). @default none */
  readonly accounts?: readonly string[] | Readonly<Record<string, SeedAccount>>;
  /** Whether an unknown (well-formed) account is created on first use instead of answering 102404. @default true without `accounts`, false with */
  readonly autoCreateAccounts?: boolean;
  /** The id of the first group created (ids above 2^53 come back as exact JSON integers). @default 1 */
  readonly firstGroupId?: bigint | string | number;
  readonly limits?: SandboxLimits;
  /** @default off */
  readonly rateLimit?: SandboxRateLimit | false;
  /** @default none */
  readonly faults?: readonly FaultRule[];
  /** Seed of the random choices a test replays: probabilistic faults, the generated AppKey, trace ids. Not of the AppSecret nor of page-token MACs. @default random */
  readonly seed?: number;
  readonly discovery?: SandboxDiscovery;
  readonly unconfirmed?: UnconfirmedBehaviour;
}
