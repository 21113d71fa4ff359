import { describe, expect, it } from 'vitest';
import { createApiError } from '../../src/errors/error-codes.js';
import {
  NimApiError,
  NimAuthError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
} from '../../src/errors/errors.js';

describe('createApiError maps each body code to one class', () => {
  const table: Array<[number, typeof NimApiError]> = [
    [414, NimParamError],
    [403, NimAuthError],
    [416, NimRateLimitError],
    [102404, NimNotFoundError],
    [108404, NimNotFoundError],
    [110404, NimNotFoundError],
    [116404, NimNotFoundError],
    [116435, NimLimitExceededError],
    [116437, NimLimitExceededError],
    [110304, NimLimitExceededError],
  ];
  for (const [code, ErrorClass] of table) {
    it(`${code} → ${ErrorClass.name}`, () => {
      const error = createApiError({ code, msg: 'm', httpStatus: 200, operationId: 'op', traceId: 't' });
      expect(Object.getPrototypeOf(error)).toBe(ErrorClass.prototype);
      expect(error).toMatchObject({ code, msg: 'm', httpStatus: 200, operationId: 'op', traceId: 't' });
    });
  }

  for (const code of [110449, 110302, 500, 0, 200404]) {
    it(`${code} → a plain NimApiError`, () => {
      const error = createApiError({ code, msg: '', httpStatus: 200 });
      expect(Object.getPrototypeOf(error)).toBe(NimApiError.prototype);
      expect(error.name).toBe('NimApiError');
    });
  }
});
