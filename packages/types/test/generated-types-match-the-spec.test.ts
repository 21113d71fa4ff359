import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without declarations
import { renderTypes } from '../scripts/render-types.mjs';

describe('the drift gate', () => {
  it('finds the committed generated types identical to a fresh generation from the spec', async () => {
    const committed = await readFile(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    const fresh: string = await renderTypes();
    // On failure: run `pnpm generate` and commit the result.
    expect(committed === fresh, 'src/generated/openapi.ts is stale: run `pnpm generate`').toBe(true);
  });

  it('marks the generated file as generated', async () => {
    const committed = await readFile(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    expect(committed.startsWith('/**\n * GENERATED FILE — DO NOT EDIT.')).toBe(true);
  });
});
