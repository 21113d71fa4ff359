// The consumer project (ESM/NodeNext and CommonJS) type-checks against the packed declarations with the oldest
// TypeScript the packages support and with TypeScript 7 (the native compiler), libraries' declarations checked too
// (skipLibCheck off: a consumer who checks them must not see errors from ours), without @types/node.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run } from '../src/run.js';

const { consumer, runtimes, typeErrors } = inject('ecosystem');
const compilers = runtimes.typescript;

describe('a consumer type-check with the oldest supported TypeScript and with TypeScript 7', () => {
  it("with the workspace's TypeScript (the compile the runtimes' programs come from)", () => {
    expect(typeErrors).toBe('');
  });

  it.each([
    ['oldest supported (5.4)', 'tscOldest'],
    ['TypeScript 7', 'tsc7'],
  ])('%s', async (_name, key) => {
    expect(compilers?.error, 'the typescript runtime set is installed').toBeUndefined();
    const tsc = compilers![key]!;
    const version = (await run(process.execPath, [tsc, '--version'], { cwd: consumer })).stdout.trim();
    for (const project of ['tsconfig.json', 'cjs/tsconfig.json']) {
      const started = Date.now();
      const result = await run(
        process.execPath,
        [tsc, '-p', join(consumer, project), '--noEmit', '--skipLibCheck', 'false'],
        { cwd: consumer, timeoutMs: 50_000 },
      );
      console.log(
        `▶ ecosystem tsc ${version} ${project}: exit ${result.code} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      expect(result.output, `${version} on ${project}`).toBe('');
      expect(result.code).toBe(0);
    }
    if (key === 'tscOldest') expect(version).toBe('Version 5.4.5');
    else expect(version).toMatch(/^Version 7\./);
  });
});
