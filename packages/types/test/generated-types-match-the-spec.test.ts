import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helpers without declarations
import { renderConstraints } from '../scripts/render-constraints.mjs';
// @ts-expect-error -- plain .mjs helpers without declarations
import { renderTypes } from '../scripts/render-types.mjs';
// @ts-expect-error -- plain .mjs helpers without declarations
import { renderResponseShapes } from '../scripts/render-response-shapes.mjs';
// @ts-expect-error -- plain .mjs helpers without declarations
import { renderOperations } from '../scripts/render-operations.mjs';

const generated = [
  ['openapi.ts', renderTypes],
  ['constraints.ts', renderConstraints],
  ['response-shapes.ts', renderResponseShapes],
  ['operations.ts', renderOperations],
] as const;

describe('the drift gate', () => {
  for (const [file, render] of generated) {
    it(`finds src/generated/${file} identical to a fresh generation from the spec`, async () => {
      const committed = await readFile(new URL(`../src/generated/${file}`, import.meta.url), 'utf8');
      const fresh: string = await render();
      expect(committed === fresh, `src/generated/${file} is stale: run \`pnpm generate\` and commit`).toBe(true);
      expect(committed.startsWith('/**\n * GENERATED FILE — DO NOT EDIT.')).toBe(true);
    });
  }
});
