// Endpoint selection of the BUILT client (`pnpm build` first), on 127.0.0.1:
//   node bench/endpoints.mjs [--rounds=5] [--quick]
// 1. two endpoints, one with 50 ms injected latency: the share of calls the fast one gets after warm-up;
// 2. the endpoint carrying the traffic killed mid-run under 20 calls/s: failed calls (and those in flight at the kill),
//    attempts that still went to it, time until the traffic had moved;
// 3. the allocation service down at start (refusing, and a black hole): failed calls and warn lines.
// Each scenario runs `rounds` times with a fresh client and fresh servers; figures are median (min–max).
// Writes bench/results/endpoints.json (not with --quick).
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { hangingAllocation, refusingUrl, startAllocation, startEndpoint } from './endpoint-servers.mjs';
import { appKey, appSecret, fmt, importClient, machine, root, summary } from './lib.mjs';

const quick = process.argv.includes('--quick');
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? (quick ? 1 : 5));
const { createNimClient } = await importClient();

function recordingLogger() {
  const lines = [];
  const log = (level) => (line) => void lines.push(`${level} ${line}`);
  return { lines, logger: { debug: () => undefined, info: log('info'), warn: log('warn'), error: log('error') } };
}

async function waitFor(condition, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const get = (nim) => nim.conversationGroups.get('1001', { account_id: 'alice' });

/** Open-loop load: a call every 1000/rate ms for `ms`, whatever the previous ones do; resolves when all settled. */
async function load(nim, { rate, ms }) {
  const calls = [];
  const started = performance.now();
  for (let tick = 0; performance.now() - started < ms; tick += 1) {
    const call = { start: performance.now(), end: undefined, ok: undefined, error: undefined };
    calls.push(call);
    call.done = get(nim)
      .then(
        () => void (call.ok = true),
        (error) => {
          call.ok = false;
          call.error = error.name;
        },
      )
      .finally(() => void (call.end = performance.now()));
    const next = started + ((tick + 1) * 1000) / rate;
    await sleep(Math.max(0, next - performance.now()));
  }
  await Promise.all(calls.map((call) => call.done));
  return calls;
}

async function slowVsFast() {
  const [slow, fast, fallback] = await Promise.all([
    startEndpoint({ latencyMs: 50 }),
    startEndpoint(),
    startEndpoint(),
  ]);
  // The slow one is the service's default endpoint: the harder case for the scorer.
  const lbs = await startAllocation([slow.url, fast.url]);
  const nim = createNimClient({ appKey, appSecret, baseUrl: fallback.url, discovery: { urls: [lbs.url] } });
  try {
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'discovery');
    for (let i = 0; i < 20; i += 1) await get(nim); // warm-up
    const before = { slow: slow.calls, fast: fast.calls };
    const calls = 200;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next++ < calls) await get(nim);
      }),
    );
    const fastCalls = fast.calls - before.fast;
    const slowCalls = slow.calls - before.slow;
    const [slowState, fastState] = nim.endpoints().endpoints;
    return {
      fastShare: fastCalls / (fastCalls + slowCalls),
      fastCalls,
      slowCalls,
      slowScore: slowState.score,
      fastScore: fastState.score,
    };
  } finally {
    await nim.close();
    await Promise.all([slow.close(), fast.close(), fallback.close(), lbs.close()]);
  }
}

async function killUnderLoad() {
  // 100 ms on both, so that about two calls are in flight when the endpoint dies.
  const [a, b, fallback] = await Promise.all([
    startEndpoint({ latencyMs: 100 }),
    startEndpoint({ latencyMs: 100 }),
    startEndpoint(),
  ]);
  const lbs = await startAllocation([a.url, b.url]);
  const attempts = [];
  const nim = createNimClient({
    appKey,
    appSecret,
    baseUrl: fallback.url,
    discovery: { urls: [lbs.url] },
    hooks: { onAttempt: ({ host }) => void attempts.push({ at: performance.now(), host }) },
  });
  try {
    await get(nim);
    await waitFor(() => nim.endpoints().source === 'discovered', 'discovery');
    let killAt;
    let dead;
    // Half-way between two calls of the load, not at a call's start, so that calls are caught mid-flight.
    const killer = setTimeout(() => {
      dead = attempts.at(-1).host === a.url ? a : b;
      killAt = performance.now();
      void dead.kill();
    }, 3_025);
    const calls = await load(nim, { rate: 20, ms: 8_000 });
    clearTimeout(killer);
    const inFlight = calls.filter((call) => call.start < killAt && call.end >= killAt).length;
    const toDead = attempts.filter((attempt) => attempt.at >= killAt && attempt.host === dead.url);
    const firstElsewhere = attempts.find((attempt) => attempt.at >= killAt && attempt.host !== dead.url);
    return {
      calls: calls.length,
      inFlightAtKill: inFlight,
      failedCalls: calls.filter((call) => !call.ok).length,
      failedCallsStartedAfterKill: calls.filter((call) => !call.ok && call.start >= killAt).length,
      attemptsToDeadAfterKill: toDead.length,
      movedAfterMs: toDead.length ? toDead.at(-1).at - killAt : 0,
      firstElsewhereAfterMs: firstElsewhere.at - killAt,
    };
  } finally {
    await nim.close();
    await Promise.all([a.close(), b.close(), fallback.close(), lbs.close()]);
  }
}

async function discoveryDown(kind) {
  const fallback = await startEndpoint();
  const hanging = kind === 'black hole' ? await hangingAllocation() : undefined;
  const url = hanging?.url ?? (await refusingUrl());
  const { lines, logger } = recordingLogger();
  // A black hole only fails after the background deadline (5 s): run long enough to see it.
  const ms = kind === 'black hole' ? 6_500 : 2_500;
  const nim = createNimClient({ appKey, appSecret, baseUrl: fallback.url, discovery: { urls: [url] }, logger });
  try {
    const calls = await load(nim, { rate: 20, ms });
    return {
      calls: calls.length,
      failedCalls: calls.filter((call) => !call.ok).length,
      warnLines: lines.filter((line) => line.startsWith('warn ')).length,
      discovery: nim.endpoints().discovery,
    };
  } finally {
    await nim.close();
    await Promise.all([fallback.close(), hanging?.close()]);
  }
}

async function repeat(scenario) {
  const results = [];
  for (let round = 0; round < rounds; round += 1) results.push(await scenario());
  return results;
}

const stats = (results, key) => summary(results.map((result) => result[key]));
const out = { machine: machine(), rounds, date: new Date().toISOString() };

console.log(`endpoint selection, ${rounds} round(s) each, median (min–max)\n`);

out.slowVsFast = await repeat(slowVsFast);
console.log('1. slow (50 ms) vs fast endpoint, 200 calls after 20 warm-up calls (target: ≥ 95 % to the fast one)');
console.log(`   share to the fast one: ${fmt(stats(out.slowVsFast, 'fastShare'), 3)}`);
console.log(
  `   scores (ms): slow ${fmt(stats(out.slowVsFast, 'slowScore'))}, fast ${fmt(stats(out.slowVsFast, 'fastScore'))}\n`,
);

out.kill = await repeat(killUnderLoad);
console.log(
  '2. the busy endpoint (100 ms) killed after 3 s of 20 calls/s, 5 s more (target: only in-flight calls fail, 0 after)',
);
for (const [key, label] of [
  ['calls', 'calls'],
  ['inFlightAtKill', 'in flight at the kill'],
  ['failedCalls', 'failed calls'],
  ['failedCallsStartedAfterKill', 'failed calls started after the kill'],
  ['attemptsToDeadAfterKill', 'attempts to the dead endpoint after the kill (each retried elsewhere)'],
  ['movedAfterMs', 'ms from the kill to the last attempt on it'],
  ['firstElsewhereAfterMs', 'ms from the kill to the first attempt on the other endpoint'],
])
  console.log(`   ${label}: ${fmt(stats(out.kill, key), key.endsWith('Ms') ? 1 : 0)}`);
console.log('');

for (const kind of ['refusing', 'black hole']) {
  const key = kind === 'refusing' ? 'downRefusing' : 'downBlackHole';
  out[key] = await repeat(() => discoveryDown(kind));
  console.log(`3. allocation service down at start (${kind}), 20 calls/s (target: 0 failed calls, one warn line)`);
  console.log(
    `   calls ${fmt(stats(out[key], 'calls'), 0)}, failed ${fmt(stats(out[key], 'failedCalls'), 0)}, warn lines ${fmt(stats(out[key], 'warnLines'), 0)}, state ${[...new Set(out[key].map((r) => r.discovery))].join('/')}`,
  );
}

if (!quick) {
  writeFileSync(`${root}/bench/results/endpoints.json`, `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/results/endpoints.json');
}
