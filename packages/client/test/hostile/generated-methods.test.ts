// Hostile input to the methods of the generated layer (nim.conversations and every later resource made from the
// operation table), against a correct server: whatever one argument is, the call ends typed — a NimValidationError
// with nothing sent, or a request that left once and a result — never a TypeError or a hang. The coverage map below
// is keyed by OperationId: an operation added to the spec does not compile until it says which suite covers it.
import { type OperationId, type OperationParam, operationIds, operationTable } from '@nim-api/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNimError, NimValidationError } from '../../src/index.js';
import { clientFor } from './support/harness.js';
import { hostileValue } from './support/hostile-values.js';
import { runProperty } from './support/property.js';
import { methodNames } from './support/result-schemas.js';
import { goodResponder } from './support/wire.js';

/** Which hostile suite covers each operation: the hand-written models (input-methods.test.ts) or this one. */
const coverage = {
  createConversationGroup: 'modelled',
  updateConversationGroup: 'modelled',
  deleteConversationGroup: 'modelled',
  getConversationGroup: 'modelled',
  batchGetConversationGroups: 'modelled',
  listConversationGroups: 'modelled',
  listGroupConversations: 'modelled',
  createConversation: 'generated',
  updateConversation: 'generated',
  deleteConversation: 'generated',
  batchDeleteConversations: 'generated',
  getConversation: 'generated',
  batchGetConversations: 'generated',
  listConversations: 'generated',
  stickTopConversation: 'generated',
} as const satisfies Record<OperationId, 'modelled' | 'generated'>;

/** A valid value of each parameter check, from the spec's kinds. */
function validValue(param: OperationParam): unknown {
  switch (param.kind) {
    case 'account':
      return 'alice';
    case 'conversationId':
      return 'alice|1|bob';
    case 'conversationIds':
      return ['alice|1|bob', 'alice|2|6001'];
    case 'groupId':
      return '1001';
    case 'groupIds':
      return ['1001', 9007199254740993n];
    case 'string':
      return 'x';
    case 'boolean':
      return true;
    case 'enum':
      return param.values[0];
    case 'integer':
      return param.min ?? 1;
    default:
      return {};
  }
}

const generated = operationIds.filter((id) => coverage[id] === 'generated');

/** The arguments of `id`'s method with valid values; `hostile` replaces the argument or field at `slot`. */
function argsOf(id: OperationId, slot: number, hostile: unknown): unknown[] {
  const params = operationTable[id].params as readonly OperationParam[];
  const path = params.filter((p) => p.in === 'path').map(validValue);
  const fields = params.filter((p) => p.in !== 'path');
  const input = Object.fromEntries(fields.map((p) => [p.name, validValue(p)]));
  if (slot < path.length) path[slot] = hostile;
  else if (slot - path.length < fields.length) input[fields[slot - path.length]!.name] = hostile;
  const args: unknown[] = [...path];
  if (fields.length) args.push(slot === path.length + fields.length ? hostile : input);
  return args;
}

describe('the generated methods given hostile input', () => {
  it('cover every operation of the spec: the modelled ones are methods of the hand-written models', () => {
    for (const id of operationIds) {
      if (coverage[id] === 'modelled') expect(methodNames as string[], `${id} is modelled in input-cases.ts`).toContain(operationTable[id].sdk.method);
    }
    expect(generated.length).toBeGreaterThan(0);
  });

  for (const id of generated) {
    const { resource, method } = operationTable[id].sdk;
    it(`${resource}.${method} (${id}) ends typed whatever one argument is, and sends nothing it refused`, async () => {
      const params = operationTable[id].params as readonly OperationParam[];
      const slots = params.length + (params.some((p) => p.in !== 'path') ? 1 : 0);
      const cases = fc.record({ slot: fc.integer({ min: 0, max: slots - 1 }), value: hostileValue });
      await runProperty(`generated: ${id}`, cases, async ({ slot, value }) => {
        const { nim, recorder } = clientFor(goodResponder, 3);
        const call = (nim as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[resource]![method]!;
        const outcome = await call(...argsOf(id, slot, value.make())).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(isNimError(outcome.error), `${value.desc} at slot ${slot}: ${String(outcome.error)}`).toBe(true);
          if (outcome.error instanceof NimValidationError) expect(recorder.count, 'a refused call sends nothing').toBe(0);
        } else {
          expect(recorder.count).toBe(1);
          for (const list of operationTable[id].lists) expect(Array.isArray((outcome.result as Record<string, unknown>)[list]), list).toBe(true);
        }
      }, 150);
    }, 60_000);
  }
});
