// Starts Prism (mock or validating proxy) from the spec on 127.0.0.1 and a free port; readiness is polled.
// Used by the contract tests' globalSetup, `pnpm mock`, the main job's quickstart and the publish test.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { quietToolEnv } from './tool-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const specPath = fileURLToPath(new URL('../openapi/conversation-groups.yaml', import.meta.url));
const prismBin = fileURLToPath(new URL('../node_modules/.bin/prism', import.meta.url));

/** @returns {Promise<number>} a port that was free a moment ago on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ mode?: 'mock' | 'proxy', upstream?: string, port?: number, timeoutMs?: number, spec?: string }} [options]
 *   `spec`: another spec file (default: the repository's)
 * @returns {Promise<{ url: string, log: () => string, stop: () => Promise<void> }>}
 */
export async function startPrism({ mode = 'mock', upstream, port, timeoutMs = 30_000, spec = specPath } = {}) {
  const listenPort = port ?? (await freePort());
  const args = mode === 'proxy' ? ['proxy', spec, upstream, '--errors'] : ['mock', spec, '--errors'];
  args.push('-h', '127.0.0.1', '-p', String(listenPort));

  let output = '';
  const child = spawn(prismBin, args, {
    cwd: root,
    env: { ...process.env, ...quietToolEnv, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group: pnpm shims may fork
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 3_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A fatal start (bad spec, port taken) may leave the process running: stop waiting at once.
    if (child.exitCode !== null || /✖\s+fatal\b/.test(output)) break;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return { url, log: () => output, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  const why = Date.now() < deadline ? 'failed to start' : `did not become ready on ${url} within ${timeoutMs} ms`;
  throw new Error(`Prism (${mode}) ${why}. Its log:\n${output}`);
}
