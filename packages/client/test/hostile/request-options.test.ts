// The last argument of every method, `{ signal, traceId, timeoutMs, maxRetries, retryUnsafe }`, generated in depth
// (the object itself and each field) with the method's valid input, against a correct server.
import { describe, it } from 'vitest';
import { checkInputCase } from './support/harness.js';
import { fixedInputCases } from './support/input-cases.js';
import { runProperty } from './support/property.js';
import { requestOptions } from './support/request-options.js';
import { methodNames } from './support/result-schemas.js';

const runsPerMethod = 120;

describe('the per-call options of every method, hostile', () => {
  for (const method of methodNames) {
    it(`${method} refuses bad options before sending and honours valid ones (trace id, abort, attempts)`, async () => {
      await runProperty(`options: ${method}`, fixedInputCases(method, requestOptions), checkInputCase, runsPerMethod);
    }, 120_000);
  }
});
