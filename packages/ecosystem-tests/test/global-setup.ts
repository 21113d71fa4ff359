// Once per run: the runtimes (installed from the npm registry into the cache, or reused), the packed tarballs of
// @nim-api/types, client and sandbox installed into a fresh consumer project with npm, its programs compiled and
// bundled, and the loopback server started. Handed to the tests with `provide`; stopped at the end.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- plain .mjs script without declarations
import { installRuntimes, pruneRuntimes } from '../scripts/install-runtimes.mjs';
import { browserPage, consumerFiles } from '../src/consumer.js';
import { startLoopback } from '../src/loopback.js';
import { cleanEnv, run, runOk, tscPath, workspaceRoot } from '../src/run.js';

export interface EcosystemSetup {
  consumer: string;
  /** What tsc (the workspace's) said about the consumer, ESM and CJS projects; '' when nothing. */
  typeErrors: string;
  /** Per bundle (worker, edge, browser): why esbuild could not make it, e.g. a Node built-in it cannot resolve. */
  bundleErrors: Record<string, string>;
  runtimes: Record<string, Record<string, string> & { error?: string }>;
  loopback: { baseUrl: string; appKey: string; appSecret: string };
  phases: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    ecosystem: EcosystemSetup;
  }
}

const phases: string[] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    const line = `${name} ${((Date.now() - started) / 1000).toFixed(1)} s`;
    phases.push(line);
    console.log(`▶ ecosystem setup: ${line}`);
  }
}

async function pack(dir: string, into: string): Promise<string> {
  const { stdout } = await runOk('pnpm', ['pack', '--pack-destination', into], {
    cwd: join(workspaceRoot, dir),
    timeoutMs: 60_000,
  });
  const tarball = stdout.trim().split('\n').pop()!.trim();
  if (!tarball.endsWith('.tgz')) throw new Error(`pnpm pack in ${dir} printed no tarball:\n${stdout}`);
  return tarball.startsWith('/') ? tarball : join(into, tarball);
}

export default async function setup(project: TestProject) {
  const tmp = await mkdtemp(join(tmpdir(), 'nim-api-ecosystem-'));
  const consumer = join(tmp, 'consumer');
  const [runtimes, tarballs, loopback] = await Promise.all([
    phase('runtimes (npm registry, cached)', async () => {
      await pruneRuntimes();
      return installRuntimes();
    }),
    phase('pnpm pack ×3', async () => {
      const into = join(tmp, 'tarballs');
      await mkdir(into, { recursive: true });
      const [types, client, sandbox] = await Promise.all(
        ['packages/types', 'packages/client', 'packages/sandbox'].map((dir) => pack(dir, into)),
      );
      return { types: types!, client: client!, sandbox: sandbox! };
    }),
    startLoopback(),
  ]);

  await phase('consumer npm install', async () => {
    for (const [path, text] of Object.entries(consumerFiles(tarballs))) {
      await mkdir(dirname(join(consumer, path)), { recursive: true });
      await writeFile(join(consumer, path), text);
    }
    await runOk(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--prefer-offline'],
      {
        cwd: consumer,
        env: cleanEnv(),
        timeoutMs: 120_000,
      },
    );
  });

  const config = { baseUrl: loopback.url, appKey: loopback.appKey, appSecret: loopback.appSecret };
  let typeErrors = '';
  const bundleErrors: Record<string, string> = {};
  try {
    await phase('tsc (ESM, CJS) + esbuild (workerd, edge, browser)', async () => {
      const bundle = async (
        name: string,
        conditions: string[],
        format: 'esm' | 'iife',
        platform: 'neutral' | 'browser',
      ) => {
        try {
          await build({
            absWorkingDir: consumer,
            entryPoints: [`src/${name}.ts`],
            outfile: `bundles/${name}.js`,
            bundle: true,
            format,
            platform,
            // What wrangler and Next.js ask packages for; the `node` condition is never among them.
            conditions,
            mainFields: ['browser', 'module', 'main'],
            target: 'es2022',
            define: { NIM_ECO_CONFIG: JSON.stringify(config) },
            logLevel: 'silent',
          });
        } catch (error) {
          const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> })
            .errors;
          bundleErrors[name] = errors?.length
            ? errors.map((e) => `${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`).join('; ')
            : String(error);
        }
      };
      // tsc emits even when the types are wrong (the runtimes still run); what it said goes to the type-check test.
      const tsc = (project: string) =>
        run(process.execPath, [tscPath, '-p', project], { cwd: consumer, timeoutMs: 120_000 });
      const [esm, cjs] = await Promise.all([
        tsc('tsconfig.json'),
        tsc('cjs/tsconfig.json'),
        bundle('worker', ['workerd', 'worker', 'browser'], 'esm', 'neutral'),
        bundle('edge', ['edge-light', 'worker', 'browser'], 'iife', 'neutral'),
        bundle('browser', ['browser'], 'esm', 'browser'),
      ]);
      typeErrors = `${esm.output}${cjs.output}`.trim();
    });
    loopback.files.set('/', { type: 'text/html; charset=utf-8', body: browserPage });
    loopback.files.set('/browser.js', {
      type: 'text/javascript',
      body: await readFile(join(consumer, 'bundles/browser.js'), 'utf8').catch(
        () => `window.nimResults = { load: 'FAIL no bundle' };`,
      ),
    });
  } catch (error) {
    await loopback.close();
    throw error;
  }

  project.provide('ecosystem', { consumer, typeErrors, bundleErrors, runtimes, loopback: config, phases });

  return async () => {
    await loopback.close();
    if (process.env.ECOSYSTEM_KEEP_TMP === '1') console.log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  };
}
