// examples/quickstart.ts keeps working: by default against the embedded sandbox (a stateful walk that ends with the
// deleted group not found), and with NIM_BASE_URL + NIM_MOCK=1 against the suite's Prism mock.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const methods = [
  'conversations.create',
  'conversations.get',
  'create',
  'update',
  'addConversations',
  'listConversations',
  'iterateConversations',
  'removeConversations',
  'get',
  'batchGet',
  'list',
  'delete',
];

const run = (env: Record<string, string>) =>
  promisify(execFile)(tsx, ['examples/quickstart.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NIM_BASE_URL: '',
      NIM_MOCK: '',
      NIM_APP_KEY: '',
      NIM_APP_SECRET: '',
      NIM_ACCOUNT_ID: '',
      ...env,
    },
    timeout: 60_000,
  });

it('examples/quickstart.ts walks the embedded sandbox by default: state carried from call to call', async () => {
  const { stdout } = await run({});
  expect(stdout).toMatch(/embedded @nim-api\/sandbox/);
  for (const method of methods) expect(stdout).toMatch(new RegExp(`✔ ${method} .* trace [0-9a-f]{32}`));
  expect(stdout).toMatch(/✔ create\s+group 1 "Quickstart": 3 added, 0 failed/);
  expect(stdout).toMatch(/✔ addConversations\s+150 added, 0 failed/);
  expect(stdout).toMatch(/✔ listConversations\s+page of 100 \(alice\|1\|bob, alice\|2\|6001, …\), has_more/);
  expect(stdout).toMatch(/✔ iterateConversations\s+153 conversations over all pages/);
  expect(stdout).toMatch(/✔ removeConversations\s+50 removed, 0 failed/);
  expect(stdout).toMatch(/✔ batchGet\s+1 found \(1\), 1 failed/);
  expect(stdout).toMatch(/✖ group 1002: 116404 conversation group not found/);
  expect(stdout).toMatch(/✔ get \(deleted\)\s+NimNotFoundError 116404 \(as expected\)/);
  expect(stdout).toMatch(/✔ conversations\.get\s+conversation alice\|1\|bob is in groups 1 /);
  expect(stdout).toMatch(/the sandbox saw 15 requests, every signature valid/);
  expect(stdout).toMatch(/✔ every operation answered/);
}, 60_000);

it('examples/quickstart.ts runs every client method once against the Prism mock (NIM_MOCK=1)', async () => {
  const { stdout } = await run({ NIM_BASE_URL: inject('prismUrl'), NIM_MOCK: '1' });
  for (const method of methods) expect(stdout).toMatch(new RegExp(`✔ ${method} .* trace [0-9a-f]{32}`));
  expect(stdout).toMatch(/✖ group 1002: 116404 conversation group not found/); // the mock's partial-failure example
  expect(stdout).toMatch(/3 conversations over all pages \(alice\|1\|bob, alice\|2\|6001, …\)/);
  expect(stdout).toMatch(/· get \(deleted\)\s+the mock is stateless/);
  expect(stdout).toMatch(/✔ every operation answered/);
}, 60_000);
