// Hostile values and hostile containers. Every value is made afresh per call (`make`), so getters, counters and
// frozen objects start clean, and the same case can be built twice: once to judge it, once to call with it.
import fc from 'fast-check';
import type { Validity } from './validity.js';

/** A generated value. `verdict` overrides the rules where judging would itself run a Proxy trap. */
export interface Gen<T = unknown> {
  readonly desc: string;
  make(): T;
  readonly verdict?: Validity;
}

export const gen = <T>(desc: string, make: () => T, verdict?: Validity): Gen<T> => ({
  desc,
  make,
  ...(verdict && { verdict }),
});
export const constant = <T>(desc: string, value: T): Gen<T> => gen(desc, () => value);

export const megabyte = 'a'.repeat(1 << 20);
const hostileSymbol = Symbol('hostile');
/** What a flip-flop getter returns after its first read: refused by every rule, dropped by JSON, fatal to String(). */
export const secondRead = Symbol('second read');

/** A short, printable description of any value (fast-check prints cases with it; never the 1 MB strings). */
export function show(value: unknown, depth = 0): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 24) : value);
    return value.length > 40 ? `${quoted}…(${value.length} chars)` : quoted;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'symbol' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'function') return 'function';
  if (Array.isArray(value)) {
    if (depth > 2) return '[…]';
    const items = value
      .slice(0, 3)
      .map((item) => show(item, depth + 1))
      .join(', ');
    return `[${items}${value.length > 3 ? `, …${value.length} items` : ''}]`;
  }
  return Object.prototype.toString.call(value);
}

/** A Proxy whose every trap throws a plain Error (not a NimError). */
export function throwingProxy<T extends object>(target: T): T {
  const trap = () => {
    throw new Error('hostile proxy trap');
  };
  return new Proxy(target, {
    get: trap,
    has: trap,
    ownKeys: trap,
    getOwnPropertyDescriptor: trap,
    getPrototypeOf: trap,
    set: trap,
    defineProperty: trap,
    deleteProperty: trap,
    apply: trap,
    construct: trap,
  });
}

function circularObject() {
  const object: Record<string, unknown> = { name: 'loop' };
  object.self = object;
  return object;
}

/** Values of the wrong type or range for (nearly) every field; the rules judge each per field. */
export const hostileValues: readonly Gen[] = [
  constant('undefined', undefined),
  constant('null', null),
  constant('true', true),
  constant('0', 0),
  constant('-0', -0),
  constant('NaN', NaN),
  constant('Infinity', Infinity),
  constant('-Infinity', -Infinity),
  constant('2**31', 2 ** 31),
  constant('2**53', 2 ** 53),
  constant('-1', -1),
  constant('1.5', 1.5),
  constant('MAX_VALUE', Number.MAX_VALUE),
  constant('5n', 5n),
  constant('-5n', -5n),
  constant('2n**70n', 2n ** 70n),
  constant('Symbol', hostileSymbol),
  constant('""', ''),
  constant('" "', ' '),
  constant('1 MB string', megabyte),
  constant('lone surrogate', '\ud800'),
  constant('"a\\udc00b"', 'a\udc00b'),
  gen('{}', () => ({})),
  gen('[]', () => []),
  gen('[1]', () => [1]),
  gen('circular object', circularObject),
  gen('circular array', () => {
    const array: unknown[] = [];
    array.push(array);
    return array;
  }),
  gen('object with a throwing getter', () => ({
    get value() {
      throw new Error('hostile getter');
    },
  })),
  gen('throwing Proxy', () => throwingProxy({}), 'invalid'),
  gen('throwing array Proxy', () => throwingProxy([] as unknown[]), 'invalid'),
  gen('Object.create(null)', () => Object.create(null) as object),
  gen('object with toJSON', () => ({ toJSON: () => 'alice' })),
  gen('function', () => () => 'alice'),
  gen('new String("alice")', () => new String('alice')),
  gen('new Number(5)', () => new Number(5)),
  gen('Date', () => new Date(0)),
  gen('Map', () => new Map([['account_id', 'alice']])),
  gen('Promise', () => Promise.resolve('alice')),
  gen('fake AbortSignal', () => ({
    aborted: false,
    reason: undefined,
    addEventListener() {},
    removeEventListener() {},
  })),
  gen('EventTarget', () => new EventTarget()),
];

export const hostileValue: fc.Arbitrary<Gen> = fc.constantFrom(...hostileValues);

/** Ways to hand over a list of `item` that are never a valid list: a hole, sparse, array-likes, a Proxy. */
export const brokenListMakers: ReadonlyArray<{ readonly desc: string; make(item: unknown): unknown }> = [
  {
    desc: 'array with a hole',
    make: (item) => {
      const list = [item, item];
      delete list[0];
      return list;
    },
  },
  {
    desc: 'sparse array',
    make: (item) => {
      const list: unknown[] = [];
      list[3] = item;
      return list;
    },
  },
  { desc: 'array-like object', make: (item) => ({ length: 1, 0: item }) },
  { desc: 'Set', make: (item) => new Set([item]) },
  { desc: 'throwing array Proxy', make: (item) => throwingProxy([item]) },
];

/** Extra things valid lists may carry that must not reach the wire: a toJSON, extra properties, freezing. */
export function dressedList<T>(items: readonly T[], dress: 'plain' | 'toJSON' | 'extra' | 'frozen'): T[] {
  const list = [...items];
  if (dress === 'toJSON') Object.defineProperty(list, 'toJSON', { value: () => ['mallory|1|eve'] });
  if (dress === 'extra') Object.assign(list, { extra: 'not sent' });
  if (dress === 'frozen') Object.freeze(list);
  return list;
}
export const listDress = fc.constantFrom('plain', 'toJSON', 'extra', 'frozen' as const);

/** How the fields are handed over. */
export type ContainerKind =
  | 'plain'
  | 'frozen'
  | 'extra fields'
  | 'toJSON'
  | 'getters'
  | 'flip-flop getter'
  | 'inherited'
  | 'null prototype'
  | 'class instance'
  | 'throwing Proxy';
export const containerKind: fc.Arbitrary<ContainerKind> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('plain' as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<ContainerKind>(
      'frozen',
      'extra fields',
      'toJSON',
      'getters',
      'flip-flop getter',
      'inherited',
      'null prototype',
      'class instance',
      'throwing Proxy',
    ),
  },
);

/** What the container kind adds to the verdict: inherited fields are left open, an unreadable object is refused. */
export const containerVerdict = (kind: ContainerKind): Validity =>
  kind === 'throwing Proxy' ? 'invalid' : kind === 'inherited' ? 'either' : 'valid';
/** Whether the caller's object can be compared before and after the call (no getters, no traps). */
export const comparable = (kind: ContainerKind) => !['getters', 'flip-flop getter', 'throwing Proxy'].includes(kind);

class CallerInput {}

/** Builds the object a caller passes, holding `fields` (already made values) in the way `kind` says. */
export function container(kind: ContainerKind, fields: Record<string, unknown>): object {
  const entries = Object.entries(fields);
  switch (kind) {
    case 'plain':
      return { ...fields };
    case 'frozen':
      return Object.freeze({ ...fields });
    case 'extra fields':
      return { ...fields, extra: 'not sent', group_id: '1' };
    case 'toJSON':
      return { ...fields, toJSON: () => ({ account_id: 'mallory', name: 'not what was validated' }) };
    case 'null prototype':
      return Object.assign(Object.create(null) as object, fields);
    case 'class instance':
      return Object.assign(new CallerInput(), fields);
    case 'inherited':
      return Object.create({ ...fields }) as object;
    case 'throwing Proxy':
      return throwingProxy({ ...fields });
    case 'getters':
      return Object.defineProperties(
        {},
        Object.fromEntries(entries.map(([key, value]) => [key, { get: () => value, enumerable: true }])),
      );
    case 'flip-flop getter': {
      // The first field answers its value once, then something refused: the client must use what it validated.
      const [[flipKey, flipValue] = ['account_id', undefined], ...rest] = entries;
      let reads = 0;
      const object: Record<string, unknown> = Object.fromEntries(rest);
      Object.defineProperty(object, flipKey, { get: () => (reads++ === 0 ? flipValue : secondRead), enumerable: true });
      return object;
    }
  }
}

/** A comparable description of a caller's object, to prove it was not mutated (never runs into a trap). */
export function snapshot(value: unknown, depth = 0, seen = new Set<unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? 'function' : value;
  if (seen.has(value) || depth > 3) return '[seen]';
  seen.add(value);
  try {
    const keys = Reflect.ownKeys(value).filter((key) => typeof key === 'string');
    const out = keys.map((key) => [key, snapshot((value as Record<string, unknown>)[key], depth + 1, seen)]);
    return [Object.isFrozen(value), Array.isArray(value), out];
  } catch {
    return '[unreadable]';
  }
}
