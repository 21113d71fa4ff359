// Servers of a test: every listen() is closed after the test, also when it fails.
import { afterEach } from 'vitest';
import type { Sandbox, SandboxServer } from '../../src/index.js';

const open: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

export async function served(sandbox: Sandbox): Promise<SandboxServer> {
  const server = await sandbox.listen();
  open.push(server);
  return server;
}

/** Global fetch against a served sandbox. */
export const over = (server: SandboxServer) => ({ fetch: (request: Request) => fetch(request), base: server.url });
