// examples/quickstart.ts keeps working: run against the suite's mock, it makes every call and prints one line each.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

it('examples/quickstart.ts runs every client method once against the mock', async () => {
  const { stdout } = await promisify(execFile)(tsx, ['examples/quickstart.ts'], {
    cwd: root,
    env: { ...process.env, NIM_BASE_URL: inject('prismUrl'), NIM_MOCK: '1', NIM_APP_KEY: '', NIM_APP_SECRET: '' },
    timeout: 60_000,
  });
  const methods = ['create', 'update', 'addConversations', 'removeConversations', 'get', 'batchGet', 'list', 'listConversations', 'iterateConversations', 'delete'];
  for (const method of methods) expect(stdout).toMatch(new RegExp(`✔ ${method} .* trace [0-9a-f]{32}`));
  expect(stdout).toMatch(/✖ group 1002: 116404 conversation group not found/); // batchGet's partial failure
  expect(stdout).toMatch(/3 conversations over all pages: alice\|1\|bob, alice\|2\|6001, alice\|3\|7001/);
  expect(stdout).toMatch(/✔ every operation answered/);
}, 60_000);
