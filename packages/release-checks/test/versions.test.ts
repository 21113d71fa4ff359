// Versioning: spec and packages in step, changesets configured for a fixed pair and no private packages, and
// `changeset version` + the spec sync doing the right thing on a copy of the workspace.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without declarations
import { readVersions, setInfoVersion, syncSpecVersion } from '../../../scripts/sync-spec-version.mjs';
import { bin, cleanEnv, runOk, workspaceRoot } from '../src/run.js';

const readJson = async (path: string) => JSON.parse(await readFile(join(workspaceRoot, path), 'utf8'));
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('versions', () => {
  it("keeps the spec's info.version equal to @nim-api/types, @nim-api/client, @nim-api/sandbox and @nim-api/redis", async () => {
    const spec = parse(await readFile(join(workspaceRoot, 'openapi/conversation-groups.yaml'), 'utf8'));
    const types = await readJson('packages/types/package.json');
    const client = await readJson('packages/client/package.json');
    const sandbox = await readJson('packages/sandbox/package.json');
    const redis = await readJson('packages/redis/package.json');
    // On failure: `node scripts/sync-spec-version.mjs && pnpm generate` (or `pnpm version-packages`).
    expect(String(spec.info.version)).toBe(types.version);
    expect(client.version).toBe(types.version);
    expect(sandbox.version).toBe(types.version);
    expect(redis.version).toBe(types.version);
    expect(await readVersions()).toEqual({
      spec: types.version,
      types: types.version,
      client: types.version,
      sandbox: types.version,
    });
  });

  it('configures changesets: the public packages fixed together, private packages never versioned or tagged', async () => {
    const config = await readJson('.changeset/config.json');
    expect(config.fixed).toContainEqual(['@nim-api/types', '@nim-api/client', '@nim-api/sandbox', '@nim-api/redis']);
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.access).toBe('public');
    expect(config.baseBranch).toBe('main');
  });

  it('has a pending or consumed release note for every public package', async () => {
    const files = (await readdir(join(workspaceRoot, '.changeset'))).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    const pending = await Promise.all(files.map((f) => readFile(join(workspaceRoot, '.changeset', f), 'utf8')));
    for (const name of ['@nim-api/types', '@nim-api/client', '@nim-api/sandbox', '@nim-api/redis']) {
      const dir = name.replace('@nim-api/', 'packages/');
      const changelog = await readFile(join(workspaceRoot, dir, 'CHANGELOG.md'), 'utf8').catch(() => '');
      const mentioned = pending.some(
        (text) => text.split('---')[1]?.includes(`'${name}'`) || text.split('---')[1]?.includes(`"${name}"`),
      );
      expect(mentioned || changelog.includes('## '), `${name}: no changeset and no CHANGELOG.md`).toBe(true);
    }
  });
});

describe('setInfoVersion', () => {
  const spec =
    'openapi: 3.1.0\ninfo:\n  title: T # c\n  version: 0.1.0\n  license:\n    name: MIT\n    version: keep\nservers: []\n';

  it('changes only the version line of info', () => {
    const out = setInfoVersion(spec, '1.2.3');
    expect(out).toBe(spec.replace('  version: 0.1.0', '  version: 1.2.3'));
    expect(parse(out).info.license.version).toBe('keep');
  });

  it('rejects what is not a version, and a spec without info.version', () => {
    expect(() => setInfoVersion(spec, 'latest')).toThrow(/semver/);
    expect(() => setInfoVersion('openapi: 3.1.0\ninfo:\n  title: T\npaths: {}\n', '1.0.0')).toThrow(/info\.version/);
  });
});

describe('`changeset version` + spec sync (pnpm version-packages) on a copy of the workspace', () => {
  it('bumps the public packages together, writes their CHANGELOGs, leaves private packages alone, syncs the spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nim-api-version-'));
    temps.push(dir);
    for (const path of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json', 'openapi']) {
      await cp(join(workspaceRoot, path), join(dir, path), { recursive: true });
    }
    for (const pkg of ['types', 'client', 'sandbox', 'redis']) {
      await mkdir(join(dir, 'packages', pkg), { recursive: true });
      await cp(join(workspaceRoot, 'packages', pkg, 'package.json'), join(dir, 'packages', pkg, 'package.json'));
    }
    // A private package, like packages/docs, that depends on the client.
    await mkdir(join(dir, 'packages/docs'), { recursive: true });
    await writeFile(
      join(dir, 'packages/docs/package.json'),
      JSON.stringify({
        name: '@nim-api/docs-fixture',
        version: '0.0.0',
        private: true,
        dependencies: { '@nim-api/client': 'workspace:*' },
      }),
    );
    await symlink(join(workspaceRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const before = (await readVersions(dir)).types as string;
    await writeFile(
      join(dir, '.changeset/new-operation.md'),
      "---\n'@nim-api/types': minor\n---\n\nA new operation in the spec.\n",
    );

    await runOk(bin('changeset'), ['version'], { cwd: dir, env: cleanEnv() });
    await syncSpecVersion({ root: dir });

    const [major, minor] = before.split('.').map(Number);
    const expected = `${major}.${minor! + 1}.0`;
    expect(await readVersions(dir)).toEqual({ spec: expected, types: expected, client: expected, sandbox: expected });
    // @nim-api/redis depends on the client (exact version, like the client on types): one version for all of them.
    expect(JSON.parse(await readFile(join(dir, 'packages/redis/package.json'), 'utf8')).version).toBe(expected);
    for (const pkg of ['types', 'client', 'sandbox', 'redis']) {
      const changelog = await readFile(join(dir, 'packages', pkg, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`## ${expected}`);
    }
    expect(await readFile(join(dir, 'packages/types/CHANGELOG.md'), 'utf8')).toContain('A new operation in the spec.');
    const docs = JSON.parse(await readFile(join(dir, 'packages/docs/package.json'), 'utf8'));
    expect(docs.version).toBe('0.0.0');
    await expect(readFile(join(dir, 'packages/docs/CHANGELOG.md'))).rejects.toThrow();
  }, 30_000);
});
