// The operation table generated from the spec: what it derives (int64 fields, lists, chunk size, error classes),
// that the generator refuses an operation without x-nim-sdk, and the lists keyed by OperationId that must name every
// operation (the README's method table).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse, stringify } from 'yaml';
// @ts-expect-error -- plain .mjs helper without declarations
import { renderReadmeMethods } from '../scripts/render-readme-methods.mjs';
import { errorClasses, int64Fields, type OperationId, operationIds, operationTable } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const specPath = join(root, 'openapi/conversation-groups.yaml');
const spec = parse(readFileSync(specPath, 'utf8'));

describe('the operation table', () => {
  it('has one row per operationId of the spec, with its method, path and x-nim-sdk', () => {
    expectTypeOf<(typeof operationIds)[number]>().toEqualTypeOf<OperationId>();
    const fromSpec: string[] = [];
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        const operation = item[method];
        if (!operation) continue;
        fromSpec.push(operation.operationId);
        const row = operationTable[operation.operationId as OperationId];
        expect(row, operation.operationId).toMatchObject({
          method: method.toUpperCase(),
          path,
          sdk: operation['x-nim-sdk'],
        });
        expect(row.unsafe).toBe(operation['x-nim-unsafe'] === true);
      }
    }
    expect([...operationIds]).toEqual(fromSpec);
  });

  it('derives the int64 fields (GroupId or a list of it), the lists, the chunk size (maxItems) and the error classes', () => {
    expect([...int64Fields]).toEqual(['group_id', 'group_ids']);
    expect(operationTable.getConversation.int64).toEqual(['group_ids']);
    expect(operationTable.listConversations.int64).toEqual(['group_ids']);
    expect(operationTable.batchGetConversationGroups.int64).toEqual(['group_id']);
    expect(operationTable.getConversationGroup.lists).toEqual([]); // conversation_ids: x-nim-keep-absent
    expect(operationTable.batchGetConversations.lists).toEqual(['success_list', 'failed_list']);
    expect(operationTable.updateConversationGroup.chunk.size).toBe(spec.components.schemas.ConversationIdList.maxItems);
    expect(operationTable.listGroupConversations.pagination.iterator).toBe('iterateConversations');
    expect(operationTable.listConversations.pagination.iterator).toBe('iterate');
    const fromSpec = Object.entries<number[]>(spec['x-nim-error-classes']).flatMap(([name, codes]) =>
      codes.map((code) => [String(code), name]),
    );
    expect(Object.entries(errorClasses).sort()).toEqual(fromSpec.sort());
  });

  it('fails the generation with a clear message when an operation lacks x-nim-sdk', () => {
    const copy = structuredClone(spec);
    delete copy.paths['/im/v2.1/conversations/{conversation_id}'].get['x-nim-sdk'];
    const dir = mkdtempSync(join(tmpdir(), 'nim-spec-'));
    try {
      writeFileSync(join(dir, 'spec.yaml'), stringify(copy));
      const run = () =>
        execFileSync('node', ['-e', "import('./scripts/render-operations.mjs').then((m) => m.renderOperations())"], {
          cwd: join(root, 'packages/types'),
          env: { ...process.env, NIM_SPEC_PATH: join(dir, 'spec.yaml') },
          stdio: 'pipe',
        });
      expect(run).toThrow(/operation getConversation lacks x-nim-sdk: \{ resource, method \}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lists of operations keyed by OperationId', () => {
  it("the README's generated rows (the generated layer's methods) are fresh", async () => {
    const committed = readFileSync(join(root, 'packages/client/README.md'), 'utf8');
    expect(
      committed === (await renderReadmeMethods()),
      'packages/client/README.md: its generated method rows are stale, run `pnpm generate`',
    ).toBe(true);
  });

  it("the README's method tables have a row for every operation, by its x-nim-sdk name", () => {
    const readme = readFileSync(join(root, 'packages/client/README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `[^`]+` \| `[a-zA-Z]+`/.test(line));
    const missing: string[] = [];
    for (const id of operationIds) {
      const { sdk } = operationTable[id];
      const call = sdk.resource === 'conversationGroups' ? sdk.method : `${sdk.resource}.${sdk.method}`;
      if (!rows.some((row) => row.startsWith(`| \`${call}(`) && row.includes(`| \`${id}\``)))
        missing.push(`${call} (${id})`);
    }
    expect(missing, 'add these rows to the method table of packages/client/README.md').toEqual([]);
  });
});
