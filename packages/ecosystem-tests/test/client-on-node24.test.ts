// The client's whole unit suite (the vitest project `client`: both transports, the hostile and resilience suites,
// the type tests) under Node 24 from the npm registry, besides the machine's Node 20 that runs it in `pnpm test`.
// NIM_ECOSYSTEM_CLIENT_NODE (node22, node24 or node26) picks another line.
import { describe, expect, inject, it } from 'vitest';
import { bin, cleanEnv, run, workspaceRoot } from '../src/run.js';

const { runtimes } = inject('ecosystem');
const set = process.env.NIM_ECOSYSTEM_CLIENT_NODE ?? 'node24';
const budgetMs = 420_000;

describe(`the client's unit suite on ${set}`, () => {
  it(
    'passes',
    async () => {
      const node = runtimes[set]?.node;
      expect(node, `runtime set ${set}: ${runtimes[set]?.error ?? 'missing'}`).toBeTruthy();
      const version = (await run(node!, ['--version'])).stdout.trim();
      const started = Date.now();
      const vitest = bin('vitest').replace(/\.bin\/vitest$/, 'vitest/vitest.mjs');
      const result = await run(
        node!,
        [vitest, 'run', '--project', 'client', '--reporter=dot', '--reporter=./scripts/vitest-summary-reporter.ts'],
        {
          cwd: workspaceRoot,
          env: cleanEnv({ CI: 'true' }),
          timeoutMs: budgetMs,
        },
      );
      const summary = result.output.match(/tests: (\d+) passed, (\d+) failed, (\d+) skipped/);
      const counts = summary
        ? `${summary[1]} tests ok, ${summary[2]} not, ${summary[3]} skipped`
        : `exit ${result.code}`;
      console.log(
        `▶ ecosystem client unit suite on Node ${version}: ${counts} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      expect(result.code, result.output.slice(-6000)).toBe(0);
      expect(Number(summary?.[1])).toBeGreaterThan(500);
      expect(Number(summary?.[2])).toBe(0);
    },
    budgetMs + 10_000,
  );
});
