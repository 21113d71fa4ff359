import type { GroupId } from '@nim-api/types';

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

// Fields whose JSON numbers are int64 ids. A key only follows `{` or `,`; inside a string value those characters
// could only be followed by an escaped quote, so string contents never match.
const int64IdField = /(?<=[{,]\s*)"group_id"\s*:\s*(-?\d+)/g;

/**
 * `JSON.parse` that keeps int64 ids exact: every `"group_id": <number>` becomes a decimal string before parsing, so
 * 9007199254740993 comes back as `'9007199254740993'`, not 9007199254740992.
 */
export function parseJsonWithExactIds(text: string): unknown {
  return JSON.parse(text.includes('"group_id"') ? text.replace(int64IdField, '"group_id":"$1"') : text);
}
