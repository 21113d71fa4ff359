import { constraints } from '@nim-api/types';
import { accountIdPattern, conversationIdIssues } from './conversation-id.js';
import { NimValidationError, type NimValidationIssue } from './errors.js';
import { toGroupId } from './int64.js';

// Every check appends to the call's list of issues, so one NimValidationError reports every problem at once.
// Patterns and limits come from the spec (`constraints` of `@nim-api/types`).
type Issues = NimValidationIssue[];

const { accountId: accountIdSpec, pageLimit, traceId: traceIdSpec } = constraints;
// A header value the server can log: visible ASCII only (a newline or non-Latin-1 text cannot be sent at all).
const traceIdPattern = new RegExp(`^[\\x21-\\x7e]{1,${traceIdSpec.maxLength}}$`);

const fail = (issues: Issues, path: string, message: string) => void issues.push({ path, message });

/** Throws one NimValidationError listing every issue, if there is any. */
export function throwIfIssues(issues: Issues, operationId: string): void {
  if (issues.length) throw new NimValidationError(issues, { operationId });
}

/** `value` as an object to read fields from (an issue and `{}` when it is not one). */
export function checkObject(issues: Issues, value: unknown, path: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  fail(issues, path, 'must be an object');
  return {};
}

export function checkAccountId(issues: Issues, value: unknown, path = 'account_id'): void {
  if (typeof value !== 'string' || !accountIdPattern.test(value)) {
    fail(issues, path, `must be 1–${accountIdSpec.maxLength} letters, digits, _ @ . or - (got ${JSON.stringify(value)})`);
  }
}

/** A string field: non-empty when `nonEmpty`, optional unless `required`. */
export function checkString(issues: Issues, value: unknown, path: string, required: boolean, nonEmpty: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (nonEmpty && value === '')) fail(issues, path, `must be a ${nonEmpty ? 'non-empty ' : ''}string`);
}

export function checkGroupId(issues: Issues, value: unknown, path = 'groupId'): string {
  const id = toGroupId(value);
  if (id === undefined) fail(issues, path, 'must be a positive int64: a decimal string, a bigint or a safe-integer number');
  return id ?? '';
}

export function checkGroupIds(issues: Issues, value: unknown, path = 'group_ids'): string[] {
  if (Array.isArray(value) && value.length) return value.map((item, index) => checkGroupId(issues, item, `${path}[${index}]`));
  fail(issues, path, 'must be a non-empty array of group ids');
  return [];
}

/**
 * Conversation ids owned by `accountId`. The owner check is this client's choice: the spec leaves it UNCONFIRMED,
 * but the server's error 110302 "conversation and account mismatch" says a foreign owner cannot work.
 * An optional list may be absent or empty; a required one must hold at least one id.
 */
export function checkConversationIds(issues: Issues, value: unknown, accountId: unknown, required: boolean, max?: number): string[] {
  const path = 'conversation_ids';
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || (required && !value.length)) {
    fail(issues, path, `must be a${required ? ' non-empty' : 'n'} array of conversation ids`);
    return [];
  }
  if (max !== undefined && value.length > max) fail(issues, path, `holds ${value.length} ids; at most ${max} are allowed per call`);
  const owner = typeof accountId === 'string' ? accountId.toLowerCase() : undefined;
  value.forEach((id, index) => {
    const itemPath = `${path}[${index}]`;
    const problems = conversationIdIssues(id, itemPath);
    issues.push(...problems);
    if (!problems.length && owner !== undefined && (id as string).split('|')[0]!.toLowerCase() !== owner) {
      fail(issues, itemPath, `"${id}" belongs to another account; its owner must be account_id "${accountId}"`);
    }
  });
  return value as string[];
}

export function checkPageLimit(issues: Issues, value: unknown, path = 'limit'): void {
  const { minimum, maximum } = pageLimit;
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= minimum && (value as number) <= maximum)) {
    fail(issues, path, `must be an integer from ${minimum} to ${maximum}`);
  }
}

/** Throws NimValidationError, before anything is sent, when a caller's trace id cannot be sent as given. */
export function checkTraceId(traceId: unknown, operationId: string): void {
  if (traceId !== undefined && (typeof traceId !== 'string' || !traceIdPattern.test(traceId))) {
    throwIfIssues([{ path: 'traceId', message: `must be 1–${traceIdSpec.maxLength} visible ASCII characters` }], operationId);
  }
}
