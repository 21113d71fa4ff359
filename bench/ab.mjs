// Before/after of a client change, in ONE run (sequential runs on a shared machine are not comparable):
//   cp packages/client/dist/index.js /tmp/client-before.js   # before editing packages/client/src
//   …edit, pnpm build…
//   node bench/ab.mjs /tmp/client-before.js [packages/client/dist/index.js] [--rounds=41] [--quick]
// Both builds are bundled the same way (esbuild, dependencies resolved from packages/client) and measured in
// alternating rounds: stubbed-fetch CPU per call, loopback `get` client CPU per call, loopback req/s at concurrency 64.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { perCall } from './cpu.mjs';
import {
  accountId,
  appKey,
  appSecret,
  clientDir,
  clientEntry,
  groupEnvelopeText,
  groupId,
  interleave,
  paired,
  startServer,
  summary,
} from './lib.mjs';
import { load } from './loopback.mjs';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const quick = process.argv.includes('--quick');
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? (quick ? 3 : 41));
if (args.length < 1) throw new Error('usage: node bench/ab.mjs <before.js> [<after.js>] [--quick]');
const builds = { before: resolve(args[0]), after: resolve(args[1] ?? clientEntry) };

const dir = mkdtempSync(join(tmpdir(), 'nim-ab-'));
const server = await startServer();
try {
  const clients = {};
  for (const [name, entry] of Object.entries(builds)) {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      outfile,
      nodePaths: [join(clientDir, 'node_modules')],
      logLevel: 'silent',
    });
    clients[name] = (await import(pathToFileURL(outfile).href)).createNimClient;
  }
  const stub = async () =>
    new Response(groupEnvelopeText, { status: 200, headers: { 'content-type': 'application/json' } });
  const calls = (options) =>
    Object.fromEntries(
      Object.entries(clients).map(([name, create]) => {
        const nim = create({ appKey, appSecret, ...options });
        return [name, () => nim.conversationGroups.get(groupId, { account_id: accountId })];
      }),
    );
  const report = (label, r, key, unit, digits = 1) => {
    const b = summary(r.before.map((x) => x[key]));
    const a = summary(r.after.map((x) => x[key]));
    const d = summary(
      paired(
        r.after.map((x) => x[key]),
        r.before.map((x) => x[key]),
        (x, y) => x - y,
      ),
    );
    const f = (v) => v.toFixed(digits);
    console.log(
      `| ${label} | ${f(b.median)} ${unit} (IQR ${f(b.q1)}–${f(b.q3)}) | ${f(a.median)} ${unit} (IQR ${f(a.q1)}–${f(a.q3)}) | ${d.median > 0 ? '+' : ''}${f(d.median)} (IQR ${f(d.q1)}–${f(d.q3)}) |`,
    );
  };
  console.log('| figure | before | after | after − before, per round pair |\n|---|---|---|---|');

  // Many short rounds: each pair of neighbouring rounds sees the same machine, and the median of the pairs'
  // differences is what a busy machine cannot fake.
  const stubbed = calls({ baseUrl: 'http://127.0.0.1:9', fetch: stub });
  for (const call of Object.values(stubbed)) await perCall(call, 500);
  report(
    '2. stubbed fetch, CPU µs/call',
    await interleave(stubbed, rounds, (call) => perCall(call, quick ? 100 : 300)),
    'cpu',
    'µs',
  );

  const real = calls({ baseUrl: server.url });
  for (const call of Object.values(real)) await perCall(call, 500);
  report(
    '1. loopback, sequential, client CPU µs/req',
    await interleave(real, rounds, (call) => perCall(call, quick ? 100 : 200)),
    'cpu',
    'µs',
    0,
  );
  const bounds = { maxRequests: 60_000, maxMs: quick ? 150 : 300 };
  const r = await interleave(real, Math.ceil(rounds / 2), (call) => load(call, 64, bounds));
  report('1. loopback c=64, req/s', r, 'rps', 'req/s', 0);
  const { badSignatures } = await server.stats();
  if (badSignatures) throw new Error(`${badSignatures} bad signatures`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
