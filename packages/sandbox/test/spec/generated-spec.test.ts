import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { handlers } from '../../src/handlers/index.js';
import { route } from '../../src/spec/routes.js';
import { messageOf, specOperations } from '../../src/spec/spec.js';
// @ts-expect-error -- plain .mjs helper without declarations
import { renderSpec, specUrl } from '../../scripts/render-spec.mjs';
// @ts-expect-error -- plain .mjs helper without declarations
import { renderValidators } from '../../scripts/render-validators.mjs';
// @ts-expect-error -- plain .mjs helper without declarations
import { renderHandlers } from '../../scripts/render-handlers.mjs';

const yaml = parse(await readFile(specUrl, 'utf8'));

describe('the bundled spec', () => {
  it('is identical to a fresh generation from openapi/conversation-groups.yaml (the drift gate)', async () => {
    const committed = await readFile(new URL('../../src/generated/spec.ts', import.meta.url), 'utf8');
    const fresh: string = await renderSpec();
    expect(committed === fresh, 'src/generated/spec.ts is stale: run `pnpm generate` and commit').toBe(true);
    expect(committed.startsWith('/**\n * GENERATED FILE — DO NOT EDIT.')).toBe(true);
  });

  it('has validators compiled from the spec at generate time, identical to a fresh compilation (no code made at run time)', async () => {
    const committed = await readFile(new URL('../../src/generated/validators.ts', import.meta.url), 'utf8');
    const fresh: string = await renderValidators();
    expect(committed === fresh, 'src/generated/validators.ts is stale: run `pnpm generate` and commit').toBe(true);
    expect(committed).not.toMatch(/\brequire\(|new Function|\beval\(/);
    for (const operation of specOperations)
      expect(committed).toContain(`export const params_${operation.operationId} =`);
  });

  it('has its handler registry (src/handlers/index.ts) identical to a fresh generation (the drift gate)', async () => {
    const committed = await readFile(new URL('../../src/handlers/index.ts', import.meta.url), 'utf8');
    const fresh: string = await renderHandlers();
    expect(committed === fresh, 'src/handlers/index.ts is stale: run `pnpm generate` and commit').toBe(true);
  });

  it('has a handler for every operation of the spec, and no other', () => {
    const fromYaml = Object.values(yaml.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((item) => Object.values(item).map((operation) => operation?.operationId))
      .filter(Boolean)
      .sort();
    expect(specOperations.map((o) => o.operationId).sort()).toEqual(fromYaml);
    expect(Object.keys(handlers).sort()).toEqual(fromYaml);
  });

  it('routes every path template with a concrete id to its own operation', () => {
    for (const operation of specOperations) {
      const path = operation.path.replace('{group_id}', '9007199254740993');
      const match = route(operation.method, path);
      expect(match.kind === 'operation' && match.operation.operationId).toBe(operation.operationId);
      if (match.kind === 'operation' && operation.path.includes('{group_id}'))
        expect(match.pathParams.group_id).toBe('9007199254740993');
    }
    expect(route('GET', '/im/v2/conversation_groups/actions/group_ids')).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'batchGetConversationGroups' },
    });
    expect(route('PUT', '/im/v2/conversation_groups')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'POST'],
    });
    expect(route('GET', '/im/v2/conversation_groups/')).toEqual({ kind: 'not-found' });
    expect(route('GET', '/im/v2/other')).toEqual({ kind: 'not-found' });
  });

  it("answers with the messages of the spec's own examples", () => {
    const examples = Object.values(
      yaml.components.examples as Record<string, { value: { code: number; msg: string } }>,
    );
    expect(examples.length).toBeGreaterThan(5);
    for (const { value } of examples) expect(messageOf(value.code)).toBe(value.msg);
    expect(messageOf(200)).toBe('success');
  });
});
