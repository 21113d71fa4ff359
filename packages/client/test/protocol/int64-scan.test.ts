import { seedOr } from '../support/fc-seed.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, maxJsonDepth, parseJsonWithExactIds } from '../../src/protocol/int64.js';

const isIntegerLiteral = (field: unknown) => typeof field === 'number' && /^-?\d+$/.test(JSON.stringify(field));

/** The items of a `group_ids` list: its leading integer literals as decimal strings, the rest as JSON.parse reads them. */
function idList(list: unknown[]): unknown[] {
  const stop = list.findIndex((item) => !isIntegerLiteral(item));
  const head = stop === -1 ? list.length : stop;
  return list.map((item, index) => (index < head ? String(item) : expected(item)));
}

// The spec's int64 fields (GroupId or a list of it): either may carry one id or a list of them.
const isIdKey = (key: string) => key === 'group_id' || key === 'group_ids';

/**
 * What the scan must produce: JSON.parse, with every int64 field (`group_id`, `group_ids`) written as an integer
 * literal turned into its decimal string, and the leading integer items of such a field's list too.
 */
function expected(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expected);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      isIdKey(key) && isIntegerLiteral(field)
        ? String(field)
        : isIdKey(key) && Array.isArray(field)
          ? idList(field)
          : expected(field),
    ]),
  );
}

const keys = fc.constantFrom('group_id', 'name', 'group_ids', '"group_id"', 'group_id\\', 'x');
const leaf = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('"group_id":5', '\\', '\\"', 'group_id'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
})).value;
const space = fc.stringMatching(/^[ \t\n\r]{0,3}$/);

/** JSON text of `value` with random whitespace between tokens (JSON.stringify with an indent, re-spaced). */
const spaced = (value: unknown, pad: string) =>
  (JSON.stringify(value, null, pad.length ? 1 : 0) ?? 'null').replace(/\n/g, `\n${pad}`);

describe('parseJsonWithExactIds', () => {
  it('agrees with JSON.parse for any JSON text, with integer group_id values as exact strings', () => {
    fc.assert(
      fc.property(json, space, (value, pad) => {
        const text = spaced(value, pad);
        expect(parseJsonWithExactIds(text)).toEqual(expected(JSON.parse(text)));
      }),
      { seed: seedOr(20261201), numRuns: 2000 },
    );
  });

  it('keeps ids above 2^53 exact wherever they sit, with any spacing around the colon', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), space, space, (id, before, after) => {
        const text = `{"data":{"success_list":[{"group_id"${before}:${after}${id},"name":"x"}]}}`;
        expect(parseJsonWithExactIds(text)).toEqual({ data: { success_list: [{ group_id: String(id), name: 'x' }] } });
      }),
      { seed: seedOr(7), numRuns: 500 },
    );
  });

  it(`refuses nesting deeper than ${maxJsonDepth} levels before JSON.parse sees it, however it is nested`, () => {
    fc.assert(
      fc.property(fc.integer({ min: maxJsonDepth + 1, max: 20_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        const close = open === '[' ? ']' : '}';
        const text = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
        expect(() => parseJsonWithExactIds(text)).toThrow(JsonTooDeepError);
      }),
      { seed: seedOr(3), numRuns: 50 },
    );
    expect(parseJsonWithExactIds('['.repeat(maxJsonDepth) + ']'.repeat(maxJsonDepth))).toBeDefined();
  });

  it('reports malformed text as JSON.parse does (a SyntaxError), never loops', () => {
    for (const text of ['{"group_id":', '{"group_id"', '"unterminated', '{"a":"\\', '']) {
      expect(() => parseJsonWithExactIds(text)).toThrow(SyntaxError);
    }
  });
});
