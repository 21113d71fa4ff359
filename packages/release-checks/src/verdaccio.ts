// A throwaway Verdaccio for the publish test: 127.0.0.1, a free port, fresh storage under `dir`, no uplinks,
// only `@nim-api/*` publishable (by a user the test creates). `stop()` ends the whole process group.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// @ts-expect-error -- plain .mjs helper without declarations
import { freePort } from '../../../scripts/prism.mjs';
import { cleanEnv, workspaceRoot } from './run.js';

const require = createRequire(join(workspaceRoot, 'package.json'));

export interface Verdaccio {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  storage: string;
  /** Creates a user and returns its token. */
  addUser(name: string, password: string): Promise<string>;
  log(): string;
  stop(): Promise<void>;
}

/** Throws unless `url` is an http URL on 127.0.0.1: the tests never publish anywhere else. */
export function assertLocalRegistry(url: string): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || parsed.hostname !== '127.0.0.1' || !parsed.port) {
    throw new Error(`refusing to use ${url}: the tests publish only to a registry on 127.0.0.1`);
  }
}

export function verdaccioConfig(dir: string): string {
  return `# Written by packages/release-checks (publish test). No uplinks: nothing is proxied to or from npmjs.
storage: ${JSON.stringify(join(dir, 'storage'))}
plugins: ${JSON.stringify(join(dir, 'plugins'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
    max_users: 10
uplinks: {}
packages:
  '@nim-api/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: no-one-may-publish-other-packages
    unpublish: no-one-may-publish-other-packages
web:
  enable: false
publish:
  allow_offline: true
log: { type: stdout, format: pretty, level: warn }
`;
}

export async function startVerdaccio(dir: string, { timeoutMs = 30_000 } = {}): Promise<Verdaccio> {
  await mkdir(join(dir, 'storage'), { recursive: true });
  const configPath = join(dir, 'verdaccio.yaml');
  await writeFile(configPath, verdaccioConfig(dir));
  const port: number = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  assertLocalRegistry(url);

  const verdaccioBin = join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');
  let output = '';
  const child = spawn(process.execPath, [verdaccioBin, '--config', configPath, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Last resort if the test process dies without running its hooks.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {}
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(killOnExit, 3_000);
    await exited;
    clearTimeout(timer);
  };

  const addUser = async (name: string, password: string) => {
    const response = await fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(name)}`, url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    const body = (await response.json()) as { token?: string; error?: string };
    if (!response.ok || !body.token)
      throw new Error(`cannot create user ${name}: ${response.status} ${JSON.stringify(body)}`);
    return body.token;
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return { url, storage: join(dir, 'storage'), addUser, log: () => output, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Verdaccio did not become ready on ${url} within ${timeoutMs} ms. Its log:\n${output}`);
}
