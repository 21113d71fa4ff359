// Fast, no runtime to install: the client and the sandbox as a Worker or edge bundler resolves them (the `workerd`/
// `edge-light`/`worker`/`browser` conditions, never `node`), bundled for a neutral platform (a Node built-in import
// fails the bundle) and run in a V8 context like workerd's and the edge runtime's: code generation from strings
// refused, no Buffer, no process, no require. The client is made at the top level, where timers, abort controllers,
// random numbers and fetch are refused, as workerd refuses them.
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../src/run.js';

const program = `
import { createNimClient, NimNotFoundError } from '@nim-api/client';
import { createSandbox, NimSandboxUnsupportedError } from '@nim-api/sandbox';

const refuse = (what) => () => { throw new Error('Disallowed operation called within global scope: ' + what); };
const allowed = { setTimeout, AbortController, fetch, getRandomValues: crypto.getRandomValues };
globalThis.setTimeout = refuse('setTimeout');
globalThis.AbortController = function () { refuse('new AbortController()')(); };
globalThis.fetch = refuse('fetch');
crypto.getRandomValues = refuse('crypto.getRandomValues');
const atTopLevel = createNimClient({ appKey: 'k', appSecret: 's', baseUrl: 'https://api.example.test' });
Object.assign(globalThis, { setTimeout: allowed.setTimeout, AbortController: allowed.AbortController, fetch: allowed.fetch });
crypto.getRandomValues = allowed.getRandomValues;

export async function main() {
  const sandbox = createSandbox({ accounts: ['alice'] });
  const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
  const { conversation_group } = await nim.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] });
  const seen = [];
  for await (const c of nim.conversationGroups.iterateConversations(conversation_group.group_id, { account_id: 'alice' })) seen.push(c.conversation_id);
  const notFound = await nim.conversationGroups.get('424242', { account_id: 'alice' }).catch((e) => e);
  const refused = await sandbox.listen().catch((e) => e);
  return {
    topLevel: typeof atTopLevel.conversationGroups.list,
    seen,
    notFound: notFound instanceof NimNotFoundError ? notFound.code : String(notFound),
    refused: refused instanceof NimSandboxUnsupportedError ? refused.runtime + ': ' + refused.message : String(refused),
  };
}
`;

const nodeOnly = new Set([
  'Buffer',
  'process',
  'global',
  'require',
  'module',
  'exports',
  'setImmediate',
  'clearImmediate',
  'navigator',
]);

describe.each([
  ['workerd', ['workerd', 'worker', 'browser']],
  ['edge-runtime', ['edge-light', 'worker', 'browser']],
])('the packages as %s resolves them, in a context without eval or Node globals', (runtime, conditions) => {
  it('bundle with no Node built-in; a client made at the top level; the sandbox serves in process; listen() is a typed refusal naming the runtime', async () => {
    const bundled = await build({
      stdin: { contents: program, resolveDir: workspaceRoot + 'packages/ecosystem-tests', loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'portable',
      platform: 'neutral',
      conditions,
      mainFields: ['browser', 'module', 'main'],
      target: 'es2022',
      logLevel: 'silent',
    });
    const code = bundled.outputFiles[0]!.text;
    // The host's web globals (fetch, Request, crypto, FormData, …), none of Node's own, none of V8's intrinsics
    // (the new context has its own).
    const intrinsics = new Set<string>(runInNewContext('Object.getOwnPropertyNames(globalThis)'));
    const context: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (intrinsics.has(name) || nodeOnly.has(name) || name.startsWith('__vitest')) continue;
      context[name] = (globalThis as Record<string, unknown>)[name];
    }
    // What the runtime reports about itself.
    if (runtime === 'workerd') context.navigator = { userAgent: 'Cloudflare-Workers' };
    else context.EdgeRuntime = 'edge-runtime';
    const exports = runInNewContext(`${code}\nportable;`, context, {
      contextCodeGeneration: { strings: false, wasm: false },
    });
    const result = await exports.main();
    expect(result).toEqual({
      topLevel: 'function',
      seen: ['alice|1|bob'],
      notFound: 116404,
      refused: expect.stringMatching(new RegExp(`^${runtime}: sandbox\\.listen\\(\\) cannot run on ${runtime}`)),
    });
  });
});
