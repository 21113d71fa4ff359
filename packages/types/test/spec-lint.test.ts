import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the spec', () => {
  it('passes redocly lint with no errors and no warnings', () => {
    const run = spawnSync('pnpm', ['exec', 'redocly', 'lint', '--format=stylish'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    // A problem line in stylish format is `line:col  warning|error  rule  message`.
    expect(output).not.toMatch(/^\s*\d+:\d+\s+(warning|error)\s/m);
    expect(output).not.toMatch(/You have \d+ warnings?/);
  }, 30_000);
});
