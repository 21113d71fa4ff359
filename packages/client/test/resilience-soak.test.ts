import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultTransport } from './support/transport.js';

const script = fileURLToPath(new URL('./support/soak.mts', import.meta.url));

describe(`a soak of 1,000 mixed calls under random faults (${defaultTransport} transport)`, () => {
  it('settles every call with a result or a NimError, leaks nothing and lets the process exit by itself', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, SOAK_CALLS: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let summaryAt = 0;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!summaryAt && stdout.includes('SOAK ')) summaryAt = Date.now();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const exitedAfterMs = Date.now() - summaryAt;
    clearTimeout(killer);

    expect(exitCode, stderr).toBe(0);
    const summary = JSON.parse(stdout.split('SOAK ')[1]!.split('\n')[0]!);
    expect(summary.settled).toBe(1000);
    expect(Object.keys(summary.outcomes).filter((name) => name.startsWith('foreign:'))).toEqual([]);
    // Faults really happened and some calls still succeeded (exact shares depend on timing).
    expect(summary.outcomes.ok).toBeGreaterThan(0);
    expect(Object.keys(summary.outcomes).length).toBeGreaterThanOrEqual(5);
    expect(summary.attempts).toBeGreaterThan(1000);
    expect(summary.invalidSignatures).toBe(0);
    expect(summary.sentByFetch).toBe(defaultTransport === 'fetch' ? summary.attempts : 0);
    expect(summary.duplicateNonces).toBe(0);
    expect(summary.unhandledRejections).toBe(0);
    expect(summary.loggedLines).toBeGreaterThan(1000);
    expect(summary.linesWithSecrets).toBe(0);
    // Nothing keeps the event loop alive once the work is done: no socket, no timer.
    expect(exitedAfterMs).toBeLessThan(2_000);
  }, 90_000);
});
