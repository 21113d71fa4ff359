// Brings packages/docs/site up to date with the spec before the browser test: `turbo run docs` is a cache hit
// (well under a second) unless the spec, redocly.yaml or the docs package changed since the last build.
import { spawnSync } from 'node:child_process';
import { quietToolEnv } from '../../../scripts/tool-env.mjs';
import { repoRoot } from './support/spec.js';

export default function setup() {
  const result = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'docs', '--filter=@nim-api/docs', '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...quietToolEnv, NO_COLOR: '1' },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `turbo run docs failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
}
