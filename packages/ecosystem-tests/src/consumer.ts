// The consumer project every runtime runs: a fresh directory outside the workspace that installs the packed
// tarballs with npm, as a team would, and the programs each runtime starts. One source of checks (checks.ts),
// compiled by tsc to ESM (Node, Bun, Deno), to CommonJS (node-ts-cjs) and bundled by esbuild (workerd, edge, browser).

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What a runtime's checks connect to: the loopback server and the credentials its sandbox signs with. */
export interface CheckConfig {
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
}

/** The columns of the table, in order. */
export const checkNames = ['signed CRUD', 'API error', 'timeout', 'sandbox', 'Node fronts'] as const;
export type CheckName = (typeof checkNames)[number];

/**
 * The checks, runtime-agnostic TypeScript: the packages come in as arguments, so one text serves every module
 * system. Each check returns 'ok …' or throws; the runner turns a throw into 'FAIL …'.
 */
export const checksSource = `import type * as Client from '@nim-api/client';
import type * as Sandbox from '@nim-api/sandbox';

export interface CheckConfig {
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
}

type Packages = { client: typeof Client; sandbox: typeof Sandbox };

const fail = (what: string): never => {
  throw new Error(what);
};

async function settle(name: string, run: () => Promise<string>): Promise<[string, string]> {
  try {
    return [name, await run()];
  } catch (error) {
    const e = error as { name?: string; message?: string };
    return [name, \`FAIL \${e?.name ?? 'Error'}: \${String(e?.message ?? error).slice(0, 300)}\`];
  }
}

/** Runs every check; \`nim\` may be a client made earlier (a Worker's top level), else one is made here. */
export async function runChecks(packages: Packages, config: CheckConfig, made?: Client.NimClient): Promise<Record<string, string>> {
  const { createNimClient, NimNotFoundError, NimTimeoutError, NimApiError } = packages.client;
  const { createSandbox, NimSandboxUnsupportedError } = packages.sandbox;
  const nim = made ?? createNimClient({ appKey: config.appKey, appSecret: config.appSecret, baseUrl: config.baseUrl });
  // The declarations are real types under every compiler the type-check runs: a wrong argument is an error.
  // @ts-expect-error -- account_id is a string
  const wrong = () => nim.conversationGroups.list({ account_id: 42 });
  void wrong;
  const account = \`eco\${Math.floor(Math.random() * 1e9)}\`;
  const results = await Promise.all([
    settle('signed CRUD', async () => {
      const created = await nim.conversationGroups.create({
        account_id: account,
        name: 'Ecosystem',
        conversation_ids: [\`\${account}|1|bob\`, \`\${account}|1|carol\`, \`\${account}|2|team\`],
      });
      const id = created.conversation_group.group_id;
      const got = await nim.conversationGroups.get(id, { account_id: account });
      if (got.name !== 'Ecosystem') fail(\`get answered \${JSON.stringify(got.name)}\`);
      const list = await nim.conversationGroups.list({ account_id: account });
      if (!list.conversation_groups.some((g) => g.group_id === id)) fail('list lacks the new group');
      const seen: string[] = [];
      for await (const item of nim.conversationGroups.iterateConversations(id, { account_id: account, limit: 1 })) seen.push(item.conversation_id);
      if (seen.length !== 3) fail(\`iterate gave \${seen.length} of 3\`);
      return 'ok create/get/list/iterate(3 pages)';
    }),
    settle('API error', async () => {
      try {
        await nim.conversationGroups.get('987654321', { account_id: account });
      } catch (error) {
        if (error instanceof NimNotFoundError && error instanceof NimApiError) return \`ok \${error.name} code \${error.code}\`;
        throw error;
      }
      return fail('no error');
    }),
    settle('timeout', async () => {
      const slow = createNimClient({ appKey: config.appKey, appSecret: config.appSecret, baseUrl: config.baseUrl, timeoutMs: 300, maxRetries: 0 });
      const started = Date.now();
      try {
        await slow.conversationGroups.list({ account_id: 'slow_account' });
      } catch (error) {
        if (error instanceof NimTimeoutError) return \`ok \${error.name} after \${Date.now() - started} ms\`;
        throw error;
      }
      return fail('no timeout');
    }),
    settle('sandbox', async () => {
      const sandbox = createSandbox({ accounts: ['alice'] });
      const local = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
      const { conversation_group } = await local.conversationGroups.create({ account_id: 'alice', name: 'Work', conversation_ids: ['alice|1|bob'] });
      const { conversation_groups } = await local.conversationGroups.list({ account_id: 'alice' });
      if (conversation_groups[0]?.group_id !== conversation_group.group_id) fail('the sandbox lost the group');
      try {
        await local.conversationGroups.get('1', { account_id: 'nobody' });
      } catch (error) {
        if (!(error instanceof NimApiError)) throw error;
        return \`ok in process, signed, code \${error.code} typed\`;
      }
      return fail('no error from the sandbox');
    }),
    settle('Node fronts', async () => {
      // Where there is node:http and undici: sandbox.listen() serves and the client sends with undici. Elsewhere
      // each refuses with a typed error naming the runtime.
      const said: string[] = [];
      const sandbox = createSandbox();
      try {
        const server = await sandbox.listen();
        await server.close();
        said.push('listen()');
      } catch (error) {
        if (!(error instanceof NimSandboxUnsupportedError)) throw error;
        said.push(\`\${error.name}(\${error.runtime})\`);
      }
      try {
        createNimClient({ appKey: config.appKey, appSecret: config.appSecret, baseUrl: config.baseUrl, transport: 'undici' });
        said.push('undici');
      } catch (error) {
        const named = error instanceof packages.client.NimValidationError && /'undici' is only in the Node build, not on ([\\w-]+)/.exec(error.message);
        if (!named) throw error;
        said.push(\`NimValidationError(\${named[1]})\`);
      }
      return \`ok \${said.join(', ')}\`;
    }),
  ]);
  return Object.fromEntries(results);
}

/** \`Response.json\` is not in the DOM lib of older TypeScript versions. */
export const jsonResponse = (value: unknown): Response => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
`;

/** Node, Bun and Deno: ESM, the config from the environment, one JSON line out. */
const nodeEsmEntry = `import * as client from '@nim-api/client';
import * as sandbox from '@nim-api/sandbox';
import { type CheckConfig, runChecks } from './checks.js';

const config = JSON.parse(process.env.NIM_ECO_CONFIG ?? '{}') as CheckConfig;
console.log(JSON.stringify(await runChecks({ client, sandbox }, config)));
`;

/** A module Worker (workerd): the client made at the top level, as Workers code does; checks on a request. */
const workerEntry = `import * as client from '@nim-api/client';
import * as sandbox from '@nim-api/sandbox';
import { type CheckConfig, jsonResponse, runChecks } from './checks.js';

declare const NIM_ECO_CONFIG: CheckConfig;
const nim = client.createNimClient({ appKey: NIM_ECO_CONFIG.appKey, appSecret: NIM_ECO_CONFIG.appSecret, baseUrl: NIM_ECO_CONFIG.baseUrl });

export default {
  async fetch(): Promise<Response> {
    return jsonResponse(await runChecks({ client, sandbox }, NIM_ECO_CONFIG, nim));
  },
};
`;

/** Vercel's edge runtime: a fetch event listener; the client made at the top level too. */
const edgeEntry = `import * as client from '@nim-api/client';
import * as sandbox from '@nim-api/sandbox';
import { type CheckConfig, jsonResponse, runChecks } from './checks.js';

declare const NIM_ECO_CONFIG: CheckConfig;
const nim = client.createNimClient({ appKey: NIM_ECO_CONFIG.appKey, appSecret: NIM_ECO_CONFIG.appSecret, baseUrl: NIM_ECO_CONFIG.baseUrl });

addEventListener('fetch', (event) => {
  const fetchEvent = event as Event & { respondWith(response: Promise<Response>): void };
  fetchEvent.respondWith(runChecks({ client, sandbox }, NIM_ECO_CONFIG, nim).then(jsonResponse));
});
`;

/** A page: the results on `window`, for Playwright to read. */
const browserEntry = `import * as client from '@nim-api/client';
import * as sandbox from '@nim-api/sandbox';
import { type CheckConfig, runChecks } from './checks.js';

declare const NIM_ECO_CONFIG: CheckConfig;
runChecks({ client, sandbox }, { ...NIM_ECO_CONFIG, baseUrl: location.origin }).then(
  (results) => ((window as unknown as { nimResults: unknown }).nimResults = results),
  (error: unknown) => ((window as unknown as { nimResults: unknown }).nimResults = { load: \`FAIL \${String(error)}\` }),
);
`;

/** CommonJS from TypeScript: tsc emits require(); no top-level await. */
const cjsEntry = `import * as client from '@nim-api/client';
import * as sandbox from '@nim-api/sandbox';
import { type CheckConfig, runChecks } from './checks';

const config = JSON.parse(process.env.NIM_ECO_CONFIG ?? '{}') as CheckConfig;
runChecks({ client, sandbox }, config).then(
  (results) => console.log(JSON.stringify(results)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
`;

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  skipLibCheck: true,
};

// \`process\` without @types/node: just what the entries read.
const processDeclaration = `declare const process: { env: Record<string, string | undefined>; exitCode?: number };\n`;

/**
 * The files of the consumer project. `tarballs` are paths of the packed packages; npm installs them (and their
 * registry dependencies: openapi-fetch, undici) as it would from the registry.
 */
export function consumerFiles(tarballs: { types: string; client: string; sandbox: string }): Record<string, string> {
  const packed = {
    '@nim-api/types': `file:${tarballs.types}`,
    '@nim-api/client': `file:${tarballs.client}`,
    '@nim-api/sandbox': `file:${tarballs.sandbox}`,
  };
  return {
    'package.json': json({
      name: 'nim-api-ecosystem-consumer',
      private: true,
      type: 'module',
      dependencies: packed,
      overrides: packed,
    }),
    '.npmrc': 'fund=false\naudit=false\nupdate-notifier=false\n',
    'src/checks.ts': checksSource,
    'src/node-esm.ts': nodeEsmEntry,
    'src/worker.ts': workerEntry,
    'src/edge.ts': edgeEntry,
    'src/browser.ts': browserEntry,
    'src/env.d.ts': processDeclaration,
    'tsconfig.json': json({
      compilerOptions: {
        ...compilerOptions,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        verbatimModuleSyntax: true,
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
    // node-ts-cjs: the same checks compiled to CommonJS (a package.json of type commonjs above the output).
    'cjs/package.json': json({ name: 'nim-api-ecosystem-consumer-cjs', private: true, type: 'commonjs' }),
    'cjs/src/checks.ts': checksSource,
    'cjs/src/index.ts': cjsEntry,
    'cjs/src/env.d.ts': processDeclaration,
    'cjs/tsconfig.json': json({
      compilerOptions: {
        ...compilerOptions,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
  };
}

/** The page of the browser check: same origin as the API, so no CORS. */
export const browserPage = `<!doctype html><html><head><meta charset="utf-8"><title>nim-api ecosystem</title></head>
<body><script type="module" src="/browser.js"></script></body></html>
`;
