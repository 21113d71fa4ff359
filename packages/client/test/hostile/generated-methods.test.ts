// Hostile input to the methods of the generated layer (nim.conversations and every later resource made from the
// operation table), against a correct server: whatever one argument is, the call ends typed — a NimValidationError
// with nothing sent, or a request that left once and a result — never a TypeError or a hang. The coverage map below
// of the hand-written operations is keyed by OperationId (tsc names one that is missing).
import { type OperationId, type OperationParam, operationIds, operationTable } from '@nim-api/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNimError, NimValidationError } from '../../src/index.js';
import { clientFor } from './support/harness.js';
import { hostileValue } from './support/hostile-values.js';
import { runProperty } from './support/property.js';
import { methodNames } from './support/result-schemas.js';
import { goodResponder } from './support/wire.js';

/** The operations of the resources whose methods are hand-written. */
type HandWritten = {
  [Id in OperationId]: (typeof operationTable)[Id]['sdk']['resource'] extends 'conversationGroups' ? Id : never;
}[OperationId];

/**
 * The hand-written methods' operations, each modelled in input-cases.ts (keyed: one missing here fails tsc); every
 * other operation is of the generated layer and covered by the property below without an entry.
 */
const modelled = {
  createConversationGroup: 'create',
  updateConversationGroup: 'update',
  deleteConversationGroup: 'delete',
  getConversationGroup: 'get',
  batchGetConversationGroups: 'batchGet',
  listConversationGroups: 'list',
  listGroupConversations: 'listConversations',
} as const satisfies Record<HandWritten, string>;

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

const generated = operationIds.filter((id) => !(id in modelled));

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
    for (const [id, method] of Object.entries(modelled))
      expect(methodNames as string[], `${id} is modelled in input-cases.ts`).toContain(method);
    expect(generated.length).toBeGreaterThan(0);
  });

  for (const id of generated) {
    const { resource, method } = operationTable[id].sdk;
    it(`${resource}.${method} (${id}) ends typed whatever one argument is, and sends nothing it refused`, async () => {
      const params = operationTable[id].params as readonly OperationParam[];
      const slots = params.length + (params.some((p) => p.in !== 'path') ? 1 : 0);
      const cases = fc.record({ slot: fc.integer({ min: 0, max: slots - 1 }), value: hostileValue });
      await runProperty(
        `generated: ${id}`,
        cases,
        async ({ slot, value }) => {
          const { nim, recorder } = clientFor(goodResponder, 3);
          const call = (nim as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
            resource
          ]![method]!;
          const outcome = await call(...argsOf(id, slot, value.make())).then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
          if ('error' in outcome) {
            expect(isNimError(outcome.error), `${value.desc} at slot ${slot}: ${String(outcome.error)}`).toBe(true);
            if (outcome.error instanceof NimValidationError)
              expect(recorder.count, 'a refused call sends nothing').toBe(0);
          } else {
            expect(recorder.count).toBe(1);
            for (const list of operationTable[id].lists)
              expect(Array.isArray((outcome.result as Record<string, unknown>)[list]), list).toBe(true);
          }
        },
        150,
      );
    }, 60_000);
  }
});
