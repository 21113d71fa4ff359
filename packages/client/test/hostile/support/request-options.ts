// The last argument of every method, `{ signal, traceId, timeoutMs, maxRetries, retryUnsafe }`, generated whole:
// the object (absent, null, not an object, any container kind) and each field (valid, near misses, hostile).
import fc from 'fast-check';
import { absent, absentGen } from './input-fields.js';
import {
  type ContainerKind,
  container,
  containerKind,
  containerVerdict,
  constant,
  type Gen,
  gen,
  hostileValue,
  show,
} from './hostile-values.js';
import { maxTimerMs, rules, type Validity, worst } from './validity.js';

const valueGen = (value: unknown): Gen => constant(show(value), value);

const fieldGens = {
  signal: fc.oneof(
    { weight: 4, arbitrary: fc.constant(absentGen) },
    { weight: 3, arbitrary: fc.constant(gen('AbortSignal', () => new AbortController().signal)) },
    {
      weight: 1,
      arbitrary: fc.constant(gen('aborted AbortSignal', () => AbortSignal.abort(new Error('caller gave up')))),
    },
    { weight: 1, arbitrary: fc.constant(constant('null', null)) },
    { weight: 2, arbitrary: hostileValue },
  ),
  traceId: fc.oneof(
    { weight: 4, arbitrary: fc.constant(absentGen) },
    { weight: 3, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,128}$/).map(valueGen) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a'.repeat(129), 'a b', 'a\nb', 'trace-é', '\ud800').map(valueGen) },
    { weight: 2, arbitrary: hostileValue },
  ),
  timeoutMs: fc.oneof(
    { weight: 4, arbitrary: fc.constant(absentGen) },
    { weight: 3, arbitrary: fc.integer({ min: 1_000, max: maxTimerMs }).map(valueGen) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }).map(valueGen) },
    { weight: 2, arbitrary: fc.constantFrom(0, -1, 1.5, NaN, Infinity, 2 ** 31, '100', 100n).map(valueGen) },
    { weight: 2, arbitrary: hostileValue },
  ),
  maxRetries: fc.oneof(
    { weight: 4, arbitrary: fc.constant(absentGen) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }).map(valueGen) },
    { weight: 2, arbitrary: fc.constantFrom(-1, 11, 1.5, NaN, Infinity, '2', 'abc', 2n, null, true).map(valueGen) },
    { weight: 2, arbitrary: hostileValue },
  ),
  retryUnsafe: fc.oneof(
    { weight: 4, arbitrary: fc.constant(absentGen) },
    { weight: 3, arbitrary: fc.boolean().map(valueGen) },
    { weight: 1, arbitrary: fc.constantFrom('yes', 1, 0, null).map(valueGen) },
    { weight: 1, arbitrary: hostileValue },
  ),
};
type FieldName = keyof typeof fieldGens;

/** What the options of one call are and what follows from them. */
export interface OptionsCase {
  readonly desc: string;
  /** The argument afresh (`undefined` when the call leaves it out). */
  make(): unknown;
  readonly verdict: Validity;
  /** Valid fields that change the expectation. */
  readonly traceId?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly aborted: boolean;
}

type Holder = { kind: 'left out' } | { kind: 'null' } | { kind: 'not an object'; value: Gen } | { kind: ContainerKind };

function assemble(holder: Holder, fields: Record<FieldName, Gen>): OptionsCase {
  const makeFields = () =>
    Object.fromEntries(
      Object.entries(fields)
        .map(([key, field]) => [key, field.make()])
        .filter(([, value]) => value !== absent),
    );
  const values = makeFields() as Partial<Record<FieldName, unknown>>;
  const shown = Object.entries(fields)
    .filter(([, field]) => field !== absentGen)
    .map(([key, field]) => `${key}: ${field.desc}`);
  const base = { aborted: false, desc: `${holder.kind} {${shown.join(', ')}}` };
  switch (holder.kind) {
    case 'left out':
      return { ...base, desc: 'no options', make: () => undefined, verdict: 'valid' };
    case 'null':
      return { ...base, desc: 'options null', make: () => null, verdict: 'either' };
    case 'not an object': {
      // An object or function without option fields acts as `{}`; a primitive is the wrong type.
      const value = holder.value.make();
      const objectLike = (typeof value === 'object' && value !== null) || typeof value === 'function';
      return {
        ...base,
        desc: `options ${holder.value.desc}`,
        make: () => holder.value.make(),
        verdict: holder.value.verdict ?? (objectLike ? 'either' : 'invalid'),
      };
    }
  }
  const verdicts = (Object.keys(fields) as FieldName[]).map((key) => fields[key].verdict ?? rules[key](values[key]));
  const verdict = worst(containerVerdict(holder.kind), ...verdicts);
  const validField = <T>(key: FieldName) =>
    !fields[key].verdict && rules[key](values[key]) === 'valid' ? (values[key] as T) : undefined;
  const signal = validField<AbortSignal>('signal');
  return {
    ...base,
    make: () => container(holder.kind as ContainerKind, makeFields()),
    verdict,
    traceId: validField<string>('traceId'),
    timeoutMs: validField<number>('timeoutMs'),
    maxRetries: validField<number>('maxRetries'),
    aborted: signal?.aborted === true,
  };
}

const holder: fc.Arbitrary<Holder> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'left out' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'null' as const }) },
  {
    weight: 1,
    arbitrary: hostileValue
      .filter((value) => value.desc !== 'undefined' && value.desc !== 'null')
      .map((value) => ({ kind: 'not an object' as const, value })),
  },
  { weight: 8, arbitrary: containerKind.map((kind) => ({ kind })) },
);

/** Options generated in depth: every field and the object itself. */
export const requestOptions: fc.Arbitrary<OptionsCase> = fc
  .tuple(holder, fc.record(fieldGens))
  .map(([h, fields]) => assemble(h, fields));

/** No last argument. */
export const noOptions = assemble(
  { kind: 'left out' },
  { signal: absentGen, traceId: absentGen, timeoutMs: absentGen, maxRetries: absentGen, retryUnsafe: absentGen },
);

/** Options for properties about something else: mostly none, sometimes anything. */
export const lightRequestOptions: fc.Arbitrary<OptionsCase> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(noOptions) },
  { weight: 1, arbitrary: requestOptions },
);
