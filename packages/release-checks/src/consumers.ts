// The consumer projects of the publish test: fresh directories outside the workspace that install
// @nim-api/* from the local registry (and everything else, i.e. openapi-fetch, from the normal registry).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface ConsumerProject {
  name: string;
  dir: string;
}

export async function writeProject(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/**
 * `.npmrc` of a consumer: only the `@nim-api` scope comes from the local registry. Verdaccio has no uplink, so
 * third-party dependencies (openapi-fetch) resolve from the registry of the user's npm config as usual.
 */
export const consumerNpmrc = (registryUrl: string) =>
  `@nim-api:registry=${registryUrl}\nfund=false\naudit=false\nupdate-notifier=false\n`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The call every consumer makes against the Prism mock, as TypeScript. */
const typedCall = (prismUrl: string) => `
const nim: NimClient = createNimClient({ appKey: 'k', appSecret: 's', baseUrl: ${JSON.stringify(prismUrl)} });
const result = await nim.conversationGroups.list({ account_id: 'alice' });
const groups: readonly ConversationGroup[] = result.conversation_groups;

// The declarations are real types, not \`any\`: a wrong argument type must be an error.
// @ts-expect-error -- account_id is a string
const wrong = () => nim.conversationGroups.list({ account_id: 42 });
void wrong;
`;

/** (1) ESM TypeScript, module/moduleResolution NodeNext, compiled by tsc and run by node. */
export function esmNodeNextProject(prismUrl: string, versions: { client: string; types: string }) {
  return {
    'package.json': json({
      name: 'consumer-esm-nodenext',
      private: true,
      type: 'module',
      dependencies: { '@nim-api/client': versions.client, '@nim-api/types': versions.types },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
    'src/index.ts': `import { createNimClient, type NimClient } from '@nim-api/client';
import { constraints, type ConversationGroup } from '@nim-api/types';
${typedCall(prismUrl)}
console.log(JSON.stringify({ ok: true, groups: groups.length, specVersion: constraints.specVersion }));
`,
  };
}

/** (2) CommonJS: plain `require` in a .cjs file, and TypeScript compiled to CommonJS (resolves the .d.cts). */
export function commonJsProject(prismUrl: string, versions: { client: string; types: string }) {
  return {
    'package.json': json({
      name: 'consumer-cjs',
      private: true,
      type: 'commonjs',
      dependencies: { '@nim-api/client': versions.client },
    }),
    'plain.cjs': `'use strict';
const assert = require('node:assert/strict');
const client = require('@nim-api/client');
assert.equal(typeof client.createNimClient, 'function');
// Node gets the build with the undici transport (the "node" export condition); it calls Prism through undici.
assert.match(require.resolve('@nim-api/client'), /[\\\\/]dist[\\\\/]index\\.node\\.cjs$/);
const nim = client.createNimClient({ appKey: 'k', appSecret: 's', baseUrl: ${JSON.stringify(prismUrl)} });
nim.conversationGroups.list({ account_id: 'alice' }).then(
  (result) => {
    assert.ok(Array.isArray(result.conversation_groups));
    console.log(JSON.stringify({ ok: true, groups: result.conversation_groups.length }));
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
`,
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        skipLibCheck: true,
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
    // A CommonJS module cannot use top-level await: wrap the shared call.
    'src/typed.ts': `import { createNimClient, type ConversationGroup, type NimClient } from '@nim-api/client';

async function main(): Promise<void> {${typedCall(prismUrl).replace(/\n/g, '\n  ')}
  console.log(JSON.stringify({ ok: true, groups: groups.length }));
}
main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
`,
  };
}

/** (3) Bundler-style: moduleResolution Bundler, type-checked by tsc, bundled by esbuild. */
export function bundlerProject(prismUrl: string, versions: { client: string; types: string }) {
  return {
    'package.json': json({
      name: 'consumer-bundler',
      private: true,
      type: 'module',
      dependencies: { '@nim-api/client': versions.client, '@nim-api/types': versions.types },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        isolatedModules: true,
      },
      include: ['src'],
    }),
    'src/index.ts': `import { createNimClient, type NimClient } from '@nim-api/client';
import type { ConversationGroup } from '@nim-api/types';
${typedCall(prismUrl)}
console.log(JSON.stringify({ ok: true, groups: groups.length }));
`,
  };
}

/**
 * (4) A team testing its own code: @nim-api/client against @nim-api/sandbox, a node:test suite compiled by tsc
 * (NodeNext), in process and over HTTP; and the `nim-sandbox` bin.
 */
export function sandboxProject(versions: { client: string; sandbox: string }) {
  return {
    'package.json': json({
      name: 'consumer-sandbox',
      private: true,
      type: 'module',
      dependencies: { '@nim-api/client': versions.client, '@nim-api/sandbox': versions.sandbox },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
    // node:test and node:assert without @types/node: declared here, just enough for this file.
    'src/node-test.d.ts': `declare module 'node:test' {
  export function test(name: string, fn: () => Promise<void>): Promise<void>;
}
declare module 'node:assert/strict' {
  const assert: {
    equal(actual: unknown, expected: unknown): void;
    deepEqual(actual: unknown, expected: unknown): void;
    rejects(promise: Promise<unknown>, error: abstract new (...args: never[]) => unknown): Promise<void>;
  };
  export default assert;
}
`,
    'src/groups.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNimClient, NimNotFoundError } from '@nim-api/client';
import { createSandbox, type Sandbox } from '@nim-api/sandbox';

const clientOf = (sandbox: Sandbox, baseUrl?: string) =>
  createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, ...(baseUrl ? { baseUrl } : { baseUrl: sandbox.baseUrl, fetch: sandbox.fetch }) });

test('a group created through the client is there on the next call, and gone after delete', async () => {
  const sandbox = createSandbox({ accounts: ['alice'], firstGroupId: 9007199254740993n });
  const nim = clientOf(sandbox);
  // nim.conversations (generated from the spec's operation table): the conversation, then a group holding it.
  await nim.conversations.create({ conversation_id: 'alice|1|bob' });
  const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] });
  assert.equal(conversation_group.group_id, '9007199254740993');
  const group = await nim.conversationGroups.get(conversation_group.group_id, { account_id: 'alice' });
  assert.equal(group.name, 'Work');
  // The conversation shows the group holding it.
  const conversation = await nim.conversations.get('alice|1|bob');
  assert.deepEqual(conversation.group_ids, ['9007199254740993']);
  await nim.conversationGroups.delete(group.group_id, { account_id: 'alice' });
  await assert.rejects(nim.conversationGroups.get(group.group_id, { account_id: 'alice' }), NimNotFoundError);
});

test('in process on the undici transport (sandbox.dispatcher), the same', async () => {
  const sandbox = createSandbox({ accounts: ['carol'] });
  const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, baseUrl: sandbox.baseUrl, dispatcher: sandbox.dispatcher });
  await nim.conversationGroups.create({ account_id: 'carol', name: 'Trips' });
  const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'carol' });
  assert.deepEqual(conversation_groups.map((g) => g.name), ['Trips']);
});

test('over HTTP, the same', async () => {
  const sandbox = createSandbox();
  const server = await sandbox.listen();
  try {
    const nim = clientOf(sandbox, server.url);
    await nim.conversationGroups.create({ account_id: 'bob', name: 'Home' });
    const { conversation_groups } = await nim.conversationGroups.list({ account_id: 'bob' });
    assert.deepEqual(conversation_groups.map((g) => g.name), ['Home']);
  } finally {
    await server.close();
  }
});
`,
  };
}

/**
 * (5) @nim-api/redis beside the client, ESM with NodeNext: type-checked (the limiter fits `rateLimit`, its options
 * are real types) and run (a limiter on an ioredis connection that never connects, handed to createNimClient).
 * ioredis, a peer dependency, comes from the normal registry.
 */
export function redisProject(versions: { client: string; redis: string; ioredis: string }) {
  return {
    'package.json': json({
      name: 'consumer-redis',
      private: true,
      type: 'module',
      dependencies: { '@nim-api/client': versions.client, '@nim-api/redis': versions.redis, ioredis: versions.ioredis },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
    'src/index.ts': `import { createNimClient, type NimRateLimiter } from '@nim-api/client';
import { createRedisRateLimiter, type RedisRateLimiter } from '@nim-api/redis';
import { Redis } from 'ioredis';

const redis = new Redis({ lazyConnect: true });
const limiter: RedisRateLimiter = createRedisRateLimiter({ redis, appKey: 'k', perSecond: 95, expectedProcesses: 4 });
const asClientSees: NimRateLimiter = limiter;
const nim = createNimClient({ appKey: 'k', appSecret: 's', rateLimit: limiter });

// @ts-expect-error -- expectedProcesses is required
const incomplete = () => createRedisRateLimiter({ redis, appKey: 'k', perSecond: 95 });
void incomplete;
void asClientSees;
void nim;
console.log(JSON.stringify({ ok: true, stats: limiter.stats() }));
redis.disconnect();
`,
  };
}
