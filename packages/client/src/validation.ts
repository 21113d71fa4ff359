import { constraints } from '@nim-api/types';
import { conversationIdIssues } from './conversation-id.js';
import { NimValidationError, type NimValidationIssue } from './errors.js';
import { toGroupId } from './int64.js';

const accountIdPattern = new RegExp(constraints.accountId.pattern);
// A header value the server can log: visible ASCII only (a newline or non-Latin-1 text cannot be sent at all).
const traceIdPattern = new RegExp(`^[\\x21-\\x7e]{1,${constraints.traceId.maxLength}}$`);

/** Throws NimValidationError, before anything is sent, when a caller's trace id cannot be sent as given. */
export function checkTraceId(traceId: unknown, operationId: string): void {
  if (traceId !== undefined && (typeof traceId !== 'string' || !traceIdPattern.test(traceId))) {
    throw new NimValidationError(
      [{ path: 'traceId', message: `must be 1–${constraints.traceId.maxLength} visible ASCII characters` }],
      { operationId },
    );
  }
}

/**
 * Collects every problem of one call's input, then throws them together. Limits and patterns come from the spec
 * (`constraints` of `@nim-api/types`).
 */
export class InputCheck {
  readonly issues: NimValidationIssue[] = [];

  constructor(private readonly operationId: string) {}

  private fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, 'must be an object');
    return {};
  }

  accountId(value: unknown, path = 'account_id'): void {
    if (typeof value !== 'string' || !accountIdPattern.test(value)) {
      this.fail(path, `must be 1–${constraints.accountId.maxLength} letters, digits, _ @ . or - (got ${JSON.stringify(value)})`);
    }
  }

  nonEmptyString(value: unknown, path: string, optional = false): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'string' || value.length === 0) this.fail(path, 'must be a non-empty string');
  }

  optionalString(value: unknown, path: string): void {
    if (value !== undefined && typeof value !== 'string') this.fail(path, 'must be a string');
  }

  groupId(value: unknown, path = 'groupId'): string {
    const id = toGroupId(value);
    if (id === undefined) {
      this.fail(path, 'must be a positive int64: a decimal string, a bigint or a safe-integer number');
    }
    return id ?? '';
  }

  groupIds(value: unknown, path = 'group_ids'): string[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, 'must be a non-empty array of group ids');
      return [];
    }
    return value.map((item, index) => this.groupId(item, `${path}[${index}]`));
  }

  /**
   * Conversation ids owned by `accountId`. The owner check is this client's choice: the spec leaves it UNCONFIRMED,
   * but the server's error 110302 "conversation and account mismatch" says a foreign owner cannot work.
   */
  conversationIds(value: unknown, accountId: unknown, path: string, max?: number, optional = false): string[] {
    if (value === undefined && optional) return [];
    if (!Array.isArray(value) || (value.length === 0 && !optional)) {
      this.fail(path, optional ? 'must be an array of conversation ids' : 'must be a non-empty array of conversation ids');
      return [];
    }
    if (max !== undefined && value.length > max) {
      this.fail(path, `holds ${value.length} ids; at most ${max} are allowed per call`);
    }
    const owner = typeof accountId === 'string' ? accountId.toLowerCase() : undefined;
    value.forEach((id, index) => {
      const itemPath = `${path}[${index}]`;
      const issues = conversationIdIssues(id, itemPath);
      this.issues.push(...issues);
      if (!issues.length && owner !== undefined && (id as string).split('|')[0]!.toLowerCase() !== owner) {
        this.fail(itemPath, `"${id}" belongs to another account; its owner must be account_id "${accountId}"`);
      }
    });
    return value as string[];
  }

  pageLimit(value: unknown, path = 'limit'): void {
    const { minimum, maximum } = constraints.pageLimit;
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < minimum || (value as number) > maximum)) {
      this.fail(path, `must be an integer from ${minimum} to ${maximum}`);
    }
  }

  /** Throws one {@link NimValidationError} listing every problem found, if any. */
  done(): void {
    if (this.issues.length) throw new NimValidationError(this.issues, { operationId: this.operationId });
  }
}
