// docs/adding-an-operation.md, followed by a test: a new plain read operation (the hypothetical countConversations)
// added to a temp copy of the repository with exactly three hand-edited files — the spec, a sandbox handler and a
// changeset (test/fixtures/new-operation/) — and everything else generated. Then `nim.conversations.count` exists
// with its types (tsc), answers through the sandbox, passes the contract check against the Prism mock of the
// edited spec, and appears on the docs site built from it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startPrism } from '../../../scripts/prism.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/new-operation/', import.meta.url));

/** The parts of the repository the walk touches, copied as they are (inside the repository, so packages resolve). */
const copied = [
  'openapi',
  'packages/types/src',
  'packages/client/src',
  'packages/sandbox/src',
  '.changeset',
  'packages/client/README.md',
];

let tmp: string;
const at = (path: string) => join(tmp, path);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Bundles `entry` (in the temp copy) for Node, the workspace packages pointing at the temp copy's sources. */
async function bundle(entry: string, outfile: string) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    logLevel: 'error',
    alias: {
      '@nim-api/types': at('packages/types/src/index.ts'),
      '@nim-api/sandbox': at('packages/sandbox/src/index.ts'),
    },
    nodePaths: [join(root, 'packages/client/node_modules'), join(root, 'packages/sandbox/node_modules')],
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(root, 'packages/release-checks/.walk-'));
  for (const path of copied) cpSync(join(root, path), at(path), { recursive: true });

  // The three hand-edited files.
  const addition = parse(readFileSync(join(fixtures, 'spec-addition.yaml'), 'utf8'));
  const spec = parse(readFileSync(at('openapi/conversation-groups.yaml'), 'utf8'));
  Object.assign(spec.paths, addition.paths);
  Object.assign(spec.components.schemas, addition.schemas);
  writeFileSync(at('openapi/conversation-groups.yaml'), stringify(spec, { lineWidth: 0 }));
  cpSync(join(fixtures, 'count-conversations.ts.fixture'), at('packages/sandbox/src/handlers/count-conversations.ts'));
  cpSync(join(fixtures, 'changeset.md'), at('.changeset/count-conversations.md'));

  // Everything else: the generators of the repository, on the edited spec, writing into the temp copy.
  const generate = `
    const { writeFile } = await import('node:fs/promises');
    const out = ${JSON.stringify(tmp)};
    const outputs = [
      ['packages/types/src/generated/openapi.ts', './packages/types/scripts/render-types.mjs', 'renderTypes'],
      ['packages/types/src/generated/constraints.ts', './packages/types/scripts/render-constraints.mjs', 'renderConstraints'],
      ['packages/types/src/generated/response-shapes.ts', './packages/types/scripts/render-response-shapes.mjs', 'renderResponseShapes'],
      ['packages/types/src/generated/operations.ts', './packages/types/scripts/render-operations.mjs', 'renderOperations'],
      ['packages/sandbox/src/generated/spec.ts', './packages/sandbox/scripts/render-spec.mjs', 'renderSpec'],
      ['packages/sandbox/src/generated/validators.ts', './packages/sandbox/scripts/render-validators.mjs', 'renderValidators'],
      ['packages/sandbox/src/handlers/index.ts', './packages/sandbox/scripts/render-handlers.mjs', 'renderHandlers'],
    ];
    for (const [file, module, name] of outputs) await writeFile(out + '/' + file, await (await import(module))[name]());
    // The README's generated method rows (render-readme-methods.mjs reads the README it renders into).
    const { renderReadmeMethods } = await import('./packages/types/scripts/render-readme-methods.mjs');
    await writeFile(out + '/packages/client/README.md', await renderReadmeMethods());
  `;
  await run('node', ['--input-type=module', '-e', generate], {
    cwd: root,
    env: { ...process.env, NIM_SPEC_PATH: at('openapi/conversation-groups.yaml') },
  });
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('adding a plain read operation (docs/adding-an-operation.md)', () => {
  it('touches three hand-edited files; every other changed file is generated', () => {
    const changed = copied.flatMap((path) =>
      filesUnder(at(path))
        .map((file) => relative(tmp, file))
        .filter(
          (file) =>
            !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== readFileSync(at(file), 'utf8'),
        ),
    );
    const hand = [
      '.changeset/count-conversations.md',
      'openapi/conversation-groups.yaml',
      'packages/sandbox/src/handlers/count-conversations.ts',
    ];
    expect(changed.filter((file) => hand.includes(file)).sort()).toEqual(hand);
    const generated = changed.filter((file) => !hand.includes(file));
    for (const file of generated.filter((name) => name !== 'packages/client/README.md')) {
      expect(readFileSync(at(file), 'utf8').slice(0, 80), `${file} is generated`).toMatch(
        /^(\/\*\*\n \*|\/\/ @ts-nocheck --) GENERATED FILE — DO NOT EDIT/,
      );
    }
    // The README changed only between its generated-methods markers: the new method's row.
    const inside = (text: string) =>
      text.replace(/<!-- generated methods: start[\s\S]*<!-- generated methods: end -->/, '');
    expect(inside(readFileSync(at('packages/client/README.md'), 'utf8'))).toBe(
      inside(readFileSync(join(root, 'packages/client/README.md'), 'utf8')),
    );
    expect(readFileSync(at('packages/client/README.md'), 'utf8')).toContain(
      '| `conversations.count({ account_id })` | `countConversations` |',
    );
    // No client source: the method comes from the operation table.
    expect(generated.filter((file) => file.startsWith('packages/client/src'))).toEqual([]);
    console.log(
      `the walk touched ${hand.length} hand-edited files (${hand.join(', ')}) and ${generated.length} generated ones (${generated.join(', ')})`,
    );
  });

  it('makes nim.conversations.count typed (tsc) and callable through the sandbox', async () => {
    const walk = `import { createSandbox } from '@nim-api/sandbox';
import { createNimClient, NimValidationError } from './packages/client/src/index.js';

const sandbox = createSandbox({ accounts: ['alice'] });
const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
await nim.conversations.create({ conversation_id: 'alice|1|bob' });
await nim.conversations.create({ conversation_id: 'alice|2|6001' });
const { count } = await nim.conversations.count({ account_id: 'alice' });
const typed: number = count;
// @ts-expect-error account_id is required
const refused = await nim.conversations.count({}).catch((error: unknown) => error instanceof NimValidationError);
console.log(JSON.stringify({ count: typed, refused, requests: sandbox.requests.length }));
`;
    writeFileSync(at('walk.ts'), walk);
    writeFileSync(
      at('tsconfig.walk.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
          paths: {
            '@nim-api/types': ['./packages/types/src/index.ts'],
            '@nim-api/sandbox': ['./packages/sandbox/src/index.ts'],
            'openapi-fetch': [join(root, 'packages/client/node_modules/openapi-fetch/dist/index.d.mts')],
            undici: [join(root, 'packages/client/node_modules/undici/index.d.ts')],
            ajv: [join(root, 'packages/sandbox/node_modules/ajv/dist/ajv.d.ts')],
          },
        },
        files: ['walk.ts'],
      }),
    );
    const tsc = await run(join(root, 'node_modules/.bin/tsc'), ['-p', at('tsconfig.walk.json')], { cwd: tmp }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(tsc).toBe('');
    await bundle(at('walk.ts'), at('walk.mjs'));
    const { stdout } = await run('node', [at('walk.mjs')], { cwd: tmp });
    expect(JSON.parse(stdout)).toEqual({ count: 2, refused: true, requests: 3 });
  }, 180_000);

  it('passes the contract check against the Prism mock of the edited spec (the success example, typed)', async () => {
    const prism = await startPrism({ spec: at('openapi/conversation-groups.yaml') });
    try {
      writeFileSync(
        at('contract.ts'),
        `import { createNimClient } from './packages/client/src/index.js';
const nim = createNimClient({ appKey: 'walk', appSecret: 'walk', baseUrl: process.argv[2]!, maxRetries: 0 });
console.log(JSON.stringify(await nim.conversations.count({ account_id: 'alice' })));
`,
      );
      await bundle(at('contract.ts'), at('contract.mjs'));
      const { stdout } = await run('node', [at('contract.mjs'), prism.url], { cwd: tmp });
      expect(JSON.parse(stdout)).toEqual({ count: 3 });
    } finally {
      await prism.stop();
    }
  }, 120_000);

  it('appears on the docs site built from the edited spec, with its rendered curl sample', async () => {
    await run('node', [join(root, 'packages/docs/scripts/build.mjs')], {
      cwd: root,
      env: { ...process.env, NIM_SPEC_PATH: at('openapi/conversation-groups.yaml'), NIM_DOCS_OUT: at('site') },
    });
    const bundled = JSON.parse(readFileSync(at('site/openapi.json'), 'utf8'));
    const operation = bundled.paths['/im/v2.1/conversations/actions/count'].get;
    expect(operation.summary).toBe('Count the conversations of an account');
    expect(operation['x-codeSamples'].map((s: { label: string }) => s.label)).toEqual(['TypeScript', 'curl']);
    expect(operation['x-codeSamples'][1].source).toContain('"$BASE/im/v2.1/conversations/actions/count"');
    expect(readFileSync(at('site/index.html'), 'utf8')).toContain('Count the conversations of an account');
  }, 120_000);
});
