// End-to-end: publish both packages to a throwaway Verdaccio with the release's own publish step, then install
// them into fresh consumer projects outside the workspace and use them (ESM/NodeNext, CommonJS, bundler).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without declarations
import { startPrism } from '../../../scripts/prism.mjs';
import {
  bundlerProject,
  commonJsProject,
  consumerNpmrc,
  esmNodeNextProject,
  redisProject,
  sandboxProject,
  writeProject,
} from '../src/consumers.js';
import { cleanEnv, run, runOk, tscPath, workspaceRoot } from '../src/run.js';
import { assertLocalRegistry, startVerdaccio, type Verdaccio } from '../src/verdaccio.js';

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const versions = {
  types: (await readJson(join(workspaceRoot, 'packages/types/package.json'))).version as string,
  client: (await readJson(join(workspaceRoot, 'packages/client/package.json'))).version as string,
  sandbox: (await readJson(join(workspaceRoot, 'packages/sandbox/package.json'))).version as string,
  redis: (await readJson(join(workspaceRoot, 'packages/redis/package.json'))).version as string,
};
// The ioredis the consumer installs: the version @nim-api/redis is developed and tested with.
const ioredisVersion = (await readJson(join(workspaceRoot, 'packages/redis/package.json'))).devDependencies
  .ioredis as string;
const published = ['@nim-api/client', '@nim-api/redis', '@nim-api/sandbox', '@nim-api/types'];
const versionOf = (name: string) => versions[name.replace('@nim-api/', '') as keyof typeof versions];

let tmp: string;
let registry: Verdaccio | undefined;
let prism: { url: string; stop: () => Promise<void>; log: () => string } | undefined;
let publishOutput = '';
const consumers: Record<'esm' | 'cjs' | 'bundler' | 'sandbox' | 'redis', string> = {
  esm: '',
  cjs: '',
  bundler: '',
  sandbox: '',
  redis: '',
};
const started = Date.now();
const phases: string[] = [];
const phase = (name: string, since: number) => phases.push(`${name} ${((Date.now() - since) / 1000).toFixed(1)} s`);

/** `npm install` in a consumer: @nim-api/* from the local registry (its .npmrc), the rest as configured. */
async function npmInstall(dir: string) {
  // No --prefer-offline: npm's default cache mode revalidates Verdaccio's packuments (they carry no freshness
  // headers, so a cached one from an earlier run on the same port can never be used stale), while tarballs,
  // content-addressed, and npmjs packuments (max-age 300) still come from the npm cache.
  return runOk('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: dir,
    env: cleanEnv(),
    timeoutMs: 120_000,
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'nim-api-release-'));
  let since = Date.now();
  [registry, prism] = await Promise.all([startVerdaccio(join(tmp, 'registry')), startPrism()]);
  phase('verdaccio+prism up', since);
  assertLocalRegistry(registry.url);

  // A throwaway user, its token only in a userconfig of this run.
  const token = await registry.addUser('release-test', randomBytes(12).toString('hex'));
  const userconfig = join(tmp, 'publish.npmrc');
  const host = registry.url.replace(/^http:/, '');
  await writeFile(userconfig, `registry=${registry.url}\n${host}:_authToken=${token}\n`);

  // The publish step of `pnpm release` (changeset publish → pnpm publish per public package), no git tags,
  // no rebuild (`pnpm test` has just built). NIM_RELEASE_LOCAL_ONLY makes the release refuse any registry that
  // is not on 127.0.0.1; CI=true checks that an explicit registry satisfies the CI guard; --no-provenance because a
  // CI's OIDC token (if this runs in one) cannot sign for a local registry.
  since = Date.now();
  const release = await runOk(
    process.execPath,
    [
      'scripts/release.mjs',
      '--skip-version',
      '--skip-build',
      '--no-git-tag',
      '--no-provenance',
      '--registry',
      registry.url,
    ],
    {
      env: cleanEnv({ NPM_CONFIG_USERCONFIG: userconfig, NIM_RELEASE_LOCAL_ONLY: '1', CI: 'true' }),
      timeoutMs: 120_000,
    },
  );
  publishOutput = release.output;
  phase('publish', since);
  since = Date.now();

  const prismUrl = prism.url;
  const projects = {
    esm: esmNodeNextProject(prismUrl, versions),
    cjs: commonJsProject(prismUrl, versions),
    bundler: bundlerProject(prismUrl, versions),
    sandbox: sandboxProject(versions),
    redis: redisProject({ ...versions, ioredis: ioredisVersion }),
  };
  await Promise.all(
    (Object.keys(projects) as Array<keyof typeof projects>).map(async (name) => {
      const dir = join(tmp, `consumer-${name}`);
      await writeProject(dir, { ...projects[name], '.npmrc': consumerNpmrc(registry!.url) });
      await npmInstall(dir);
      consumers[name] = dir;
    }),
  );
  phase('4 consumer installs', since);
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([registry?.stop(), prism?.stop()]);
  // RELEASE_CHECKS_KEEP_TMP=1 keeps the consumer projects and the registry storage for a look.
  if (tmp && process.env.RELEASE_CHECKS_KEEP_TMP !== '1') await rm(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp}`);
  console.log(`publish-and-install: ${((Date.now() - started) / 1000).toFixed(1)} s in total (${phases.join(', ')})`);
});

describe('publishing to a local registry with the release command', () => {
  it('publishes exactly the public packages, at the workspace versions, workspace:* resolved', async () => {
    expect(publishOutput).toMatch(/packages published successfully/);
    // Storage holds only what was published: no private package (release-checks, docs, …), nothing else.
    expect((await readdir(join(registry!.storage, '@nim-api'))).sort()).toEqual([
      'client',
      'redis',
      'sandbox',
      'types',
    ]);
    for (const name of published) {
      const response = await fetch(new URL(name.replace('/', '%2f'), registry!.url));
      expect(response.status, name).toBe(200);
      const packument = (await response.json()) as { 'dist-tags': { latest: string }; versions: Record<string, any> };
      const version = versionOf(name);
      expect(packument['dist-tags'].latest).toBe(version);
      const manifest = packument.versions[version];
      for (const range of Object.values({ ...manifest.dependencies, ...manifest.peerDependencies })) {
        expect(range, `${name} dependency range`).not.toMatch(/^workspace:/);
      }
    }
    const client = (await (await fetch(new URL('@nim-api%2fclient', registry!.url))).json()) as any;
    expect(client.versions[versions.client].dependencies['@nim-api/types']).toBe(versions.types);
    const sandbox = (await (await fetch(new URL('@nim-api%2fsandbox', registry!.url))).json()) as any;
    expect(sandbox.versions[versions.sandbox].dependencies['@nim-api/types']).toBe(versions.types);
    expect(Object.keys(sandbox.versions[versions.sandbox].dependencies).sort()).toEqual(['@nim-api/types']);
    const redis = (await (await fetch(new URL('@nim-api%2fredis', registry!.url))).json()) as any;
    expect(redis.versions[versions.redis].dependencies['@nim-api/client']).toBe(versions.client);
    expect(redis.versions[versions.redis].peerDependencies.ioredis).toBe('^5.0.0 || ^6.0.0');
  });

  it('refuses to publish to a registry that is not on 127.0.0.1', async () => {
    const result = await run(
      process.execPath,
      [
        'scripts/release.mjs',
        '--skip-version',
        '--skip-build',
        '--no-git-tag',
        '--registry',
        'https://registry.npmjs.org/',
      ],
      { env: cleanEnv({ NIM_RELEASE_LOCAL_ONLY: '1' }) },
    );
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/refusing to publish to https:\/\/registry\.npmjs\.org\//);
    expect(result.output).not.toMatch(/changeset|▶ publish/);
  });

  it('installs what was published: integrity of the installed tarballs equals the registry', async () => {
    const locks = [
      await readJson(join(consumers.esm, 'package-lock.json')),
      await readJson(join(consumers.sandbox, 'package-lock.json')),
      await readJson(join(consumers.redis, 'package-lock.json')),
    ];
    for (const name of published) {
      const packument = (await (await fetch(new URL(name.replace('/', '%2f'), registry!.url))).json()) as any;
      const entry = locks.map((lock) => lock.packages[`node_modules/${name}`]).find(Boolean);
      expect(entry?.version, name).toBe(packument['dist-tags'].latest);
      expect(entry?.integrity, name).toBe(packument.versions[entry.version].dist.integrity);
    }
  });
});

// Concurrent: the three tsc runs are separate processes, so they share the cores.
describe.concurrent('consumers of the published packages', () => {
  it('(1) ESM, moduleResolution NodeNext: type-checks and calls the Prism mock', async () => {
    await runOk(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: consumers.esm });
    const { stdout } = await runOk(process.execPath, ['dist/index.js'], { cwd: consumers.esm });
    expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true, specVersion: versions.types });
    expect(JSON.parse(stdout.trim()).groups).toBeGreaterThanOrEqual(0);
  });

  it('(2) CommonJS: require() works, also from TypeScript compiled to CommonJS', async () => {
    const plain = await runOk(process.execPath, ['plain.cjs'], { cwd: consumers.cjs });
    expect(JSON.parse(plain.stdout.trim())).toMatchObject({ ok: true });
    await runOk(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: consumers.cjs });
    const emitted = await readFile(join(consumers.cjs, 'dist/typed.js'), 'utf8');
    expect(emitted).toMatch(/require\("@nim-api\/client"\)/);
    const typed = await runOk(process.execPath, ['dist/typed.js'], { cwd: consumers.cjs });
    expect(JSON.parse(typed.stdout.trim())).toMatchObject({ ok: true });
  });

  it('(4) a team testing its code: client + sandbox type-check, its node:test suite passes, the nim-sandbox bin runs', async () => {
    await runOk(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: consumers.sandbox });
    const tests = await runOk(process.execPath, ['--test', 'dist/groups.test.js'], { cwd: consumers.sandbox });
    expect(tests.stdout).toMatch(/# pass 3/);
    expect(tests.stdout).toMatch(/# fail 0/);
    const help = await runOk(join(consumers.sandbox, 'node_modules/.bin/nim-sandbox'), ['--help'], {
      cwd: consumers.sandbox,
    });
    expect(help.stdout).toMatch(/usage: nim-sandbox/);
  });

  it('(5) @nim-api/redis with ioredis: type-checks (the limiter fits rateLimit) and runs', async () => {
    await runOk(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: consumers.redis });
    const { stdout } = await runOk(process.execPath, ['dist/index.js'], { cwd: consumers.redis });
    expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true, stats: { mode: 'redis', redisPermits: 0 } });
  });

  it('(3) bundler-style, moduleResolution Bundler: type-checks, bundles and runs', async () => {
    await runOk(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: consumers.bundler });
    const outfile = join(consumers.bundler, 'dist/bundle.mjs');
    await build({
      absWorkingDir: consumers.bundler,
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'es2022',
      outfile,
      logLevel: 'silent',
    });
    const { stdout } = await runOk(process.execPath, [outfile], { cwd: consumers.bundler });
    expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true });
  });
});
