// Hostile input to every method of nim.conversationGroups, against a correct server (see support/outcome.ts for
// the invariant checked after every call, support/validity.ts for the rules that label each case).
import { describe, it } from 'vitest';
import { checkInputCase } from './support/harness.js';
import { inputCases, megabyteAccountCase } from './support/input-cases.js';
import { runProperty } from './support/property.js';
import { methodNames } from './support/result-schemas.js';

const runsPerMethod = 400;

describe('every conversation-group method given hostile input', () => {
  for (const method of methodNames) {
    it(`${method} refuses what the rules refuse without sending, sends exactly what it validated, and ends typed`, async () => {
      await runProperty(`input: ${method}`, inputCases(method), checkInputCase, runsPerMethod);
    }, 120_000);
  }

  for (const method of ['create', 'addConversations'] as const) {
    it(`${method} refuses a 1 MB account id with 600 conversation ids with a bounded NimValidationError`, async () => {
      await checkInputCase(megabyteAccountCase(method));
    }, 60_000);
  }
});
