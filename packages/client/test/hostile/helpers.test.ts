// The helpers that send nothing — conversationId.p2p/team/superTeam, parseConversationId, checksum, isNimError,
// traceIdOf — with hostile arguments. Same invariant (support/outcome.ts): a correct result or a NimError, a
// NimValidationError exactly for what the rules refuse, no AppSecret in any message.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as client from '../../src/index.js';
import { appSecret, clientFor } from './support/harness.js';
import { type Gen, hostileValue, megabyte, show } from './support/hostile-values.js';
import { validAccountId } from './support/input-fields.js';
import { checkCall, type Observed } from './support/outcome.js';
import { described, runProperty } from './support/property.js';
import { createRecorder } from './support/recording-fetch.js';
import { rules, type Validity, worst } from './support/validity.js';
import { goodResponder } from './support/wire.js';

const { conversationId, parseConversationId, checksum, isNimError, traceIdOf } = client;

interface HelperCase {
  readonly verdict: Validity;
  call(): unknown;
  /** What a correct result is; `undefined` when the result is right. */
  problem(result: unknown): string | undefined;
  readonly secret?: string;
}

const offline = (secret = appSecret): Observed => ({
  recorder: createRecorder(goodResponder, 0),
  logLines: [],
  appKey: 'unused',
  appSecret: secret,
});
const check = (testCase: HelperCase) =>
  checkCall(() => testCase.call(), offline(testCase.secret), {
    input: testCase.verdict,
    offline: true,
    guardMs: 10_000,
    maxRequests: 0,
    semantic: (value) => testCase.problem(value),
  });
const expectEqual = (expected: unknown) => (actual: unknown) =>
  JSON.stringify(actual) === JSON.stringify(expected)
    ? undefined
    : `returned ${show(actual)}, expected ${show(expected)}`;
const valueGen = (value: unknown): Gen => ({ desc: show(value), make: () => value });
const arg = (valid: fc.Arbitrary<unknown>, near: readonly unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: valid.map(valueGen) },
    ...(near.length ? [{ weight: 1, arbitrary: fc.constantFrom(...near).map(valueGen) }] : []),
    { weight: 2, arbitrary: hostileValue },
  );
const made = (gen: Gen) =>
  gen.verdict ? { value: gen.make(), verdict: gen.verdict } : { value: gen.make(), verdict: undefined };

const accountArg = arg(validAccountId, ['', 'a'.repeat(33), 'al ice', 'a|b', 'é', megabyte]);
const teamArg = arg(
  fc.oneof(
    fc.stringMatching(/^[0-9]{1,32}$/),
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.bigInt({ min: 0n, max: 10n ** 20n }),
  ),
  ['', '-1', '1.5', '6001a', '1'.repeat(33), 1.5, -1, 2 ** 60, -0, -5n, 10n ** 40n],
);

function teamIdVerdict(value: unknown): Validity {
  if (typeof value === 'string') return /^[0-9]{1,32}$/.test(value) ? 'valid' : 'invalid';
  if (typeof value === 'bigint') return value >= 0n && String(value).length <= 32 ? 'valid' : 'invalid';
  if (typeof value === 'number')
    return Object.is(value, -0) || (Number.isInteger(value) && !Number.isSafeInteger(value))
      ? 'either'
      : Number.isSafeInteger(value) && value >= 0
        ? 'valid'
        : 'invalid';
  return 'invalid';
}

const builderCases = fc
  .tuple(fc.constantFrom('p2p', 'team', 'superTeam' as const), accountArg, fc.oneof(accountArg, teamArg))
  .map(([builder, ownerGen, targetGen]) => {
    const owner = made(ownerGen);
    const target = made(targetGen);
    const type = { p2p: 1, team: 2, superTeam: 3 }[builder];
    const targetVerdict =
      target.verdict ?? (builder === 'p2p' ? rules.accountId(target.value) : teamIdVerdict(target.value));
    const verdict = worst(owner.verdict ?? rules.accountId(owner.value), targetVerdict);
    const testCase: HelperCase = {
      verdict,
      call: () => (conversationId[builder] as (o: unknown, t: unknown) => unknown)(ownerGen.make(), targetGen.make()),
      problem:
        verdict === 'invalid' ? () => undefined : expectEqual(`${String(owner.value)}|${type}|${String(target.value)}`),
    };
    return described(testCase, `conversationId.${builder}(${ownerGen.desc}, ${targetGen.desc}) → ${verdict}`);
  });

const idArg = arg(
  fc.tuple(validAccountId, fc.constantFrom(1, 2, 3), validAccountId).map(([o, t, p]) => `${o}|${t}|${p}`),
  ['alice|4|bob', 'alice|1|', '|1|bob', 'alice|1|bob|x', 'alice||bob', `alice|1|${megabyte}`, 'alice|1|b\ud800'],
);
const parseCases = idArg.map((idGen) => {
  const { value, verdict: override } = made(idGen);
  const verdict = override ?? rules.conversationId(value, undefined);
  const [ownerId, type, targetId] = typeof value === 'string' ? value.split('|') : [];
  return described<HelperCase>(
    {
      verdict,
      call: () => parseConversationId(idGen.make() as string),
      problem: verdict === 'invalid' ? () => undefined : expectEqual({ ownerId, type: Number(type), targetId }),
    },
    `parseConversationId(${idGen.desc}) → ${verdict}`,
  );
});

const text = fc.oneof(
  { weight: 5, arbitrary: fc.string() },
  { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(megabyte) },
);
const checksumCases = fc
  .tuple(arg(fc.oneof(fc.constant(appSecret), text), []), arg(text, []), arg(text, []))
  .map((gens) => {
    const values = gens.map(made);
    const verdict = worst(
      ...values.map(({ value, verdict: v }) => v ?? (typeof value === 'string' ? 'valid' : 'invalid')),
    );
    const secret = typeof values[0]!.value === 'string' ? (values[0]!.value as string) : appSecret;
    const expected =
      verdict === 'valid'
        ? createHash('sha1')
            .update(values.map(({ value }) => value as string).join(''), 'utf8')
            .digest('hex')
        : undefined;
    return described<HelperCase>(
      {
        verdict,
        secret,
        call: () => (checksum as (...a: unknown[]) => unknown)(...gens.map((gen) => gen.make())),
        problem: expected === undefined ? () => undefined : expectEqual(expected),
      },
      `checksum(${gens.map((gen) => gen.desc).join(', ')}) → ${verdict}`,
    );
  });

const errorNames = [
  'NimError',
  'NimApiError',
  'NimParamError',
  'NimAuthError',
  'NimRateLimitError',
  'NimNotFoundError',
  'NimLimitExceededError',
  'NimHttpError',
  'NimResponseError',
  'NimValidationError',
  'NimTimeoutError',
  'NimConnectionError',
  'NimAbortError',
] as const;
const apiNames = new Set<string>(errorNames.slice(1, 7));
const details = { code: 414, msg: 'parameter error', httpStatus: 200, operationId: 'getConversationGroup' };
const realErrors: Record<(typeof errorNames)[number], () => Error> = {
  NimError: () => new client.NimError('boom'),
  NimApiError: () => new client.NimApiError(details),
  NimParamError: () => new client.NimParamError(details),
  NimAuthError: () => new client.NimAuthError(details),
  NimRateLimitError: () => new client.NimRateLimitError(details),
  NimNotFoundError: () => new client.NimNotFoundError(details),
  NimLimitExceededError: () => new client.NimLimitExceededError(details),
  NimHttpError: () => new client.NimHttpError(503, '<html>', {}),
  NimResponseError: () => new client.NimResponseError('not JSON', 'x', {}),
  NimValidationError: () => new client.NimValidationError([{ path: 'x', message: 'bad' }]),
  NimTimeoutError: () => new client.NimTimeoutError(10, {}),
  NimConnectionError: () => new client.NimConnectionError(false, {}),
  NimAbortError: () => new client.NimAbortError('aborted', {}),
};

const guardCases = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(...errorNames).map((name) => ({
          real: name as string | undefined,
          gen: { desc: `new ${name}`, make: realErrors[name] } as Gen,
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom<Gen>(
            { desc: 'new Error named NimError', make: () => Object.assign(new Error('x'), { name: 'NimError' }) },
            { desc: 'plain object named NimApiError', make: () => ({ name: 'NimApiError', code: 414 }) },
          )
          .map((gen) => ({ real: undefined, gen })),
      },
      { weight: 2, arbitrary: hostileValue.map((gen) => ({ real: undefined, gen })) },
    ),
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(undefined, ...errorNames, 'Bogus', 'toString', '__proto__').map(valueGen),
      },
      { weight: 1, arbitrary: hostileValue },
    ),
  )
  .map(([{ real, gen }, nameGen]) => {
    const name = nameGen.verdict ? Symbol('unreadable') : nameGen.make();
    const known = name === undefined || (typeof name === 'string' && (errorNames as readonly string[]).includes(name));
    const expected =
      real !== undefined &&
      (name === undefined || name === 'NimError' || name === real || (name === 'NimApiError' && apiNames.has(real)));
    return described<HelperCase>(
      {
        verdict: known ? 'valid' : 'either',
        call: () => (isNimError as (v: unknown, n?: unknown) => unknown)(gen.make(), nameGen.make()),
        problem: (result) =>
          typeof result !== 'boolean'
            ? `returned ${show(result)}`
            : known && result !== expected
              ? `returned ${result}, expected ${expected}`
              : !known && result
                ? 'true for an unknown name'
                : undefined,
      },
      `isNimError(${gen.desc}, ${nameGen.desc})`,
    );
  });

describe('the helpers that send nothing, given hostile arguments', () => {
  it('conversationId.p2p/team/superTeam build exactly owner|type|target or refuse with NimValidationError', async () => {
    await runProperty('helpers: conversationId', builderCases, check, 900);
  }, 60_000);

  it('parseConversationId takes apart exactly what the pattern allows and refuses the rest', async () => {
    await runProperty('helpers: parseConversationId', parseCases, check, 500);
  }, 60_000);

  it('checksum is the SHA-1 of the three strings, refuses anything else, and never quotes the AppSecret', async () => {
    await runProperty('helpers: checksum', checksumCases, check, 400);
  }, 60_000);

  it('isNimError answers a boolean for anything, true exactly for the named classes', async () => {
    await runProperty('helpers: isNimError', guardCases, check, 600);
  }, 60_000);

  it("traceIdOf gives a call's trace id for its result and undefined (or NimValidationError) for anything else", async () => {
    const { nim } = clientFor(goodResponder, 1);
    const group = await nim.conversationGroups.get('1001', { account_id: 'alice' }, { traceId: 'trace-of-get' });
    const cases = fc
      .oneof(
        { weight: 1, arbitrary: fc.constant({ desc: 'a result of get', make: () => group } as Gen) },
        { weight: 6, arbitrary: hostileValue },
      )
      .map((gen) =>
        described<HelperCase>(
          {
            verdict: typeof gen.make() === 'object' && gen.make() !== null ? 'valid' : 'either',
            call: () => traceIdOf(gen.make() as object),
            problem: expectEqual(gen.make() === group ? 'trace-of-get' : undefined),
          },
          `traceIdOf(${gen.desc})`,
        ),
      );
    await runProperty('helpers: traceIdOf', cases, check, 300);
  }, 60_000);
});
