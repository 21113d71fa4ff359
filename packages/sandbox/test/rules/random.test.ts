import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/rules/random.js';

describe('createRandom', () => {
  it('repeats its stream for a seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i += 1) {
          const x = a.next();
          expect(b.next()).toBe(x);
          expect(x >= 0 && x < 1).toBe(true);
        }
        expect(a.hex(32)).toMatch(/^[0-9a-f]{32}$/);
        expect(a.word()).toMatch(/^[0-9a-z]{8}$/);
      }),
      fcParams(5, 100),
    );
  });

  it('spreads its values (a coarse check that it is not stuck)', () => {
    const random = createRandom(1);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) buckets[Math.floor(random.next() * 10)] += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(850);
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });
});
