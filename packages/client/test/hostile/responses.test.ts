// Hostile answers to every operation: code-200 data of the wrong shape, padded or broken envelopes, business
// error codes, non-200 statuses with hostile bodies (support/responses.ts), and chains of pages for the iterator.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkAnswers } from './support/harness.js';
import { described, runProperty } from './support/property.js';
import { responseCases } from './support/responses.js';
import { methodNames } from './support/result-schemas.js';

const runsPerMethod = 250;
const settings = fc.integer({ min: 0, max: 2 }).map((maxRetries) => ({ maxRetries, timeoutMs: 2_000 }));

describe('every operation given hostile answers', () => {
  for (const method of methodNames) {
    it(`${method} resolves with exactly the valid data it was sent, and with a NimError of the right class otherwise`, async () => {
      const cases = fc
        .tuple(responseCases(method), settings)
        .map(([answers, s]) =>
          described({ answers, settings: s }, `${fc.stringify(answers)}, maxRetries ${s.maxRetries}`),
        );
      await runProperty(
        `responses: ${method}`,
        cases,
        ({ answers, settings: s }) => checkAnswers(method, answers, s),
        runsPerMethod,
      );
    }, 120_000);
  }
});
