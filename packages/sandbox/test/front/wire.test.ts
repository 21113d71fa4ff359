import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { jsonWithExactIds } from '../../src/front/wire.js';

describe('jsonWithExactIds', () => {
  it('writes group_id decimal strings as bare integers and leaves everything else as JSON.stringify does (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), fc.string(), (value, id, text) => {
        const data = {
          group_id: id.toString(),
          name: text,
          nested: [{ group_id: '12', value }],
          fake: '"group_id":"7"',
        };
        const out = jsonWithExactIds(data);
        expect(out).toContain(`"group_id":${id},`);
        const back = JSON.parse(out.replace(/"group_id":(\d+)/g, '"group_id":"$1"'));
        expect(back).toEqual(JSON.parse(JSON.stringify(data)));
        expect(jsonWithExactIds({ value, text })).toBe(JSON.stringify({ value, text }));
      }),
      fcParams(71, 300),
    );
  });
});
