// The input rules of the README and the spec, restated as the oracle that labels every generated value.
// Patterns and limits are read from `constraints` (generated from the spec); the rest is the README's wording:
// "account ids (≤ 32 of letters, digits, _ @ . -), conversation ids (owner|type|target, type 1/2/3), ≤ 100 ids per
// create, non-empty name and group_ids, integer group ids and limit 1–100", a conversation id's owner is the
// request's account_id, and the options of issue 11 (maxRetries an integer 0…10, timeoutMs a finite positive
// integer within setTimeout's range, signal an AbortSignal).
import { constraints } from '@nim-api/types';

/** What the rules say about a value: sendable, refused, or left open by README and spec (either is accepted). */
export type Validity = 'valid' | 'invalid' | 'either';

export const worst = (...all: Validity[]): Validity =>
  all.includes('invalid') ? 'invalid' : all.includes('either') ? 'either' : 'valid';

const accountIdPattern = new RegExp(constraints.accountId.pattern);
const conversationIdPattern = new RegExp(constraints.conversationId.pattern);
const traceIdPattern = new RegExp(`^[\\x21-\\x7e]{1,${constraints.traceId.maxLength}}$`);
export const int64Max = 2n ** 63n - 1n;
/** setTimeout's largest delay; a larger one fires after 1 ms. */
export const maxTimerMs = 2 ** 31 - 1;
export const maxRetriesLimit = 10;

const isInteger = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const optional = (value: unknown, rule: (v: unknown) => Validity): Validity =>
  value === undefined ? 'valid' : rule(value);
// In a `u` regex, a paired surrogate is one code point, so `\p{Cs}` only finds lone ones.
const loneSurrogate = /\p{Cs}/u;
/** `value` with each lone surrogate replaced by U+FFFD, as UTF-8 encoding does. */
export const toWellFormed = (value: string) => value.replace(/\p{Cs}/gu, '\ufffd');
/** A string with a lone surrogate cannot be UTF-8 encoded; whether it is refused or sent is left open. */
const wellFormed = (value: string): Validity => (loneSurrogate.test(value) ? 'either' : 'valid');

export const rules = {
  accountId: (v: unknown): Validity => (typeof v === 'string' && accountIdPattern.test(v) ? 'valid' : 'invalid'),

  groupId(v: unknown): Validity {
    if (typeof v === 'bigint') return v >= 1n && v <= int64Max ? 'valid' : 'invalid';
    if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 1 ? 'valid' : 'invalid';
    if (typeof v === 'string') return /^[1-9][0-9]{0,18}$/.test(v) && BigInt(v) <= int64Max ? 'valid' : 'invalid';
    return 'invalid';
  },

  /** `owner` is the request's account id; a case variant of it is left open (the server lower-cases ids). */
  conversationId(v: unknown, owner: unknown): Validity {
    if (typeof v !== 'string' || !conversationIdPattern.test(v)) return 'invalid';
    if (typeof owner !== 'string') return 'valid';
    const idOwner = v.split('|')[0]!;
    if (idOwner === owner) return 'valid';
    return idOwner.toLowerCase() === owner.toLowerCase() ? 'either' : 'invalid';
  },

  name: (v: unknown): Validity => (typeof v === 'string' && v !== '' ? wellFormed(v) : 'invalid'),
  serverExtension: (v: unknown): Validity => optional(v, (s) => (typeof s === 'string' ? wellFormed(s) : 'invalid')),
  limit: (v: unknown): Validity =>
    optional(v, (n) =>
      isInteger(n, constraints.pageLimit.minimum, constraints.pageLimit.maximum) ? 'valid' : 'invalid',
    ),
  /** An empty page token may be sent empty or left out. */
  pageToken: (v: unknown): Validity =>
    optional(v, (s) => (typeof s !== 'string' ? 'invalid' : s === '' ? 'either' : wellFormed(s))),
  traceId: (v: unknown): Validity =>
    optional(v, (s) => (typeof s === 'string' && traceIdPattern.test(s) ? 'valid' : 'invalid')),
  timeoutMs: (v: unknown): Validity => optional(v, (n) => (isInteger(n, 1, maxTimerMs) ? 'valid' : 'invalid')),
  maxRetries: (v: unknown): Validity => optional(v, (n) => (isInteger(n, 0, maxRetriesLimit) ? 'valid' : 'invalid')),
  retryUnsafe: (v: unknown): Validity => optional(v, (b) => (typeof b === 'boolean' ? 'valid' : 'invalid')),
  /** `null` is what fetch's RequestInit allows, so it is left open. */
  signal: (v: unknown): Validity =>
    v === undefined ? 'valid' : v === null ? 'either' : v instanceof AbortSignal ? 'valid' : 'invalid',
};

/** A list of items: an array without holes whose items pass `item`, within `min`…`max` items. */
export function listValidity(value: unknown, item: (v: unknown) => Validity, min: number, max = Infinity): Validity {
  if (!Array.isArray(value)) return 'invalid';
  if (value.length < min || value.length > max) return 'invalid';
  const verdicts: Validity[] = [];
  for (let index = 0; index < value.length; index += 1) {
    if (!(index in value)) return 'invalid';
    verdicts.push(item(value[index]));
  }
  return worst(...verdicts);
}

/** The decimal string a valid group id input goes out as. */
export const groupIdWire = (v: unknown): string => (typeof v === 'string' ? v : String(v));
