import { type GroupId, int64Fields } from '@nim-api/types';

/**
 * A group id as the client accepts it: the exact decimal string the client returns, a `bigint`, or a `number`
 * that is a safe integer (a `number` above 2^53 − 1 has already lost digits, so it is refused).
 * @example
 * ```ts
 * const ids: GroupIdInput[] = ['9007199254740993', 9007199254740993n, 1001];
 * ```
 */
export type GroupIdInput = GroupId | bigint | number;

const decimal = /^[1-9][0-9]{0,18}$/;
const int64Max = 2n ** 63n - 1n;

/** The exact decimal string of `value`, or `undefined` when it is not a positive int64. */
export function toGroupId(value: unknown): GroupId | undefined {
  if (typeof value === 'bigint') return value > 0n && value <= int64Max ? value.toString() : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value === 'string' && decimal.test(value) && BigInt(value) <= int64Max) return value;
  return undefined;
}

/** Deepest nesting of objects and arrays a body may have; the API's own answers are four levels deep. */
export const maxJsonDepth = 64;

/** A body nested deeper than {@link maxJsonDepth}: refused before `JSON.parse`, so no stack is ever at risk. */
export class JsonTooDeepError extends Error {
  override readonly name = 'JsonTooDeepError';
}

const quote = 0x22;
const backslash = 0x5c;
// The keys whose numbers are int64 ids, from the spec (every field whose schema is GroupId or a list of it).
const idKeys: ReadonlySet<string> = new Set(int64Fields.map((field) => `"${field}"`));
const longestKey = Math.max(...[...idKeys].map((key) => key.length));

const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isIntegerChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2d;
const isNumberTail = (c: number) => c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b;

/** Index of the quote that closes the string opened at `start`, or -1. Each character is looked at once. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === quote) return i;
    if (c === backslash) i += 1;
  }
  return -1;
}

/**
 * `JSON.parse` that keeps int64 ids exact: the number after every int64 key of the spec (`"group_id"`, and each
 * number of a `"group_ids"` list) becomes a decimal string, so 9007199254740993 comes back as
 * `'9007199254740993'`, not 9007199254740992. One linear pass over the text (no regular expression that could
 * backtrack), which also refuses nesting deeper than `maxDepth` ({@link JsonTooDeepError}); malformed JSON is left
 * for `JSON.parse` to report.
 */
export function parseJsonWithExactIds(text: string, maxDepth: number = maxJsonDepth): unknown {
  if (text.length <= maxDepth && ![...idKeys].some((key) => text.includes(key))) return JSON.parse(text);
  const parts: string[] = [];
  let copiedUpTo = 0;
  let depth = 0;
  /** Quotes the integer at `start` (after spaces); returns where the scan goes on. */
  const quoteInteger = (from: number): number => {
    let start = from;
    while (isJsonSpace(text.charCodeAt(start))) start += 1;
    let stop = start;
    while (isIntegerChar(text.charCodeAt(stop))) stop += 1;
    if (stop > start && !isNumberTail(text.charCodeAt(stop))) {
      parts.push(text.slice(copiedUpTo, start), '"', text.slice(start, stop), '"');
      copiedUpTo = stop;
    }
    return stop;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if (end - i < longestKey && idKeys.has(text.slice(i, end + 1))) {
        let next = end + 1;
        while (isJsonSpace(text.charCodeAt(next))) next += 1;
        if (text.charCodeAt(next) === 0x3a) {
          let start = next + 1;
          while (isJsonSpace(text.charCodeAt(start))) start += 1;
          if (text.charCodeAt(start) !== 0x5b) {
            i = quoteInteger(start) - 1;
            continue;
          }
          // A list of ids: each integer item quoted, up to the first thing that is not `integer ,`.
          depth += 1;
          if (depth > maxDepth) throw new JsonTooDeepError(`nested deeper than ${maxDepth} levels`);
          let at = start + 1;
          for (;;) {
            at = quoteInteger(at);
            while (isJsonSpace(text.charCodeAt(at))) at += 1;
            if (text.charCodeAt(at) !== 0x2c) break;
            at += 1;
          }
          i = at - 1;
          continue;
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) throw new JsonTooDeepError(`nested deeper than ${maxDepth} levels`);
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  if (copiedUpTo === 0) return JSON.parse(text);
  parts.push(text.slice(copiedUpTo));
  return JSON.parse(parts.join(''));
}
