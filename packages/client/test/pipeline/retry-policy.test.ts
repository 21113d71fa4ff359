import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NimAbortError,
  NimApiError,
  NimAuthError,
  NimConnectionError,
  type NimError,
  NimHttpError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
  NimResponseError,
  NimTimeoutError,
  NimValidationError,
} from '../../src/errors/errors.js';
import {
  isHostFailure,
  mayHaveRun,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
} from '../../src/pipeline/retry-policy.js';

const context = { operationId: 'op', traceId: 't' };
const api = (code: number, ErrorClass: typeof NimApiError = NimApiError) =>
  new ErrorClass({ ...context, code, msg: '', httpStatus: 200 });
const http = (status: number) => new NimHttpError(status, '', context);
const errors: Record<string, NimError> = {
  'code 416': api(416, NimRateLimitError),
  'connection refused (never sent)': new NimConnectionError(false, context),
  'connection reset (maybe sent)': new NimConnectionError(true, context),
  timeout: new NimTimeoutError(10, context),
  'HTTP 502': http(502),
  'HTTP 503': http(503),
  'HTTP 504': http(504),
  'HTTP 500': http(500),
  'HTTP 501': http(501),
  'HTTP 429': http(429),
  'HTTP 404': http(404),
  'HTTP 400': http(400),
  'code 500': api(500),
  'code 414': api(414, NimParamError),
  'code 403': api(403, NimAuthError),
  'code 116404': api(116404, NimNotFoundError),
  'code 116435': api(116435, NimLimitExceededError),
  'code 110449': api(110449),
  'response error': new NimResponseError('not JSON', '', context),
  'validation error': new NimValidationError([{ path: 'a', message: 'b' }]),
  abort: new NimAbortError('aborted', context),
};

// [error, safe operation, unsafe operation (create), unsafe with retryUnsafe]
const table: Array<[keyof typeof errors, boolean, boolean, boolean]> = [
  ['code 416', true, true, true],
  ['connection refused (never sent)', true, true, true],
  ['connection reset (maybe sent)', true, false, true],
  ['timeout', true, false, true],
  ['HTTP 502', true, false, true],
  ['HTTP 503', true, false, true],
  ['HTTP 504', true, false, true],
  ['HTTP 500', false, false, false],
  ['HTTP 501', false, false, false],
  ['HTTP 429', false, false, false],
  ['HTTP 404', false, false, false],
  ['HTTP 400', false, false, false],
  ['code 500', false, false, false],
  ['code 414', false, false, false],
  ['code 403', false, false, false],
  ['code 116404', false, false, false],
  ['code 116435', false, false, false],
  ['code 110449', false, false, false],
  ['response error', false, false, false],
  ['validation error', false, false, false],
  ['abort', false, false, false],
];

describe('shouldRetry', () => {
  for (const [name, safe, unsafe, unsafeAllowed] of table) {
    it(`${name}: safe ${safe}, unsafe create ${unsafe}, create with retryUnsafe ${unsafeAllowed}`, () => {
      const error = errors[name]!;
      expect(shouldRetry(error, 1, { maxRetries: 2, unsafe: false, retryUnsafe: false })).toBe(safe);
      expect(shouldRetry(error, 1, { maxRetries: 2, unsafe: true, retryUnsafe: false })).toBe(unsafe);
      expect(shouldRetry(error, 1, { maxRetries: 2, unsafe: true, retryUnsafe: true })).toBe(unsafeAllowed);
      // retryUnsafe changes nothing for a safe operation
      expect(shouldRetry(error, 1, { maxRetries: 2, unsafe: false, retryUnsafe: true })).toBe(safe);
    });
  }

  it('allows exactly maxRetries retries: after attempt maxRetries + 1 it says no', () => {
    const error = errors['HTTP 503']!;
    const policy = { maxRetries: 2, unsafe: false, retryUnsafe: false };
    expect([1, 2, 3, 4].map((attempt) => shouldRetry(error, attempt, policy))).toEqual([true, true, false, false]);
  });

  it('never retries with maxRetries 0, whatever the error', () => {
    for (const error of Object.values(errors)) {
      expect(shouldRetry(error, 1, { maxRetries: 0, unsafe: false, retryUnsafe: true })).toBe(false);
    }
  });
});

describe('isHostFailure and mayHaveRun', () => {
  it('a host failure is a connection error, a timeout or a 5xx — never a business error', () => {
    const failing = Object.entries(errors)
      .filter(([, error]) => isHostFailure(error))
      .map(([name]) => name);
    expect(failing.sort()).toEqual(
      [
        'HTTP 500',
        'HTTP 501',
        'HTTP 502',
        'HTTP 503',
        'HTTP 504',
        'connection refused (never sent)',
        'connection reset (maybe sent)',
        'timeout',
      ].sort(),
    );
  });

  it('a create may have run after a timeout, a connection that carried it, or a 5xx', () => {
    const maybe = Object.entries(errors)
      .filter(([, error]) => mayHaveRun(error))
      .map(([name]) => name);
    expect(maybe.sort()).toEqual(
      ['HTTP 500', 'HTTP 501', 'HTTP 502', 'HTTP 503', 'HTTP 504', 'connection reset (maybe sent)', 'timeout'].sort(),
    );
  });
});

describe('retryDelayMs', () => {
  it('is exponential from 200 ms with full jitter between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, () => 0))).toEqual([100, 200, 400, 800]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, () => 0.999999))).toEqual([
      200, 400, 800, 1600,
    ]);
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(300);
  });

  it('is capped at 5 s', () => {
    expect(retryDelayMs(6, undefined, () => 0.999999)).toBe(5000);
    expect(retryDelayMs(50, undefined, () => 0.999999)).toBe(5000);
    expect(retryDelayMs(50, undefined, () => 0)).toBe(2500);
  });

  it('stays within [ceiling/2, ceiling] for any attempt and any random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, random) => {
          const ceiling = Math.min(5000, 200 * 2 ** (attempt - 1));
          const delay = retryDelayMs(attempt, undefined, () => random);
          return Number.isInteger(delay) && delay >= ceiling / 2 && delay <= ceiling;
        },
      ),
    );
  });

  it("follows the server's Retry-After, capped at 30 s and never negative, ignoring jitter", () => {
    expect(retryDelayMs(1, 1234, () => 0.5)).toBe(1234);
    expect(retryDelayMs(1, 0, () => 0.5)).toBe(0);
    expect(retryDelayMs(1, 120_000, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, -5, () => 0.5)).toBe(0);
  });

  it('uses Math.random by default', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = retryDelayMs(1, undefined);
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(200);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left from now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
  });

  it('treats a past date or a negative number as 0', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-4', now)).toBe(0);
  });

  it('is undefined without a usable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
