// A hostile transport under every operation: a fetch that rejects or throws with anything (null, undefined, a
// string, a number, a frozen object, a Symbol, a code-less Error, a Proxy), resolves with something that is not
// a Response, hands over a body stream that errors or stalls, or never answers (with or without honouring the
// abort signal). Every call must end in time with the right NimError.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkAnswers } from './support/harness.js';
import { throwingProxy } from './support/hostile-values.js';
import { described, runProperty } from './support/property.js';
import { type Responder, tick } from './support/recording-fetch.js';
import { methodNames } from './support/result-schemas.js';

const runsPerMethod = 50;
/** Small per-attempt deadline for plans that never answer, so a run stays fast. */
const hangTimeoutMs = 30;

const thrownValues: ReadonlyArray<[string, () => unknown]> = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a string', () => 'socket hang up'],
  ['a number', () => 42],
  ['a frozen object', () => Object.freeze({ reason: 'frozen' })],
  ['a frozen Error', () => Object.freeze(new Error('frozen'))],
  ['a Symbol', () => Symbol('network')],
  ['a code-less Error', () => new Error('no code')],
  ['ECONNREFUSED', () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  [
    'fetch failed (ECONNRESET)',
    () => new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }),
  ],
  ['a throwing Proxy', () => throwingProxy({})],
];

const stream = (start: (controller: ReadableStreamDefaultController<Uint8Array>) => void) =>
  new ReadableStream<Uint8Array>({ start });
const bytes = new TextEncoder().encode('{"code":200,"msg":"succ');

interface Plan {
  readonly responder: Responder;
  readonly errorNames: readonly string[];
  readonly hangs: boolean;
}
const plan = (desc: string, responder: Responder, errorNames: readonly string[], hangs = false) =>
  described<Plan>({ responder, errorNames, hangs }, desc);

const plans: fc.Arbitrary<Plan> = fc.oneof(
  fc.constantFrom(...thrownValues).map(([desc, make]) =>
    plan(
      `fetch rejects with ${desc}`,
      async ({ request }) => {
        await request;
        await tick();
        throw make();
      },
      ['NimConnectionError'],
    ),
  ),
  fc.constantFrom(...thrownValues).map(([desc, make]) =>
    plan(`fetch throws ${desc} synchronously`, () => {
      throw make();
    }, ['NimConnectionError']),
  ),
  fc
    .constantFrom<[string, unknown]>(
      ['undefined', undefined],
      ['null', null],
      ['{}', {}],
      ['5', 5],
      ['a string', '{"code":200}'],
      [
        'a Response-like object',
        { status: 200, ok: true, headers: new Headers(), text: async () => '{"code":200,"msg":"","data":{}}' },
      ],
    )
    .map(([desc, value]) =>
      plan(`fetch resolves with ${desc}`, async () => {
        await tick();
        return value;
      }, ['NimConnectionError', 'NimResponseError']),
    ),
  fc.constantFrom(200, 503).map((status) =>
    plan(`HTTP ${status}, the body stream errors with a code-less Error`, async () => {
      await tick();
      return new Response(
        stream((c) => c.error(new Error('stream broke'))),
        { status },
      );
    }, ['NimConnectionError', 'NimResponseError']),
  ),
  fc.constant(
    plan('HTTP 200, the body stream errors after a few bytes', async () => {
      await tick();
      return new Response(
        stream((c) => {
          c.enqueue(bytes);
          setTimeout(() => c.error(new Error('stream broke')), 1);
        }),
        { status: 200 },
      );
    }, ['NimConnectionError', 'NimResponseError']),
  ),
  fc.constant(
    plan(
      'HTTP 200, the body stream stalls forever',
      async () => {
        await tick();
        return new Response(
          stream((c) => c.enqueue(bytes)),
          { status: 200 },
        );
      },
      ['NimTimeoutError'],
      true,
    ),
  ),
  fc.constant(
    plan(
      'fetch never answers (honours the abort signal)',
      ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
      ['NimTimeoutError'],
      true,
    ),
  ),
  fc.constant(
    plan('fetch never answers (ignores the abort signal)', () => new Promise(() => {}), ['NimTimeoutError'], true),
  ),
);

describe('every operation over a hostile transport', () => {
  for (const method of methodNames) {
    it(`${method} turns whatever the transport does into a NimConnectionError, NimResponseError or NimTimeoutError, in time`, async () => {
      const cases = fc
        .tuple(plans, fc.integer({ min: 0, max: 2 }))
        .map(([p, maxRetries]) => described({ p, maxRetries }, `${fc.stringify(p)}, maxRetries ${maxRetries}`));
      await runProperty(
        `transport: ${method}`,
        cases,
        ({ p, maxRetries }) =>
          checkAnswers(
            method,
            { responder: p.responder, mustResolve: false, errorNames: p.errorNames },
            { maxRetries, timeoutMs: p.hangs ? hangTimeoutMs : 2_000, slackMs: 1_500 },
          ),
        runsPerMethod,
      );
    }, 120_000);
  }
});
