// The benchmark runner: `pnpm bench` (builds, then runs all nine) or `node bench/run.mjs [--quick] [--only=a,b]
// [--strict]`. A full run writes bench/results/latest.json and the table in bench/README.md; every run prints it.
// --quick: fewer/shorter rounds (a smoke test, figures not for keeping). --strict: exit 1 when a target is missed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fmt, machine, root, startServer } from './lib.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',');
const roundsArg = args.find((arg) => arg.startsWith('--rounds='));
const rounds = roundsArg ? Number(roundsArg.slice(9)) : undefined;

const suites = {
  loopback: () => import('./loopback.mjs'),
  cpu: () => import('./cpu.mjs'),
  signing: () => import('./signing.mjs'),
  size: () => import('./size.mjs'),
  importTime: () => import('./import-time.mjs'),
  typecheck: () => import('./typecheck.mjs'),
  scale: () => import('./scale.mjs'),
  parse: () => import('./parse.mjs'),
  sandbox: () => import('./sandbox.mjs'),
  redisPermit: () => import('./redis-permit.mjs'),
};
const needsServer = new Set(['loopback', 'scale']);
const selected = Object.keys(suites).filter((name) => !only || only.includes(name));
if (only && only.some((name) => !suites[name])) throw new Error(`--only takes ${Object.keys(suites).join(',')}`);

const results = { machine: machine(), quick, suites: {} };
let server;
try {
  if (selected.some((name) => needsServer.has(name))) server = await startServer();
  for (const name of selected) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = performance.now();
    results.suites[name] = await (await suites[name]()).run({ server, quick, rounds });
    process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  if (server) {
    const { requests, badSignatures } = await server.stats();
    results.server = { requests, badSignatures };
    if (badSignatures > 0) throw new Error(`the server rejected ${badSignatures} of ${requests} signatures`);
  }
} finally {
  await server?.stop();
}
results.machine.loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);

// ---------------------------------------------------------------- the table

const s = results.suites;
const rows = [];
const row = (figure, sdk, baseline, comparison, target, met) =>
  rows.push(
    `| ${figure} | ${sdk} | ${baseline} | ${comparison} | ${target} | ${met === undefined ? '—' : met ? '✅ met' : '❌ missed'} |`,
  );
const ratio = (r) => `×${r.median.toFixed(3)} (${r.min.toFixed(3)}–${r.max.toFixed(3)})`;

const iqr = (r, digits = 2) => `${r.median.toFixed(digits)} (IQR ${r.q1.toFixed(digits)}–${r.q3.toFixed(digits)})`;
if (s.loopback) {
  for (const c of ['c1', 'c64']) {
    const l = s.loopback[c];
    const side = (v) => `${fmt(v.rps, 0)} req/s, ${v.cpuUsPerRequest.median.toFixed(0)} µs CPU/req`;
    const at = `concurrency ${l.concurrency}`;
    row(
      `1a. loopback \`get\`, ${at}: undici SDK ÷ hand-written fetch, req/s`,
      side(l.sdkUndici),
      side(l.baseline),
      `×${iqr(l.undiciOverFetch, 3)}; p50 ×${l.p50Ratio.median.toFixed(2)}, p99 ×${l.p99Ratio.median.toFixed(2)}`,
      '≥ 1.30',
      l.undiciOverFetch.median >= 1.3,
    );
    row(
      `1b. ${at}: undici SDK ÷ hand-written \`undici.request\`, req/s`,
      side(l.sdkUndici),
      side(l.handUndici),
      `×${iqr(l.undiciOverHandUndici, 3)}`,
      '≥ 0.85',
      l.undiciOverHandUndici.median >= 0.85,
    );
    row(
      `1c. ${at}: undici SDK client CPU/req ÷ hand-written fetch`,
      `${l.sdkUndici.cpuUsPerRequest.median.toFixed(0)} µs`,
      `${l.baseline.cpuUsPerRequest.median.toFixed(0)} µs`,
      `×${iqr(l.undiciCpuOverFetch, 3)}`,
      '≤ 0.80',
      l.undiciCpuOverFetch.median <= 0.8,
    );
    row(
      `1d. ${at}: fetch-path SDK ÷ hand-written fetch + 10 s deadline, req/s`,
      side(l.sdkFetch),
      side(l.baselineWithTimeout),
      `×${iqr(l.fetchPathOverTimeout, 3)}. Context: fetch-path SDK ÷ hand-written fetch ×${l.fetchPathOverFetch.median.toFixed(3)}; the deadline alone ×${l.timeoutRatio.median.toFixed(3)}; \`undici.request\` by hand ÷ fetch ×${l.handUndiciOverFetch.median.toFixed(3)}`,
      '≥ 0.88',
      l.fetchPathOverTimeout.median >= 0.88,
    );
  }
}
if (s.cpu) {
  const { cpu, wall } = s.cpu;
  row(
    '2. CPU per call, stubbed network (CPU time; wall in brackets)',
    `fetch-path SDK ${fmt(cpu.usPerCall.sdk)} µs [wall ${wall.usPerCall.sdk.median.toFixed(1)}]; undici SDK on a stub dispatcher ${fmt(cpu.usPerCall.sdkUndici)} µs`,
    `bare openapi-fetch + the same signing middleware ${fmt(cpu.usPerCall.openapiFetch)} µs [wall ${wall.usPerCall.openapiFetch.median.toFixed(1)}]; hand-written ${fmt(cpu.usPerCall.handWritten)} µs`,
    `SDK − bare openapi-fetch ${iqr(cpu.sdkOverOpenapiFetchUs, 1)} µs [wall ${wall.sdkOverOpenapiFetchUs.median.toFixed(1)}]. Context: SDK − hand-written ${cpu.sdkOverHandUs.median.toFixed(1)} µs; openapi-fetch − hand-written ${cpu.openapiFetchOverHandUs.median.toFixed(1)} µs; a 10 s deadline by hand +${cpu.timeoutOverHandUs.median.toFixed(1)} µs`,
    '≤ +25 µs',
    cpu.sdkOverOpenapiFetchUs.median <= 25,
  );
}
if (s.cpu?.otel) {
  const { cpu, wall, otel } = s.cpu;
  row(
    '2b. OpenTelemetry per call with @opentelemetry/api but no SDK registered (CPU time)',
    `the client's OpenTelemetry glue on the API's no-op providers: ${fmt(otel.noSdkOverOffUs, 2)} µs per call (over ${otel.calls} calls a round). Whole calls: API given ${fmt(cpu.usPerCall.sdkOtelNoSdk)} µs [wall ${wall.usPerCall.sdkOtelNoSdk.median.toFixed(1)}]`,
    `openTelemetry: false (= the API not installed: nothing runs) ${fmt(cpu.usPerCall.sdkOtelOff)} µs [wall ${wall.usPerCall.sdkOtelOff.median.toFixed(1)}]`,
    `glue ${iqr(otel.noSdkOverOffUs, 2)} µs; whole calls ${iqr(cpu.otelNoSdkOverOffUs, 1)} µs (noise)`,
    '≤ +2 µs',
    otel.noSdkOverOffUs.median <= 2,
  );
}
if (s.signing) {
  const g = s.signing;
  row(
    '3. signing: nonce + CheckSum per attempt',
    `plain-JS SHA-1 ${fmt(g.usPerAttempt.client, 2)} µs (WebCrypto digest: ${fmt(g.usPerAttempt.webCrypto, 2)} µs)`,
    `node:crypto ${fmt(g.usPerAttempt.nodeCrypto, 2)} µs (the hand-written baseline's way)`,
    `${ratio(g.ratio)}`,
    'report',
    undefined,
  );
}
if (s.size) {
  const z = s.size;
  row(
    '4. bundle, min+gzip',
    `${z.withDepsBytes} B with openapi-fetch`,
    `${z.withoutDepsBytes} B client code alone`,
    `openapi-fetch adds ${z.dependencyBytes} B (size-test budget ${z.budgetBytes} B)`,
    `≤ ${z.targetBytes} B total`,
    z.withDepsBytes <= z.targetBytes,
  );
}
if (s.importTime) {
  const i = s.importTime;
  row(
    '5. import time, fresh process (CPU time; wall in brackets)',
    `${fmt(i.processCpuMs.client)} ms [wall ${i.processWallMs.client.median.toFixed(0)}]`,
    `${fmt(i.processCpuMs.empty)} ms [wall ${i.processWallMs.empty.median.toFixed(0)}] (imports nothing)`,
    `+${fmt(i.addedCpuMs)} ms [wall +${i.addedWallMs.median.toFixed(0)}; in-process import() ${i.inProcessImportMs.median.toFixed(0)} ms wall]`,
    '≤ +20 ms',
    i.addedCpuMs.median <= 20,
  );
}
if (s.typecheck) {
  const t = s.typecheck;
  row(
    '6. `tsc --noEmit`, consumer calling all 9 methods (CPU time; wall in brackets)',
    `${fmt(t.cpuS.consumer, 2)} s [wall ${t.wallS.consumer.median.toFixed(1)}]`,
    `${fmt(t.cpuS.empty, 2)} s [wall ${t.wallS.empty.median.toFixed(1)}] (empty file)`,
    `+${fmt(t.addedCpuS, 2)} s [wall +${t.addedWallS.median.toFixed(1)}]`,
    '≤ +1.5 s',
    t.addedCpuS.median <= 1.5,
  );
}
if (s.scale) {
  const k = s.scale;
  row(
    '7. `addConversations` 1,000 ids (10 PATCHes)',
    `${fmt(k.wallMs.sdk, 2)} ms`,
    `${fmt(k.wallMs.baseline, 2)} ms (10 raw fetch PATCHes)`,
    `time ${ratio(k.ratio)}`,
    'report',
    undefined,
  );
}
if (s.parse) {
  const p = s.parse;
  for (const shape of ['whitespace', 'deepNesting', 'manyGroupIds']) {
    const [one, eight] = [p[`${shape}@1MB`], p[`${shape}@8MB`]];
    row(
      `8. parse a hostile code-200 body: ${shape}, 1 MB / 8 MB`,
      `${fmt(one.sdkMs, 1)} ms / ${fmt(eight.sdkMs, 1)} ms through the client`,
      `JSON.parse ${fmt(one.jsonParseMs, 1)} ms / ${fmt(eight.jsonParseMs, 1)} ms`,
      `client ÷ JSON.parse ${ratio(one.ratio)} / ${ratio(eight.ratio)}; 8 MB ÷ 1 MB time ×${p[`${shape}:growth8MBover1MB`].toFixed(1)}`,
      'linear (8 MB ÷ 1 MB ≤ ×12)',
      p[`${shape}:growth8MBover1MB`] <= 12,
    );
  }
}

if (s.sandbox) {
  const b = s.sandbox;
  const rps = (v) => `${fmt(v, 0)} req/s`;
  row(
    "9a. `get` through the client, in process: `sandbox.fetch` vs a constant-response `fetch` (the fetch transport's ceiling)",
    rps(b.rps.inProcess),
    rps(b.rps.constant),
    `req/s ${ratio(b.inProcessOverConstant)}`,
    '≥ 0.75',
    b.inProcessOverConstant.median >= 0.75,
  );
  row(
    "9a′. the same, `sandbox.dispatcher` vs a constant-response dispatcher (the undici transport's ceiling)",
    rps(b.rps.dispatcher),
    rps(b.rps.constantDispatcher),
    `req/s ${ratio(b.dispatcherOverConstant)} (the ceiling is ~40 µs a call, so the sandbox's own work weighs more here)`,
    'report',
    undefined,
  );
  row(
    "9b. `get` through the client: in-process sandbox vs Prism's mock (HTTP)",
    `\`sandbox.dispatcher\` ${rps(b.rps.dispatcher)}; \`sandbox.fetch\` ${rps(b.rps.inProcess)}; over HTTP ${rps(b.rps.http)}`,
    rps(b.rps.prism),
    `req/s: dispatcher ${ratio(b.dispatcherOverPrism)}; fetch ${ratio(b.inProcessOverPrism)}; over HTTP ${ratio(b.httpOverPrism)}. Context, the ceilings: constant dispatcher ${ratio(b.constantDispatcherOverPrism)}, constant fetch ${ratio(b.constantOverPrism)}`,
    '≥ 15 (dispatcher front; fetch front reported)',
    b.dispatcherOverPrism.median >= 15,
  );
  const mem = b.memory;
  row(
    `9c. sandbox memory, ${mem.groups.toLocaleString('en')} groups × ${mem.perGroup} conversations`,
    `heap +${mem.heapMB.toFixed(0)} MB (${mem.bytesPerConversation.toFixed(0)} B per conversation), RSS +${mem.rssMB.toFixed(0)} MB`,
    `seeded in ${(mem.seedMs / 1000).toFixed(1)} s`,
    '—',
    'report',
    undefined,
  );
}
if (s.redisPermit) {
  const p = s.redisPermit;
  row(
    '10. permit latency, `take()` uncontended (µs)',
    `@nim-api/redis on loopback Redis: p50 ${fmt(p.p50Us.redis)}, p99 ${fmt(p.p99Us.redis)}`,
    `in-process bucket: p50 ${fmt(p.p50Us.bucket, 2)}, p99 ${fmt(p.p99Us.bucket, 2)}; no limiter p50 ${fmt(p.p50Us.none, 2)}`,
    `Redis adds p50 +${fmt(p.addedP50Us)}, p99 +${fmt(p.addedP99Us)} µs over the bucket`,
    'report',
    undefined,
  );
}

const m = results.machine;
const table = [
  `Measured ${m.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ` +
    `load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end${quick ? ' (--quick: smoke run)' : ''}.`,
  'Figures: median (min–max) over the rounds; ratios and differences are taken per pair of neighbouring rounds.' +
    (results.server
      ? ` The loopback server checked ${results.server.requests} signatures: ${results.server.badSignatures} bad.`
      : ''),
  '',
  '| figure | SDK | baseline | SDK vs baseline | target | |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);

if (!only && !quick) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const readmePath = join(root, 'bench/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const [start, end] = ['<!-- results:start -->', '<!-- results:end -->'];
  const before = readme.slice(0, readme.indexOf(start) + start.length);
  const after = readme.slice(readme.indexOf(end));
  if (readme.includes(start) && readme.includes(end)) writeFileSync(readmePath, `${before}\n${table}\n${after}`);
  console.log('written: bench/results/latest.json, bench/README.md');
}
if (strict && rows.some((line) => line.includes('missed'))) process.exitCode = 1;
