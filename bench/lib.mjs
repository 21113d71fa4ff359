// Shared helpers of the benchmark suite: where the built packages are, the fixtures (credentials, envelope), the
// hand-written baseline (signing + fetch), interleaved rounds, statistics, and the loopback server process.
import { fork, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const clientDir = join(root, 'packages/client');
/** What `import '@nim-api/client'` resolves to (package.json `exports['.'].import.default`): the BUILT client. */
export const clientEntry = join(clientDir, 'dist/index.js');
/** What Node resolves `@nim-api/client` to (the `node` condition): the build with the undici transport. */
export const nodeClientEntry = join(clientDir, 'dist/index.node.js');

/**
 * The built client, imported from dist (run `pnpm build` first; `pnpm bench` does). `node: true` gives the Node
 * build (undici by default), otherwise the fetch build edge runtimes load.
 */
export async function importClient({ node = false } = {}) {
  const entry = node ? nodeClientEntry : clientEntry;
  try {
    return await import(pathToFileURL(entry).href);
  } catch (error) {
    throw new Error(`cannot import ${entry} — run \`pnpm build\` first (${error.message})`);
  }
}

/** undici exactly as the client resolves it (the pinned version). */
export function importUndici() {
  return createRequire(join(clientDir, 'package.json'))('undici');
}

/** openapi-fetch exactly as the client resolves it (same version, same ESM file). */
export async function importOpenapiFetch() {
  const require = createRequire(join(clientDir, 'package.json'));
  const pkgJson = require.resolve('openapi-fetch/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return import(pathToFileURL(join(dirname(pkgJson), pkg.exports['.'].import)).href);
}

// ---------------------------------------------------------------- fixtures

export const appKey = 'bench-app-key';
export const appSecret = 'bench-app-secret-0123456789';
export const accountId = 'alice';
/** Above 2^53, so the SDK's exact-id parsing is exercised on every response. */
export const groupId = '9007199254740993';

/** The group `get` answers with, as the server writes it (int64 id as a JSON number). */
export const groupEnvelopeText =
  `{"code":200,"msg":"success","data":{"group_id":${groupId},"name":"Work","server_extension":"{\\"color\\":\\"blue\\"}",` +
  `"create_time":1764115200000,"update_time":1764201600000,"account_id":"${accountId}",` +
  `"conversation_ids":["alice|1|bob","alice|1|carol","alice|2|6001","alice|3|7001"]}}`;

/** `count` conversation ids owned by `accountId` (p2p with bench peers). */
export const conversationIds = (count) => Array.from({ length: count }, (_, i) => `${accountId}|1|peer${i}`);

// ---------------------------------------------------------------- the hand-written baseline

const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const toHex = (bytes) => {
  let hex = '';
  for (const byte of bytes) hex += hexByte[byte];
  return hex;
};

/** A fresh nonce, exactly as the client makes it: 16 random bytes as hex (WebCrypto). */
export const handNonce = () => toHex(crypto.getRandomValues(new Uint8Array(16)));

/**
 * The signed headers of one request, computed by hand the fastest way a Node caller would: node:crypto's SHA-1
 * (the client cannot use node:crypto, it must also run on edge runtimes; see signing.mjs).
 */
export async function handSignedHeaders() {
  const nonce = handNonce();
  const curTime = String(Math.floor(Date.now() / 1000));
  return {
    AppKey: appKey,
    Nonce: nonce,
    CurTime: curTime,
    CheckSum: createHash('sha1')
      .update(appSecret + nonce + curTime)
      .digest('hex'),
    'X-custom-traceid': crypto.randomUUID().replaceAll('-', ''),
  };
}

/**
 * Hand-written `get`: signed headers, `fetch`, `JSON.parse` of the envelope, `data` out. With `timeoutMs`, each
 * call also gets a deadline the way careful hand-written code (and the SDK, per attempt) does it: an
 * AbortController whose signal goes to `fetch`, and a timer cleared when the call ends.
 */
export function handGet(baseUrl, fetchImpl = fetch, { timeoutMs } = {}) {
  const url = `${baseUrl}/im/v2/conversation_groups/${groupId}?account_id=${encodeURIComponent(accountId)}`;
  const parse = async (response) => {
    const envelope = JSON.parse(await response.text());
    if (response.status !== 200 || envelope.code !== 200)
      throw new Error(`baseline got ${response.status} ${envelope.code}`);
    return envelope.data;
  };
  if (timeoutMs === undefined) return async () => parse(await fetchImpl(url, { headers: await handSignedHeaders() }));
  return async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await parse(await fetchImpl(url, { headers: await handSignedHeaders(), signal: controller.signal }));
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Hand-written `get` on undici's own `request()` (the npm package the client's undici transport uses), with the
 * same signed headers (node:crypto) and the same `JSON.parse`: the ceiling a Node caller could write by hand.
 */
export function handUndiciGet(baseUrl) {
  const { request } = importUndici();
  const url = `${baseUrl}/im/v2/conversation_groups/${groupId}?account_id=${encodeURIComponent(accountId)}`;
  return async () => {
    const { statusCode, body } = await request(url, { headers: await handSignedHeaders() });
    const envelope = JSON.parse(await body.text());
    if (statusCode !== 200 || envelope.code !== 200)
      throw new Error(`undici baseline got ${statusCode} ${envelope.code}`);
    return envelope.data;
  };
}

/** Hand-written PATCH adding `ids` to the bench group. */
export async function handAddConversations(baseUrl, ids, fetchImpl = fetch) {
  const response = await fetchImpl(`${baseUrl}/im/v2/conversation_groups/${groupId}`, {
    method: 'PATCH',
    headers: { ...(await handSignedHeaders()), 'Content-Type': 'application/json;charset=utf-8' },
    body: JSON.stringify({ account_id: accountId, conversations: { type: 1, conversation_ids: ids } }),
  });
  const envelope = JSON.parse(await response.text());
  if (response.status !== 200 || envelope.code !== 200)
    throw new Error(`baseline got ${response.status} ${envelope.code}`);
  return envelope.data;
}

// ---------------------------------------------------------------- rounds and statistics

/**
 * Runs `rounds` rounds; each round runs every variant once, the order rotating from round to round (A B C, B C A,
 * C A B, …) so slow drift of a noisy machine hits every variant alike. Returns `{ [variant]: [value per round] }`.
 * `measure(variant, round)` returns one number (or an object) per round.
 */
export async function interleave(variants, rounds, measure) {
  const names = Object.keys(variants);
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(round + i) % names.length];
      results[name].push(await measure(variants[name], name, round));
    }
  }
  return results;
}

/** Median, quartiles (linear interpolation) and extremes of `values`. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/** Nearest-rank percentile of an already sorted array. */
export const percentile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Per-round pairs `f(a[i], b[i])` (rounds of the same index ran next to each other). */
export const paired = (a, b, f) => a.map((x, i) => f(x, b[i]));

/** `12.3 (11.9–12.8)` with `digits` decimals. */
export function fmt(s, digits = 1, unit = '') {
  const n = (v) => v.toFixed(digits);
  return `${n(s.median)}${unit} (${n(s.min)}–${n(s.max)})`;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    date: new Date().toISOString(),
  };
}

// ---------------------------------------------------------------- fresh processes

/**
 * Runs a fresh `node` with `args` and measures it: `wallMs` from spawn to exit, and `cpuMs`, the child's own CPU
 * time (user + system, all its threads) that it reports from its `exit` event. On a shared machine wall time of a
 * short process is mostly waiting for a core; CPU time is the work the process did, which is what its wall time
 * would be on an idle machine for single-threaded, cached-file work like module loading or tsc.
 * `esm`: the `-e` source is an ES module (top-level await); otherwise CommonJS (`require` available).
 */
export function spawnNodeMeasured(source, { esm = false, args = [], cwd = root, env = process.env } = {}) {
  const report = `process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\n@@cpu ' + (u.user + u.system) + '\\n'); });`;
  const prelude = esm
    ? `import { writeSync } from 'node:fs'; ${report}`
    : `const { writeSync } = require('node:fs'); ${report}`;
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...(esm ? ['--input-type=module'] : []), '-e', `${prelude}\n${source}`, ...args],
    {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    },
  );
  const wallMs = performance.now() - started;
  const cpu = /@@cpu (\d+)\s*$/.exec(child.stderr ?? '');
  if (child.status !== 0 || !cpu) throw new Error(`node -e failed (${child.status}):\n${child.stdout}${child.stderr}`);
  return { wallMs, cpuMs: Number(cpu[1]) / 1000, stdout: child.stdout };
}

// ---------------------------------------------------------------- the loopback server process

/**
 * Starts bench/server.mjs in its own process (node:http, keep-alive, 127.0.0.1, a free port). `stop()` ends it;
 * the child also exits by itself when this process goes away (IPC disconnect) or after `maxLifetimeMs`.
 */
export async function startServer({ maxLifetimeMs = 15 * 60_000 } = {}) {
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
    env: {
      ...process.env,
      BENCH_APP_KEY: appKey,
      BENCH_APP_SECRET: appSecret,
      BENCH_MAX_LIFETIME_MS: String(maxLifetimeMs),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 10 s')), 10_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code} before listening`));
    });
  });
  const ask = () =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send('stats');
    });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    /** `{ requests, badSignatures }` counted by the server so far. */
    stats: ask,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
