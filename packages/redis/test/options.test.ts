import { NimValidationError } from '@nim-api/client';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter } from '../src/index.js';
import { connectRedis } from './support/connections.js';

const port = inject('redisPort');
const valid = () => ({
  redis: connectRedis(port, { lazyConnect: true }),
  appKey: 'app',
  perSecond: 95,
  expectedProcesses: 4,
});

// Each option with values it accepts; anything else must be refused.
// The property runs read their seed from FC_SEED (fast-check prints it with any counterexample).
const seed = Number(process.env.FC_SEED ?? 15);
const accepted: Record<string, (value: unknown) => boolean> = {
  appKey: (v) => typeof v === 'string' && v.length > 0 && v.length <= 256 && !/\p{Surrogate}/u.test(v),
  // With expectedProcesses 4 the fallback share perSecond / 4 must be at least 0.001 too.
  perSecond: (v) => typeof v === 'number' && v >= 0.004 && v <= 1e6,
  expectedProcesses: (v) => Number.isSafeInteger(v) && (v as number) >= 1 && 95 / (v as number) >= 0.001,
  burst: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1),
  keyPrefix: (v) =>
    v === undefined || (typeof v === 'string' && v.length <= 256 && !/[{}]/.test(v) && !/\p{Surrogate}/u.test(v)),
  blockMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  onBlocked: (v) => v === undefined || v === 'wait' || v === 'fail',
  redisTimeoutMs: (v) =>
    v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  probeIntervalMs: (v) =>
    v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  maxLateMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  maxWaitMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  rejoinMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 3_600_000),
};

const hostile = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.integer({ min: -5, max: 4_000_000 }),
  fc.bigInt(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('wait', 'fail', '{x}', 'a'.repeat(257), Number.NaN, Infinity, -0, 1e21, null, undefined),
  // the edges of perSecond, and AppKeys with lone surrogates (sent to Redis as U+FFFD, so two would share a key)
  fc.constantFrom(1e-7, 0.001, 0.002, 0.004, 1e6, 1e6 + 1, 5e-324, 'app\uD800', 'app\uDFFF', 'ok\uD83D\uDE00'),
);

function catchError(make: () => unknown): NimValidationError {
  try {
    make();
  } catch (error) {
    return error as NimValidationError;
  }
  throw new Error('accepted');
}

describe('createRedisRateLimiter options', () => {
  it('accepts the required four and fills in every default', () => {
    const limiter = createRedisRateLimiter(valid());
    expect(limiter.stats()).toEqual({
      mode: 'redis',
      resets: 0,
      redisPermits: 0,
      fallbackPermits: 0,
      late: 0,
      blocked: 0,
      reports: 0,
      fallbacks: 0,
      recoveries: 0,
    });
  });

  it('refuses any hostile value of any option with one NimValidationError naming it, and accepts the rest', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(accepted)), hostile, (name, value) => {
        let thrown: unknown;
        try {
          createRedisRateLimiter({ ...valid(), [name]: value } as never);
        } catch (error) {
          thrown = error;
        }
        if (accepted[name]!(value)) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(NimValidationError);
          // A rate allowed on its own but too small to share among 4 processes is the share's problem.
          const shareOnly = name === 'perSecond' && typeof value === 'number' && value >= 0.001 && value < 0.004;
          expect((thrown as NimValidationError).issues.map((issue) => issue.path)).toEqual([
            shareOnly ? 'expectedProcesses' : name,
          ]);
        }
      }),
      { seed, numRuns: 1_000 },
    );
  });

  it('refuses a missing or foreign redis, a missing option object and a logger without warn/info', () => {
    for (const options of [
      undefined,
      null,
      42,
      {},
      { ...valid(), redis: {} },
      { ...valid(), redis: { evalsha: () => 0 } },
      { ...valid(), logger: { warn() {} } },
    ]) {
      expect(() => createRedisRateLimiter(options as never)).toThrow(NimValidationError);
    }
  });

  it('refuses an unknown option (a misspelt one would silently keep its default)', () => {
    const error = catchError(() => createRedisRateLimiter({ ...valid(), blockMS: 5_000 } as never));
    expect(error).toBeInstanceOf(NimValidationError);
    expect(error.issues).toEqual([{ path: '"blockMS"', message: 'is not an option of createRedisRateLimiter' }]);
  });

  it('turns a throwing getter or Proxy trap into a NimValidationError, not a raw error', () => {
    const getter = Object.defineProperty({ ...valid() }, 'perSecond', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(valid(), {
      ownKeys() {
        throw new Error('trap');
      },
    });
    const traps = new Proxy(valid(), {
      get() {
        throw new TypeError('trap');
      },
    });
    for (const options of [getter, proxy, traps]) {
      const error = catchError(() => createRedisRateLimiter(options as never));
      expect(error).toBeInstanceOf(NimValidationError);
      expect(error.message).toMatch(/could not be read/);
    }
  });

  it('refuses a fallback share below 0.001 a second, naming expectedProcesses (not the bucket it would make)', () => {
    const error = catchError(() => createRedisRateLimiter({ ...valid(), perSecond: 0.01, expectedProcesses: 100 }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['expectedProcesses']);
    expect(error.message).not.toMatch(/createTokenBucketLimiter|options\.perSecond/);
  });

  it('quotes a refused value cut short, and survives values that cannot be printed', () => {
    const error = (() => {
      try {
        createRedisRateLimiter({
          ...valid(),
          appKey: 'k'.repeat(500),
          perSecond: {
            toString() {
              throw new Error('no');
            },
          },
        } as never);
      } catch (e) {
        return e as NimValidationError;
      }
      throw new Error('accepted');
    })();
    expect(error.issues.map((issue) => issue.path)).toEqual(['appKey', 'perSecond']);
    expect(error.message.length).toBeLessThan(400);
  });
});
