import { NimSandboxOptionsError, quote, readingOptions } from './errors.js';
import { integer, isRecord } from './option-values.js';
import { stateCapDefaults } from './rules/state-caps.js';
import type { SandboxOptions, SeedAccount, SeedConversation, SeedGroup } from './options.js';
import { type ResolvedFault, resolveFaultRules } from './rules/fault-rules.js';
import { createRandom, randomSeed } from './rules/random.js';
import { schemaProblem } from './rules/schema-validation.js';
import { isWellFormed } from './rules/well-formed.js';
import { pageLimitBounds, specDiscovery, specLimits } from './spec/spec.js';

export type { ResolvedFault } from './rules/fault-rules.js';

/**
 * The options after checking, every default filled in.
 * @example
 * ```ts
 * const settings: SandboxSettings = resolveSettings({ seed: 1 });
 * ```
 */
export interface SandboxSettings {
  readonly appKey: string;
  readonly appSecret: string;
  readonly seed: number;
  readonly autoCreateAccounts: boolean;
  readonly firstGroupId: bigint;
  readonly accounts: ReadonlyMap<string, readonly NormalisedSeedGroup[]>;
  /** The seeded conversations per account (the same keys as `accounts`). */
  readonly conversations: ReadonlyMap<string, readonly NormalisedSeedConversation[]>;
  readonly limits: {
    readonly groupsPerAccount: number;
    readonly conversationsPerGroup: number;
    readonly groupsPerConversation: number;
    readonly maxBodyBytes: number;
    readonly maxAccounts: number;
    readonly maxGroups: number;
    readonly maxConversations: number;
  };
  readonly rateLimit: { readonly perSecond: number; readonly blockMs: number } | undefined;
  readonly faults: readonly ResolvedFault[];
  readonly discovery: { readonly endpoints: readonly string[] | undefined; readonly ttl: number };
  readonly unconfirmed: {
    readonly ownerMustMatchAccount: boolean;
    readonly batchGetFailures: 'failed_list' | 'fail_list';
    readonly groupDetails: boolean;
    readonly defaultPageLimit: number;
    readonly timestampUnit: 'ms' | 's';
    readonly deleteConversationLeavesGroups: boolean;
  };
}

/**
 * A seed group after checking: exact id (or none yet), every field present.
 * @example
 * ```ts
 * const seed: NormalisedSeedGroup = { groupId: undefined, name: 'Work', serverExtension: '', createTime: undefined, updateTime: undefined, conversationIds: [] };
 * ```
 */
export interface NormalisedSeedGroup {
  readonly groupId: bigint | undefined;
  readonly name: string;
  readonly serverExtension: string;
  readonly createTime: number | undefined;
  readonly updateTime: number | undefined;
  readonly conversationIds: readonly string[];
}

/**
 * A seed conversation after checking: lower-cased id, every field present.
 * @example
 * ```ts
 * const seed: NormalisedSeedConversation = { conversationId: 'alice|1|bob', serverExtension: '', stickTop: false, updateTime: undefined };
 * ```
 */
export interface NormalisedSeedConversation {
  readonly conversationId: string;
  readonly serverExtension: string;
  readonly stickTop: boolean;
  readonly updateTime: number | undefined;
}

const int64Max = 2n ** 63n - 1n;
const optionNames = new Set([
  'appKey',
  'appSecret',
  'accounts',
  'autoCreateAccounts',
  'firstGroupId',
  'limits',
  'rateLimit',
  'faults',
  'seed',
  'discovery',
  'unconfirmed',
]);

type Issues = string[];

/** 32 hex digits from the platform's cryptographic source (Web Crypto: any runtime). */
const secretHex = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A copy of the own enumerable fields of a plain object (getters run once, here); unknown fields are issues. */
function fieldsOf(issues: Issues, value: unknown, where: string, known: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    issues.push(`${where} must be an object, got ${quote(value)}`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.push(`${where}.${key} is not an option`);
    else out[key] = value[key];
  }
  return out;
}

function credential(issues: Issues, value: unknown, where: string, generated: () => string, secret: boolean): string {
  if (value === undefined) return generated();
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > 128 ||
    /[\u0000-\u0020\u007f-\uffff]/.test(value)
  ) {
    issues.push(
      `${where} must be 1–128 printable ASCII characters without spaces${secret ? '' : `, got ${quote(value)}`}`,
    );
    return generated();
  }
  return value;
}

/**
 * An int64 group id from a bigint, a decimal string or a safe-integer number; `undefined` (with an issue) otherwise.
 * @example
 * ```ts
 * const issues: string[] = [];
 * const id = groupIdFrom(issues, '9007199254740993', 'firstGroupId'); // 9007199254740993n
 * ```
 */
export function groupIdFrom(issues: Issues, value: unknown, where: string): bigint | undefined {
  let id: bigint | undefined;
  if (typeof value === 'bigint') id = value;
  else if (typeof value === 'string' && /^[1-9][0-9]{0,18}$/.test(value)) id = BigInt(value);
  else if (typeof value === 'number' && Number.isSafeInteger(value)) id = BigInt(value);
  if (id === undefined || id < 1n || id > int64Max) {
    issues.push(
      `${where} must be a positive int64 (a bigint, a decimal string or a safe integer), got ${quote(value)}`,
    );
    return undefined;
  }
  return id;
}

function seedConversations(
  issues: Issues,
  value: unknown,
  where: string,
  accountId: string,
): NormalisedSeedConversation[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(`${where}.conversations must be an array, got ${quote(value)}`);
    return [];
  }
  const conversations: NormalisedSeedConversation[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i += 1) {
    const at = `${where}.conversations[${i}]`;
    if (!(i in value)) {
      issues.push(`${at} is a hole`);
      continue;
    }
    const c = fieldsOf(issues, value[i], at, [
      'conversation_id',
      'server_extension',
      'stick_top',
      'update_time',
    ]) as Record<keyof SeedConversation, unknown>;
    const idProblem = schemaProblem('ConversationId', c.conversation_id);
    if (idProblem) {
      issues.push(`${at}.conversation_id ${idProblem}`);
      continue;
    }
    const id = (c.conversation_id as string).toLowerCase();
    if (id.slice(0, id.indexOf('|')) !== accountId)
      issues.push(
        `${at}.conversation_id ${quote(c.conversation_id)} belongs to another account (its owner is the id's first part)`,
      );
    if (seen.has(id)) issues.push(`${at}.conversation_id ${quote(c.conversation_id)} is given twice`);
    seen.add(id);
    const extension = c.server_extension ?? '';
    const extensionProblem = schemaProblem('ConversationExtension', extension);
    if (extensionProblem) issues.push(`${at}.server_extension ${extensionProblem}`);
    if (c.stick_top !== undefined && typeof c.stick_top !== 'boolean')
      issues.push(`${at}.stick_top must be a boolean, got ${quote(c.stick_top)}`);
    conversations.push({
      conversationId: id,
      serverExtension: String(extension),
      stickTop: c.stick_top === true,
      updateTime: c.update_time === undefined ? undefined : integer(issues, c.update_time, `${at}.update_time`, 0, 0),
    });
  }
  return conversations;
}

function seedGroups(issues: Issues, fields: SeedAccount, where: string): NormalisedSeedGroup[] {
  if (fields.groups === undefined) return [];
  if (!Array.isArray(fields.groups)) {
    issues.push(`${where}.groups must be an array, got ${quote(fields.groups)}`);
    return [];
  }
  const groups: NormalisedSeedGroup[] = [];
  fields.groups.forEach((raw: unknown, i: number) => {
    const at = `${where}.groups[${i}]`;
    const g = fieldsOf(issues, raw, at, [
      'group_id',
      'name',
      'server_extension',
      'create_time',
      'update_time',
      'conversation_ids',
    ]) as Record<keyof SeedGroup, unknown>;
    const nameProblem =
      schemaProblem('GroupName', g.name) ??
      (typeof g.name === 'string' && !isWellFormed(g.name) ? 'holds a lone surrogate (not Unicode text)' : undefined);
    if (nameProblem) issues.push(`${at}.name ${nameProblem}`);
    const extension = g.server_extension ?? '';
    const extensionProblem =
      schemaProblem('ServerExtension', extension) ??
      (typeof extension === 'string' && !isWellFormed(extension)
        ? 'holds a lone surrogate (not Unicode text)'
        : undefined);
    if (extensionProblem) issues.push(`${at}.server_extension ${extensionProblem}`);
    const ids = g.conversation_ids ?? [];
    const conversationIds: string[] = [];
    if (!Array.isArray(ids)) issues.push(`${at}.conversation_ids must be an array, got ${quote(ids)}`);
    else
      for (let k = 0; k < ids.length; k += 1) {
        const problem = k in ids ? schemaProblem('ConversationId', ids[k]) : 'is a hole';
        if (problem) issues.push(`${at}.conversation_ids[${k}] ${problem}`);
        else conversationIds.push((ids[k] as string).toLowerCase());
      }
    const createTime =
      g.create_time === undefined ? undefined : integer(issues, g.create_time, `${at}.create_time`, 0, 0);
    const updateTime =
      g.update_time === undefined ? undefined : integer(issues, g.update_time, `${at}.update_time`, 0, 0);
    groups.push({
      groupId: g.group_id === undefined ? undefined : groupIdFrom(issues, g.group_id, `${at}.group_id`),
      name: String(g.name),
      serverExtension: String(extension),
      createTime,
      updateTime,
      conversationIds,
    });
  });
  return groups;
}

function seedAccounts(
  issues: Issues,
  value: unknown,
  conversations: Map<string, NormalisedSeedConversation[]>,
): Map<string, NormalisedSeedGroup[]> {
  const accounts = new Map<string, NormalisedSeedGroup[]>();
  if (value === undefined) return accounts;
  const entries: [string, unknown][] = Array.isArray(value)
    ? Array.from({ length: value.length }, (_, i) => [i in value ? value[i] : undefined, undefined])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  if (!Array.isArray(value) && !isRecord(value))
    issues.push(`accounts must be an array of ids or an object of accounts, got ${quote(value)}`);
  for (const [id, account] of entries) {
    const problem = schemaProblem('AccountId', id);
    if (problem) {
      issues.push(`accounts: account id ${quote(id)} ${problem}`);
      continue;
    }
    const key = id.toLowerCase();
    if (accounts.has(key)) issues.push(`accounts: ${quote(id)} is given twice (account ids are lower-cased)`);
    const fields = fieldsOf(issues, account, `accounts.${id}`, ['groups', 'conversations']) as SeedAccount;
    accounts.set(key, seedGroups(issues, fields, `accounts.${id}`));
    conversations.set(key, seedConversations(issues, fields.conversations, `accounts.${id}`, key));
  }
  return accounts;
}

/**
 * Checks every option and fills in the defaults; throws {@link NimSandboxOptionsError} listing all problems.
 * @example
 * ```ts
 * const settings = resolveSettings({ rateLimit: { perSecond: 5 } }); // settings.rateLimit.blockMs === 1000
 * ```
 */
export function resolveSettings(options: SandboxOptions | undefined): SandboxSettings {
  return readingOptions('options', () => resolveChecked(options));
}

function resolveChecked(options: SandboxOptions | undefined): SandboxSettings {
  const issues: Issues = [];
  const o = fieldsOf(issues, options, 'options', [...optionNames]) as Record<keyof SandboxOptions, unknown>;
  const seed = o.seed === undefined ? randomSeed() : integer(issues, o.seed, 'seed', 0, 0, 2 ** 32 - 1);
  // The AppKey from a stream of its own, so the other random choices do not shift with it. The AppSecret never
  // comes from the seed: a 32-bit seed is found from the AppKey in minutes, and with it the secret.
  const appKey = credential(issues, o.appKey, 'appKey', () => createRandom(seed ^ 0x5eed).hex(32), false);
  const appSecret = credential(issues, o.appSecret, 'appSecret', secretHex, true);
  const conversations = new Map<string, NormalisedSeedConversation[]>();
  const accounts = seedAccounts(issues, o.accounts, conversations);

  if (o.autoCreateAccounts !== undefined && typeof o.autoCreateAccounts !== 'boolean')
    issues.push(`autoCreateAccounts must be a boolean, got ${quote(o.autoCreateAccounts)}`);
  const firstGroupId = o.firstGroupId === undefined ? 1n : (groupIdFrom(issues, o.firstGroupId, 'firstGroupId') ?? 1n);

  const l = fieldsOf(issues, o.limits, 'limits', [
    'groupsPerAccount',
    'conversationsPerGroup',
    'groupsPerConversation',
    'maxBodyBytes',
    'maxAccounts',
    'maxGroups',
    'maxConversations',
  ]);
  const limits = {
    groupsPerAccount: integer(issues, l.groupsPerAccount, 'limits.groupsPerAccount', specLimits.groupsPerAccount, 0),
    conversationsPerGroup: integer(
      issues,
      l.conversationsPerGroup,
      'limits.conversationsPerGroup',
      specLimits.conversationsPerGroup,
      0,
    ),
    groupsPerConversation: integer(
      issues,
      l.groupsPerConversation,
      'limits.groupsPerConversation',
      specLimits.groupsPerConversation,
      0,
    ),
    maxBodyBytes: integer(issues, l.maxBodyBytes, 'limits.maxBodyBytes', 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxAccounts: integer(issues, l.maxAccounts, 'limits.maxAccounts', stateCapDefaults.accounts, 1),
    maxGroups: integer(issues, l.maxGroups, 'limits.maxGroups', stateCapDefaults.groups, 1),
    maxConversations: integer(issues, l.maxConversations, 'limits.maxConversations', stateCapDefaults.conversations, 1),
  };

  let rateLimit: SandboxSettings['rateLimit'];
  if (o.rateLimit !== undefined && o.rateLimit !== false) {
    const r = fieldsOf(issues, o.rateLimit, 'rateLimit', ['perSecond', 'blockMs']);
    if (r.perSecond === undefined) issues.push('rateLimit.perSecond is required (e.g. 100)');
    rateLimit = {
      perSecond: integer(issues, r.perSecond, 'rateLimit.perSecond', 1, 1, 1_000_000),
      blockMs: integer(issues, r.blockMs, 'rateLimit.blockMs', 1000, 0, 3_600_000),
    };
  }

  const d = fieldsOf(issues, o.discovery, 'discovery', ['endpoints', 'ttl']);
  let endpoints: string[] | undefined;
  if (d.endpoints !== undefined) {
    const list = d.endpoints;
    if (!Array.isArray(list) || list.length === 0)
      issues.push(`discovery.endpoints must be a non-empty array of URLs, got ${quote(list)}`);
    else
      endpoints = Array.from({ length: list.length }, (_, i) => {
        const url = list[i];
        if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
          issues.push(`discovery.endpoints[${i}] must be an http(s) URL, got ${quote(url)}`);
        return String(url).replace(/\/+$/, '');
      });
  }

  const u = fieldsOf(issues, o.unconfirmed, 'unconfirmed', [
    'ownerMustMatchAccount',
    'batchGetFailures',
    'groupDetails',
    'defaultPageLimit',
    'timestampUnit',
    'deleteConversationLeavesGroups',
  ]);
  const flag = (name: string, value: unknown, fallback: boolean) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') issues.push(`unconfirmed.${name} must be a boolean, got ${quote(value)}`);
    return value === true;
  };
  const oneOf = <T extends string>(name: string, value: unknown, allowed: readonly T[]): T => {
    if (value === undefined) return allowed[0]!;
    if (!allowed.includes(value as T))
      issues.push(`unconfirmed.${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${quote(value)}`);
    return allowed.includes(value as T) ? (value as T) : allowed[0]!;
  };
  const settings: SandboxSettings = {
    appKey,
    appSecret,
    seed,
    autoCreateAccounts: typeof o.autoCreateAccounts === 'boolean' ? o.autoCreateAccounts : o.accounts === undefined,
    firstGroupId,
    accounts,
    conversations,
    limits,
    rateLimit,
    faults: resolveFaultRules(issues, o.faults, 'faults'),
    discovery: {
      endpoints,
      ttl: integer(
        issues,
        d.ttl,
        'discovery.ttl',
        specDiscovery.ttlSeconds.default,
        specDiscovery.ttlSeconds.minimum,
        specDiscovery.ttlSeconds.maximum,
      ),
    },
    unconfirmed: {
      ownerMustMatchAccount: flag('ownerMustMatchAccount', u.ownerMustMatchAccount, true),
      batchGetFailures: oneOf('batchGetFailures', u.batchGetFailures, ['failed_list', 'fail_list'] as const),
      groupDetails: flag('groupDetails', u.groupDetails, false),
      defaultPageLimit: integer(
        issues,
        u.defaultPageLimit,
        'unconfirmed.defaultPageLimit',
        Math.min(20, pageLimitBounds.maximum),
        pageLimitBounds.minimum,
        pageLimitBounds.maximum,
      ),
      timestampUnit: oneOf('timestampUnit', u.timestampUnit, ['ms', 's'] as const),
      deleteConversationLeavesGroups: flag('deleteConversationLeavesGroups', u.deleteConversationLeavesGroups, true),
    },
  };
  if (issues.length) throw new NimSandboxOptionsError(issues);
  return settings;
}
