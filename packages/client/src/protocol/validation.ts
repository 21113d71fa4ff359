import { constraints, type ConversationId } from '@nim-api/types';
import { accountIdPattern, conversationIdIssues } from './conversation-id.js';
import { NimValidationError, type NimValidationIssue } from '../errors/errors.js';
import { describe, isWellFormed } from '../observability/describe.js';
import { toGroupId } from './int64.js';

// Every check appends to the call's list of issues, so one NimValidationError reports every problem at once.
// Patterns and limits come from the spec (`constraints` of `@nim-api/types`). Checks never throw on a hostile
// value: they read each field once (see `readFields`) and describe values without serialising them.
type Issues = NimValidationIssue[];

const { accountId: accountIdSpec, pageLimit, traceId: traceIdSpec } = constraints;
// A header value the server can log: visible ASCII only (a newline or non-Latin-1 text cannot be sent at all).
const traceIdPattern = new RegExp(`^[\\x21-\\x7e]{1,${traceIdSpec.maxLength}}$`);
/** A list stops being checked after this many issues: a message stays readable and its size bounded. */
export const maxIssues = 20;

export const fail = (issues: Issues, path: string, message: string) => void issues.push({ path, message });

/** Throws one NimValidationError listing every issue, if there is any. */
export function throwIfIssues(issues: Issues, operationId: string): void {
  if (issues.length) throw new NimValidationError(issues, { operationId });
}

/**
 * The named fields of `value`, each read exactly once (getters run once, inherited fields count, a throwing
 * getter or Proxy becomes an issue), so what is checked is what is sent. An issue and `{}` when it is no object.
 */
export function readFields<K extends string>(
  issues: Issues,
  value: unknown,
  path: string,
  keys: readonly K[],
): Partial<Record<K, unknown>> {
  const fields: Partial<Record<K, unknown>> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(issues, path, `must be an object (got ${describe(value)})`);
    return fields;
  }
  for (const key of keys) {
    try {
      fields[key] = (value as Record<K, unknown>)[key];
    } catch {
      fail(issues, `${path}.${key}`, 'could not be read (its getter threw)');
    }
  }
  return fields;
}

/**
 * An issue for each own key of a nested option object that is not one of `keys`, where a misspelt field would
 * change what the client does without a word (`discovery: { url }` turns discovery on with NetEase's official
 * URLs). Top-level and per-call options copy their fields by name instead, other fields left alone.
 */
export function refuseUnknownKeys(issues: Issues, value: unknown, path: string, keys: ReadonlySet<string>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  let own: string[];
  try {
    own = Object.keys(value);
  } catch {
    fail(issues, path, 'could not be read (a Proxy threw)');
    return;
  }
  let found = 0;
  for (const key of own) {
    if (keys.has(key)) continue;
    if ((found += 1) > maxIssues) break;
    fail(issues, `${path}.${describe(key)}`, 'is not an option (misspelt?)');
  }
}

/**
 * The items of an array, copied (holes are issues, each item read once). Stops after {@link maxIssues}
 * problems; `undefined` when `value` is not an array.
 */
export function readArray(
  issues: Issues,
  value: unknown,
  path: string,
  checkItem: (item: unknown, itemPath: string) => boolean,
): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = [];
  const start = issues.length;
  try {
    const { length } = value;
    for (let index = 0; index < length && issues.length - start < maxIssues; index += 1) {
      const itemPath = `${path}[${index}]`;
      if (!(index in value)) fail(issues, itemPath, 'is missing (a hole in the array)');
      else {
        const item: unknown = value[index];
        if (checkItem(item, itemPath)) items.push(item);
      }
    }
  } catch {
    fail(issues, path, 'could not be read');
  }
  return items;
}

export function checkAccountId(issues: Issues, value: unknown, path = 'account_id'): void {
  if (typeof value !== 'string' || !accountIdPattern.test(value)) {
    fail(issues, path, `must be 1–${accountIdSpec.maxLength} letters, digits, _ @ . or - (got ${describe(value)})`);
  }
}

/** A string field: non-empty when `nonEmpty`, optional unless `required`, always valid Unicode. */
export function checkString(issues: Issues, value: unknown, path: string, required: boolean, nonEmpty: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (nonEmpty && value === '')) {
    fail(issues, path, `must be a ${nonEmpty ? 'non-empty ' : ''}string (got ${describe(value)})`);
  } else if (!isWellFormed(value)) {
    fail(issues, path, 'must be valid Unicode (it holds a lone surrogate)');
  }
}

export function checkGroupId(issues: Issues, value: unknown, path = 'groupId'): string {
  const id = toGroupId(value);
  if (id === undefined)
    fail(
      issues,
      path,
      `must be a positive int64: a decimal string, a bigint or a safe-integer number (got ${describe(value)})`,
    );
  return id ?? '';
}

export function checkGroupIds(issues: Issues, value: unknown, path = 'group_ids'): string[] {
  const before = issues.length;
  const ids: string[] = [];
  const items = readArray(issues, value, path, (item, itemPath) => {
    const id = checkGroupId(issues, item, itemPath);
    if (id) ids.push(id);
    return id !== '';
  });
  if (items === undefined || (issues.length === before && ids.length === 0)) {
    fail(issues, path, `must be a non-empty array of group ids (got ${describe(value)})`);
  }
  return ids;
}

/**
 * Conversation ids owned by `accountId`, copied. The owner check is this client's choice: the spec leaves it
 * UNCONFIRMED, but the server's error 110302 "conversation and account mismatch" says a foreign owner cannot work.
 * An optional list may be absent or empty; a required one must hold at least one id.
 */
export function checkConversationIds(
  issues: Issues,
  value: unknown,
  accountId: unknown,
  required: boolean,
  max?: number,
): ConversationId[] {
  const path = 'conversation_ids';
  if (value === undefined && !required) return [];
  const owner = typeof accountId === 'string' ? accountId.toLowerCase() : undefined;
  let length = 0;
  try {
    length = Array.isArray(value) ? value.length : 0;
  } catch {
    // A Proxy whose length throws: reported by readArray below.
  }
  if (Array.isArray(value) && max !== undefined && length > max) {
    fail(issues, path, `holds ${length} ids; at most ${max} are allowed per call`);
    return [];
  }
  const items = readArray(issues, value, path, (id, itemPath) => {
    const problems = conversationIdIssues(id, itemPath);
    for (const problem of problems) issues.push(problem);
    if (problems.length) return false;
    if (owner !== undefined && (id as string).split('|', 1)[0]!.toLowerCase() !== owner) {
      fail(
        issues,
        itemPath,
        `${describe(id)} belongs to another account; its owner must be account_id ${describe(accountId)}`,
      );
      return false;
    }
    return true;
  });
  if (!items || (required && length === 0)) {
    fail(issues, path, `must be a${required ? ' non-empty' : 'n'} array of conversation ids (got ${describe(value)})`);
    return [];
  }
  return items as ConversationId[];
}

export function checkPageLimit(issues: Issues, value: unknown, path = 'limit'): void {
  const { minimum, maximum } = pageLimit;
  if (
    value !== undefined &&
    !(Number.isInteger(value) && (value as number) >= minimum && (value as number) <= maximum)
  ) {
    fail(issues, path, `must be an integer from ${minimum} to ${maximum} (got ${describe(value)})`);
  }
}

/** A caller's trace id that can be sent as given: 1–128 visible ASCII characters. */
export function checkTraceId(issues: Issues, traceId: unknown, path = 'traceId'): void {
  if (traceId !== undefined && (typeof traceId !== 'string' || !traceIdPattern.test(traceId))) {
    fail(issues, path, `must be 1–${traceIdSpec.maxLength} visible ASCII characters (got ${describe(traceId)})`);
  }
}
