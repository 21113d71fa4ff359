import { inspect } from 'node:util';
import fc from 'fast-check';
import { fcParams } from './support/fc.js';
import { describe, expect, it } from 'vitest';
import { createSandbox, NimSandboxOptionsError } from '../src/index.js';

const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -1,
    0,
    1.5,
    2 ** 64,
    10n,
    '\ud800',
    'x'.repeat(100_000),
    null,
    [],
    [, 1],
    () => 1,
    Symbol('s'),
  ),
  fc.constant(
    Object.defineProperty({}, 'perSecond', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    }),
  ),
);
const optionNames = [
  'appKey',
  'appSecret',
  'accounts',
  'autoCreateAccounts',
  'firstGroupId',
  'limits',
  'rateLimit',
  'faults',
  'seed',
  'discovery',
  'unconfirmed',
] as const;

describe('createSandbox options', () => {
  it('either makes a sandbox or throws NimSandboxOptionsError, whatever each option is (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...optionNames), hostile, (name, value) => {
        try {
          const sandbox = createSandbox({ [name]: value } as never);
          expect(typeof sandbox.fetch).toBe('function');
        } catch (error) {
          expect(error).toBeInstanceOf(NimSandboxOptionsError);
          expect((error as NimSandboxOptionsError).issues.length).toBeGreaterThan(0);
          for (const issue of (error as NimSandboxOptionsError).issues) expect(issue.length).toBeLessThan(300);
        }
      }),
      fcParams(31, 400),
    );
  });

  it('names each problem', () => {
    const problems = (options: unknown) => {
      try {
        createSandbox(options as never);
        return [];
      } catch (error) {
        return (error as NimSandboxOptionsError).issues;
      }
    };
    expect(problems({ limits: { groupsPerAccount: -1 }, rateLimit: { blockMs: 5 }, seed: 1.5, colour: 'red' })).toEqual(
      [
        'options.colour is not an option',
        'seed must be an integer from 0 to 4294967295, got 1.5',
        'limits.groupsPerAccount must be an integer from 0 to Number.MAX_SAFE_INTEGER, got -1',
        'rateLimit.perSecond is required (e.g. 100)',
      ],
    );
    expect(problems({ firstGroupId: 9007199254740993 })).toEqual([
      expect.stringMatching(/^firstGroupId must be a positive int64/),
    ]);
    expect(problems({ faults: [{ operation: 'nope', kind: 418 }] })).toEqual([
      "faults[0].operation must be an operationId, 'health', 'allocate' or '*', got \"nope\"",
      "faults[0].kind must be 'latency', 'hang', 'reset', 416, 500, 502, 503, 504, 'malformed-json' or { code, msg? }, got 418",
    ]);
    expect(problems({ unconfirmed: { batchGetFailures: 'x', defaultPageLimit: 101 } })).toEqual([
      "unconfirmed.batchGetFailures must be 'failed_list' or 'fail_list', got \"x\"",
      'unconfirmed.defaultPageLimit must be an integer from 1 to 100, got 101',
    ]);
    expect(problems({ discovery: { endpoints: ['ftp://x'], ttl: 0 } })).toHaveLength(2);
  });

  it('turns a getter or Proxy that throws into NimSandboxOptionsError, the original as its cause', async () => {
    const boom = new Error('boom');
    const throwing = [
      Object.defineProperty({}, 'limits', {
        enumerable: true,
        get: () => {
          throw boom;
        },
      }),
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw boom;
          },
        },
      ),
      {
        limits: new Proxy(
          {},
          {
            ownKeys: () => {
              throw boom;
            },
          },
        ),
      },
      {
        accounts: {
          alice: {
            get groups() {
              throw boom;
            },
          },
        },
      },
    ];
    for (const options of throwing) {
      const error = (() => {
        try {
          createSandbox(options as never);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(NimSandboxOptionsError);
      expect((error as NimSandboxOptionsError).issues).toEqual([
        'options could not be read (a getter or Proxy threw): boom',
      ]);
      expect((error as Error).cause).toBe(boom);
    }
    const sandbox = createSandbox();
    await expect(
      sandbox.listen(
        Object.defineProperty({}, 'port', {
          enumerable: true,
          get: () => {
            throw boom;
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NimSandboxOptionsError', cause: boom });
  });

  it('refuses what would be ignored (unknown listen options, ms on a fault that is no latency) and describes arrays', async () => {
    const issues = (run: () => unknown) => {
      try {
        run();
        return [];
      } catch (error) {
        return (error as NimSandboxOptionsError).issues;
      }
    };
    expect(issues(() => createSandbox({ faults: [{ operation: '*', kind: 503, ms: 5 }] }))).toEqual([
      "faults[0].ms only applies to kind 'latency', got kind 503",
    ]);
    expect(issues(() => createSandbox({ faults: [{ operation: '*', kind: 'latency', ms: 5 }] }))).toEqual([]);
    expect(issues(() => createSandbox([] as never))).toEqual(['options must be an object, got an empty array']);
    expect(issues(() => createSandbox({ limits: [1, 2] as never }))).toEqual([
      'limits must be an object, got an array of 2',
    ]);
    expect(issues(() => createSandbox({ discovery: { endpoints: [] } }))).toEqual([
      'discovery.endpoints must be a non-empty array of URLs, got an empty array',
    ]);
    const sandbox = createSandbox();
    await expect(sandbox.listen({ foo: 1 } as never)).rejects.toMatchObject({
      name: 'NimSandboxOptionsError',
      issues: ['listen options.foo is not an option'],
    });
    await expect(sandbox.listen([] as never)).rejects.toMatchObject({
      issues: ['listen options must be an object, got an empty array'],
    });
  });

  it('never shows the AppSecret: not in errors, JSON, inspect or snapshots', () => {
    const secret = 'S3cr3t-value-of-the-app';
    const sandbox = createSandbox({ appSecret: secret });
    expect(sandbox.appSecret).toBe(secret);
    expect(JSON.stringify(sandbox)).not.toContain(secret);
    expect(inspect(sandbox, { depth: 5 })).not.toContain(secret);
    expect(JSON.stringify(sandbox.snapshot())).not.toContain(secret);
    let message = '';
    try {
      createSandbox({ appSecret: `${secret} with a space` });
    } catch (error) {
      message = `${(error as Error).message} ${inspect(error)}`;
    }
    expect(message).toMatch(/appSecret must be/);
    expect(message).not.toContain(secret);
  });

  it('generates credentials when none are given: the AppKey repeats under the same seed, the AppSecret never does', () => {
    const a = createSandbox({ seed: 9 });
    const b = createSandbox({ seed: 9 });
    expect(a.appKey).toMatch(/^[0-9a-f]{32}$/);
    expect(a.appSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(b.appKey).toBe(a.appKey);
    // From a cryptographic source, not from the 32-bit seed: knowing the seed (or finding it from the AppKey) gives nothing.
    expect(b.appSecret).not.toBe(a.appSecret);
    expect(createSandbox().appKey).not.toBe(createSandbox().appKey);
    expect(createSandbox({ seed: 9, appSecret: 'given-secret' }).appSecret).toBe('given-secret');
  });
});
