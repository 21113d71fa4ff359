import { NimValidationError } from '@nim-api/client';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { createRedisRateLimiter } from '../src/index.js';
import { connectRedis } from './support/connections.js';

const port = inject('redisPort');
const valid = () => ({ redis: connectRedis(port, { lazyConnect: true }), appKey: 'app', perSecond: 95, expectedProcesses: 4 });

// Each option with values it accepts; anything else must be refused.
const accepted: Record<string, (value: unknown) => boolean> = {
  appKey: (v) => typeof v === 'string' && v.length > 0 && v.length <= 256,
  perSecond: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
  expectedProcesses: (v) => Number.isSafeInteger(v) && (v as number) >= 1,
  burst: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1),
  keyPrefix: (v) => v === undefined || (typeof v === 'string' && v.length <= 256 && !/[{}]/.test(v)),
  blockMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  onBlocked: (v) => v === undefined || v === 'wait' || v === 'fail',
  redisTimeoutMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  probeIntervalMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  maxLateMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3_600_000),
  rejoinMs: (v) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 3_600_000),
};

const hostile = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.integer({ min: -5, max: 4_000_000 }),
  fc.bigInt(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('wait', 'fail', '{x}', 'a'.repeat(257), Number.NaN, Infinity, -0, 1e21, null, undefined),
);

describe('createRedisRateLimiter options', () => {
  it('accepts the required four and fills in every default', () => {
    const limiter = createRedisRateLimiter(valid());
    expect(limiter.stats()).toEqual({ mode: 'redis', redisPermits: 0, fallbackPermits: 0, late: 0, blocked: 0, reports: 0, fallbacks: 0, recoveries: 0 });
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
          expect((thrown as NimValidationError).issues.map((issue) => issue.path)).toEqual([name]);
        }
      }),
      { seed: 15, numRuns: 1_000 },
    );
  });

  it('refuses a missing or foreign redis, a missing option object and a logger without warn/info', () => {
    for (const options of [undefined, null, 42, {}, { ...valid(), redis: {} }, { ...valid(), redis: { evalsha: () => 0 } }, { ...valid(), logger: { warn() {} } }]) {
      expect(() => createRedisRateLimiter(options as never)).toThrow(NimValidationError);
    }
  });

  it('quotes a refused value cut short, and survives values that cannot be printed', () => {
    const error = (() => {
      try {
        createRedisRateLimiter({ ...valid(), appKey: 'k'.repeat(500), perSecond: { toString() { throw new Error('no'); } } } as never);
      } catch (e) {
        return e as NimValidationError;
      }
      throw new Error('accepted');
    })();
    expect(error.issues.map((issue) => issue.path)).toEqual(['appKey', 'perSecond']);
    expect(error.message.length).toBeLessThan(400);
  });
});
