// What a consumer gets: the tarball `pnpm publish` would upload (packed with `pnpm pack`, as publish does),
// checked by publint and @arethetypeswrong/cli (attw) with no problems at all, shipping only what is needed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, runOk, workspaceRoot } from '../src/run.js';

const packages = ['types', 'client', 'sandbox', 'redis'] as const;
const tarballs: Record<string, { path: string; files: string[] }> = {};
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'nim-api-pack-'));
  await Promise.all(
    packages.map(async (pkg) => {
      const { stdout } = await runOk('pnpm', ['pack', '--pack-destination', tmp, '--json'], {
        cwd: join(workspaceRoot, 'packages', pkg),
        env: cleanEnv(),
      });
      const packed = JSON.parse(stdout) as { filename: string; files: Array<{ path: string }> };
      tarballs[pkg] = { path: packed.filename, files: packed.files.map((f) => f.path).sort() };
    }),
  );
}, 60_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.each(packages)('@nim-api/%s', (pkg) => {
  const dir = join(workspaceRoot, 'packages', pkg);
  const manifest = async () => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));

  it('declares Node >= 20, no side effects, MIT, ESM + CJS + types for both in exports', async () => {
    const json = await manifest();
    expect(json.engines).toEqual({ node: '>=20' });
    expect(json.sideEffects).toBe(false);
    expect(json.license).toBe('MIT');
    expect(json.private).toBeUndefined();
    expect(json.files).toEqual(['dist', 'CHANGELOG.md']);
    const fetchBuild = {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    };
    // The client gives Node (the `node` condition) its build with the undici transport; everything else (edge
    // runtimes, browsers, bundlers for them) gets the fetch build. Both share one set of declarations.
    const nodeBuild = {
      import: { types: './dist/index.d.ts', default: './dist/index.node.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.node.cjs' },
    };
    // The sandbox gives Node, Bun and Deno (the `node` condition) everything, HTTP front and undici dispatcher
    // included; everything else (workerd, edge runtimes, browsers) the portable build: no Node built-in imported.
    const sandboxBuilds = {
      node: fetchBuild,
      import: { types: './dist/portable.d.ts', default: './dist/portable.js' },
      require: { types: './dist/portable.d.cts', default: './dist/portable.cjs' },
    };
    const expected =
      pkg === 'client' ? { node: nodeBuild, ...fetchBuild } : pkg === 'sandbox' ? sandboxBuilds : fetchBuild;
    expect(json.exports['.']).toEqual(expected);
    if (pkg === 'client' || pkg === 'sandbox') expect(Object.keys(json.exports['.'])[0]).toBe('node'); // conditions match in order
  });

  it('points npm at its source, issues and manual: repository (with directory), homepage, bugs, keywords', async () => {
    const json = await manifest();
    // One repository for all packages; npm's provenance ties a package to it, so it must name this package's folder.
    const repository = 'https://github.com/nim-api/nim-api';
    expect(json.repository).toEqual({ type: 'git', url: `git+${repository}.git`, directory: `packages/${pkg}` });
    expect(json.homepage).toBe(`${repository}/tree/main/packages/${pkg}#readme`);
    expect(json.bugs).toEqual({ url: `${repository}/issues` });
    expect(json.keywords).toEqual(expect.arrayContaining(['netease', 'yunxin', 'nim']));
    const root = JSON.parse(await readFile(join(workspaceRoot, 'package.json'), 'utf8'));
    expect(json.engines.node, 'the Node range the repository is tested with').toBe(root.engines.node);
  });

  it('ships only the build, package.json, README.md, LICENSE and CHANGELOG.md', () => {
    const { files } = tarballs[pkg]!;
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
    ]) {
      expect(files, required).toContain(required);
    }
    const unexpected = files.filter(
      (file) =>
        !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file) &&
        !/^dist\/[^/]+\.(js|cjs|d\.ts|d\.cts)$/.test(file),
    );
    expect(unexpected).toEqual([]);
  });

  it('passes publint with no errors, warnings or suggestions', async () => {
    const tarball = await readFile(tarballs[pkg]!.path);
    const { messages, pkg: packed } = await publint({
      level: 'suggestion',
      strict: true,
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    });
    const lines = messages.map((m) => `${m.type}: ${formatMessage(m, packed) ?? m.code}`);
    expect(lines).toEqual([]);
  });

  it('passes attw (Are the types wrong?) with no problems in node10, node16 CJS/ESM and bundler', async () => {
    const { stdout } = await runOk(bin('attw'), [tarballs[pkg]!.path, '--format', 'json'], { env: cleanEnv() });
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toContain('.');
  });
});
