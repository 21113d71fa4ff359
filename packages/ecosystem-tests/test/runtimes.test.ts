// The packed packages in every runtime a team deploys on: each runs the same checks (checks.ts of the consumer)
// against the loopback server and prints one JSON record; the table runtime × check is printed and written to
// test-artifacts/ecosystem/results.{md,json}.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkNames } from '../src/consumer.js';
import { cleanEnv, run, workspaceRoot } from '../src/run.js';

const { consumer, runtimes, loopback, phases, bundleErrors } = inject('ecosystem');
const config = JSON.stringify(loopback);
const scripts = fileURLToPath(new URL('../scripts/', import.meta.url));
/** Each runtime's own budget; the table says how long each took. */
const perRuntimeMs = 60_000;

interface Row {
  runtime: string;
  version: string;
  results: Record<string, string>;
  ms: number;
}
const rows: Row[] = [];

const env = (extra: Record<string, string> = {}) =>
  cleanEnv({
    NIM_ECO_CONFIG: config,
    // Telemetry and update checks off, whatever the runtime.
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
    WRANGLER_SEND_METRICS: 'false',
    MINIFLARE_DISABLE_TELEMETRY: '1',
    BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
    NO_UPDATE_NOTIFIER: '1',
    ...extra,
  });

function binary(set: string, key: string): string {
  const entry = runtimes[set];
  if (!entry || entry.error) throw new Error(`runtime set ${set} is not installed: ${entry?.error ?? 'missing'}`);
  return entry[key]!;
}

async function version(command: string, args: string[]): Promise<string> {
  const result = await run(command, args, { env: env(), timeoutMs: 20_000 });
  return result.stdout
    .trim()
    .split('\n')[0]!
    .replace(/^v/, '')
    .replace(/^(deno|workerd) /, '')
    .split(' ')[0]!;
}

/** A bundle esbuild could not make fails every check of its runtime, with esbuild's words. */
function bundled(name: string): string {
  if (bundleErrors[name]) throw new Error(`esbuild could not bundle ${name}: ${bundleErrors[name]}`);
  return join(consumer, `bundles/${name}.js`);
}

/** Runs a program that prints the checks' JSON record as its last line. */
async function jsonOf(command: string, args: string[], cwd = consumer): Promise<Record<string, string>> {
  const result = await run(command, args, { cwd, env: env(), timeoutMs: perRuntimeMs - 5_000 });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last);
  } catch {
    return { load: `FAIL exit ${result.code ?? result.signal}: ${result.output.slice(-1500)}` };
  }
}

async function inBrowser(): Promise<{ version: string; results: Record<string, string> }> {
  bundled('browser');
  // Playwright starts it with a new, empty profile of its own (its --user-data-dir).
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${loopback.baseUrl}/`);
    await page
      .waitForFunction(() => (window as unknown as { nimResults?: unknown }).nimResults !== undefined, undefined, {
        timeout: 30_000,
      })
      .catch(() => {});
    const results = (await page.evaluate(
      () => (window as unknown as { nimResults?: Record<string, string> }).nimResults,
    )) ?? {
      load: `FAIL no results: ${errors.join('; ').slice(0, 500)}`,
    };
    return { version: browser.version(), results };
  } finally {
    await browser.close();
  }
}

type Runner = () => Promise<{ version: string; results: Record<string, string> }>;
const nodeRunner =
  (set: string, program: string[]): Runner =>
  async () => {
    const node = binary(set, 'node');
    return { version: await version(node, ['--version']), results: await jsonOf(node, program) };
  };

const runners: Array<[string, Runner]> = [
  [
    'node20-esm (machine)',
    async () => ({ version: process.versions.node, results: await jsonOf(process.execPath, ['dist/node-esm.js']) }),
  ],
  ...['22', '24', '26'].flatMap(
    (major): Array<[string, Runner]> => [
      [`node${major}-esm`, nodeRunner(`node${major}`, ['dist/node-esm.js'])],
      [`node${major}-ts-cjs`, nodeRunner(`node${major}`, ['cjs/dist/index.js'])],
    ],
  ),
  [
    'bun',
    async () => {
      const bun = binary('bun', 'bun');
      return { version: await version(bun, ['--version']), results: await jsonOf(bun, ['dist/node-esm.js']) };
    },
  ],
  [
    'deno',
    async () => {
      const deno = binary('deno', 'deno');
      return {
        version: await version(deno, ['--version']),
        results: await jsonOf(deno, [
          'run',
          '--allow-net=127.0.0.1',
          '--allow-env',
          '--allow-read',
          '--allow-sys',
          '--no-prompt',
          'dist/node-esm.js',
        ]),
      };
    },
  ],
  [
    'workerd (Miniflare)',
    async () => ({
      version: await version(binary('workerd', 'workerd'), ['--version']),
      results: await jsonOf(binary('node24', 'node'), [
        join(scripts, 'run-workerd.mjs'),
        binary('workerd', 'miniflare'),
        bundled('worker'),
      ]),
    }),
  ],
  [
    'edge-runtime',
    async () => ({
      version: `edge-runtime ${(await import(join(binary('edge', 'edgeRuntime'), 'package.json'), { with: { type: 'json' } })).default.version}`,
      results: await jsonOf(process.execPath, [
        join(scripts, 'run-edge.mjs'),
        binary('edge', 'edgeRuntime'),
        bundled('edge'),
      ]),
    }),
  ],
  ['browser (esbuild → Chromium)', inBrowser],
];

describe('the packed packages in each runtime: signed create/get/list/iterate, typed API error, typed timeout, sandbox in process', () => {
  it.each(runners)(
    '%s',
    async (runtime, runner) => {
      const started = Date.now();
      let row: Row;
      try {
        const { version: v, results } = await runner();
        row = { runtime, version: v, results, ms: Date.now() - started };
      } catch (error) {
        row = {
          runtime,
          version: '?',
          results: { load: `FAIL ${String(error).slice(0, 500)}` },
          ms: Date.now() - started,
        };
      }
      rows.push(row);
      const failed = Object.entries(row.results).filter(([, value]) => !value.startsWith('ok'));
      console.log(
        `▶ ecosystem ${runtime} ${row.version}: ${failed.length ? `${failed.length} failed` : 'all ok'} (${(row.ms / 1000).toFixed(1)} s)`,
      );
      expect(Object.keys(row.results).sort(), JSON.stringify(row.results)).toEqual([...checkNames].sort());
      expect(Object.fromEntries(failed), runtime).toEqual({});
      expect(row.ms).toBeLessThan(perRuntimeMs);
    },
    perRuntimeMs + 10_000,
  );
});

afterAll(async () => {
  const cell = (value: string | undefined) =>
    (value === undefined ? '—' : value.startsWith('ok') ? `✅ ${value.slice(3)}` : `❌ ${value}`)
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  const columns = [...checkNames];
  const lines = [
    `| runtime | version | ${columns.join(' | ')} | s |`,
    `|---|---|${columns.map(() => '---').join('|')}|---|`,
    ...rows.map(
      (row) =>
        `| ${row.runtime} | ${row.version} | ${columns.map((c) => cell(row.results[c] ?? row.results.load)).join(' | ')} | ${(row.ms / 1000).toFixed(1)} |`,
    ),
  ];
  const table = `${lines.join('\n')}\n\nsetup: ${phases.join(', ')}\n`;
  console.log(`\n${table}`);
  const out = join(workspaceRoot, 'test-artifacts/ecosystem');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'results.md'), table);
  await writeFile(join(out, 'results.json'), `${JSON.stringify({ rows, phases }, null, 2)}\n`);
});
