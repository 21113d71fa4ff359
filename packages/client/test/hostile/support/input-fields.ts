// Generators of every input field: mostly valid values, near misses of each rule, and the hostile values.
// Each generator gives `Gen`s; the rules in validity.ts judge them (a `verdict` only where judging runs traps).
import fc from 'fast-check';
import {
  brokenListMakers,
  constant,
  dressedList,
  type Gen,
  gen,
  hostileValue,
  listDress,
  megabyte,
  show,
} from './hostile-values.js';
import { int64Max } from './validity.js';

/** A field left out of the object altogether. */
export const absent = Symbol('absent');
export const absentGen: Gen = constant('absent', absent);

const valueGen = (value: unknown): Gen => constant(show(value), value);
const weighted = <T>(...entries: Array<[number, fc.Arbitrary<T>]>) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

export const validAccountId = fc.stringMatching(/^[A-Za-z0-9_@.-]{1,32}$/);

export const accountIdGen: fc.Arbitrary<Gen> = weighted(
  [24, validAccountId.map(valueGen)],
  [
    2,
    fc
      .constantFrom('', 'a'.repeat(33), 'ali ce', 'alice|1', 'alicé', 'alice\n', 'al\ud800', 'a'.repeat(10_000))
      .map(valueGen),
  ],
  [2, hostileValue],
);

const validGroupIdValue = fc.oneof(
  fc.bigInt({ min: 1n, max: int64Max }).map(String),
  fc.constantFrom('1', '9007199254740993', String(int64Max)),
  fc.bigInt({ min: 1n, max: int64Max }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);
export const validGroupIdGen = validGroupIdValue.map(valueGen);
const nearGroupIds = [
  '0',
  '-5',
  '9'.repeat(30),
  String(int64Max + 1n),
  ' 1',
  '1 ',
  '1.0',
  '1e3',
  '0x10',
  '+1',
  '',
  'abc',
  '١٢',
  0,
  -1,
  1.5,
  2 ** 53,
  2 ** 63,
  0n,
  -1n,
  int64Max + 1n,
];
export const groupIdGen: fc.Arbitrary<Gen> = weighted(
  [24, validGroupIdGen],
  [2, fc.constantFrom(...nearGroupIds).map(valueGen)],
  [2, hostileValue],
);

/** A conversation id made for a given owner (the request's account id), judged against that owner. */
export interface IdTemplate {
  readonly desc: string;
  make(owner: string): unknown;
  readonly verdict?: 'invalid';
}
const template = (desc: string, make: (owner: string) => unknown): IdTemplate => ({ desc, make });
const peer = fc.stringMatching(/^[A-Za-z0-9_@.-]{1,32}$/);
const team = fc.stringMatching(/^[0-9]{1,12}$/);

export const validIdTemplate: fc.Arbitrary<IdTemplate> = fc.oneof(
  peer.map((target) => template(`owner|1|${target}`, (owner) => `${owner}|1|${target}`)),
  fc
    .tuple(fc.constantFrom(2, 3), team)
    .map(([type, target]) => template(`owner|${type}|${target}`, (owner) => `${owner}|${type}|${target}`)),
);
const nearIdTemplates: IdTemplate[] = [
  template('owner in upper case', (owner) => `${owner.toUpperCase()}|1|bob`),
  template('foreign owner', (owner) => `${owner === 'mallory' ? 'trudy' : 'mallory'}|1|bob`),
  template('type 4', (owner) => `${owner}|4|bob`),
  template('no target', (owner) => `${owner}|1|`),
  template('four parts', (owner) => `${owner}|1|bob|x`),
  template('space in target', (owner) => `${owner}|1|b ob`),
  template('1 MB target', (owner) => `${owner}|1|${megabyte}`),
  template('lone surrogate target', (owner) => `${owner}|1|b\ud800`),
  template('bare account', () => 'bob'),
];
export const idTemplate: fc.Arbitrary<IdTemplate> = weighted(
  [40, validIdTemplate],
  [2, fc.constantFrom(...nearIdTemplates)],
  [
    1,
    hostileValue.map(
      (hostile): IdTemplate => ({
        desc: hostile.desc,
        make: () => hostile.make(),
        ...(hostile.verdict && { verdict: 'invalid' as const }),
      }),
    ),
  ],
);

/** A list of conversation ids for an owner: short lists, long ones (chunking, the 100 limit), broken ones. */
export interface IdListTemplate {
  readonly desc: string;
  /** `roomy` false keeps long lists short (an account id of 1 MB quoted once per id would need gigabytes). */
  make(owner: string, roomy: boolean): unknown;
  readonly verdict?: 'invalid';
}
export const idListTemplate: fc.Arbitrary<IdListTemplate> = weighted(
  [
    16,
    fc.tuple(fc.array(idTemplate, { maxLength: 6 }), listDress).map(([ids, dress]) => ({
      desc: `${dress} [${ids.map((id) => id.desc).join(', ')}]`,
      make: (owner: string) =>
        dressedList(
          ids.map((id) => id.make(owner)),
          dress,
        ),
      ...(ids.some((id) => id.verdict) && { verdict: 'invalid' as const }),
    })),
  ],
  [
    2,
    fc.tuple(fc.integer({ min: 95, max: 250 }), listDress).map(([count, dress]) => ({
      desc: `${dress} ${count} valid ids`,
      make: (owner: string, roomy: boolean) =>
        dressedList(
          Array.from({ length: roomy ? count : 3 }, (_, i) => `${owner}|1|peer${i}`),
          dress,
        ),
    })),
  ],
  [
    2,
    fc.constantFrom(...brokenListMakers).map(
      (broken): IdListTemplate => ({
        desc: broken.desc,
        make: (owner: string) => broken.make(`${owner}|1|bob`),
        verdict: 'invalid',
      }),
    ),
  ],
  [
    1,
    hostileValue.map(
      (hostile): IdListTemplate => ({
        desc: hostile.desc,
        make: () => hostile.make(),
        ...(hostile.verdict && { verdict: 'invalid' as const }),
      }),
    ),
  ],
);

/** Group id lists for batchGet. */
export const groupIdListGen: fc.Arbitrary<Gen> = weighted(
  [
    10,
    fc
      .tuple(fc.array(weighted([40, validGroupIdGen], [1, groupIdGen]), { minLength: 1, maxLength: 8 }), listDress)
      .map(([ids, dress]) =>
        gen(
          `${dress} [${ids.map((id) => id.desc).join(', ')}]`,
          () =>
            dressedList(
              ids.map((id) => id.make()),
              dress,
            ),
          ids.some((id) => id.verdict) ? 'invalid' : undefined,
        ),
      ),
  ],
  [1, fc.constant(gen('[]', () => []))],
  [2, fc.constantFrom(...brokenListMakers).map((broken) => gen(broken.desc, () => broken.make('1001'), 'invalid'))],
  [1, hostileValue],
);

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);
export const nameGen: fc.Arbitrary<Gen> = weighted(
  [24, text.map(valueGen)],
  [1, fc.constantFrom('', megabyte, 'a\ud800b').map(valueGen)],
  [2, hostileValue],
);
export const optionalTextGen: fc.Arbitrary<Gen> = weighted(
  [5, fc.constant(absentGen)],
  [8, fc.oneof(text, fc.constant('')).map(valueGen)],
  [1, fc.constantFrom(megabyte, '\udc00').map(valueGen)],
  [2, hostileValue],
);
export const limitGen: fc.Arbitrary<Gen> = weighted(
  [5, fc.constant(absentGen)],
  [16, fc.integer({ min: 1, max: 100 }).map(valueGen)],
  [2, fc.constantFrom(0, 101, 1.5, -1, '5', 5n, NaN, null).map(valueGen)],
  [2, hostileValue],
);
