import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../support/discovery-exit.mts', import.meta.url));

describe('a client with discovery on that is never closed', () => {
  it('lets the process exit by itself: every timer is unref()ed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let doneAt = 0;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!doneAt && stdout.includes('EXIT ')) doneAt = Date.now();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    expect(exitCode, stderr).toBe(0);
    // The background work was really running: the set had been discovered.
    expect(JSON.parse(stdout.split('EXIT ')[1]!)).toEqual({ source: 'discovered', discovery: 'ok' });
    expect(Date.now() - doneAt).toBeLessThan(2_000);
  }, 40_000);
});
