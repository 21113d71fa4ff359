// 1. Loopback throughput and latency: `nim.conversationGroups.get` vs hand-written fetch (same signed headers, same
// JSON), against the keep-alive server process, at concurrency 1 and 64. Every round is bounded by a request count
// and a time limit; SDK and baseline rounds alternate.
import { accountId, appKey, appSecret, groupId, handGet, importClient, interleave, paired, percentile, summary } from './lib.mjs';

/** Runs `call` from `concurrency` workers until `maxRequests` were sent or `maxMs` passed. */
export async function load(call, concurrency, { maxRequests, maxMs }) {
  const latencies = new Float64Array(maxRequests);
  let issued = 0;
  let done = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (issued < maxRequests && performance.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      await call();
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu0);
  const sorted = latencies.subarray(0, done).sort();
  return {
    requests: done,
    rps: (done / elapsedMs) * 1000,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    /** CPU time of this (client) process per request, µs: what the caller's code costs, whatever the load. */
    cpuUs: (user + system) / done,
  };
}

export async function run({ server, quick }) {
  const { createNimClient } = await importClient();
  const nim = createNimClient({ appKey, appSecret, baseUrl: server.url });
  const variants = {
    sdk: () => nim.conversationGroups.get(groupId, { account_id: accountId }),
    baseline: handGet(server.url),
    /** Context, not the target's baseline: hand-written with the SDK's default per-attempt deadline (10 s). */
    baselineWithTimeout: handGet(server.url, fetch, { timeoutMs: 10_000 }),
  };
  // Both must get the same group before anything is timed.
  const [a, b] = [await variants.sdk(), await variants.baseline()];
  if (a.group_id !== groupId || b.name !== a.name) throw new Error('SDK and baseline disagree on the group');

  const rounds = quick ? 2 : 21;
  const out = {};
  for (const concurrency of [1, 64]) {
    const bounds = { maxRequests: concurrency === 1 ? 20_000 : 60_000, maxMs: quick ? 200 : 300 };
    for (const call of Object.values(variants)) await load(call, concurrency, { ...bounds, maxMs: quick ? 200 : 600 }); // warm-up
    const r = await interleave(variants, rounds, (call) => load(call, concurrency, bounds));
    const pick = (rows, key) => rows.map((row) => row[key]);
    const side = (rows) => ({
      rps: summary(pick(rows, 'rps')),
      p50Ms: summary(pick(rows, 'p50')),
      p99Ms: summary(pick(rows, 'p99')),
      cpuUsPerRequest: summary(pick(rows, 'cpuUs')),
      requestsPerRound: summary(pick(rows, 'requests')),
    });
    const ratioOf = (key) => summary(paired(pick(r.sdk, key), pick(r.baseline, key), (s, h) => s / h));
    out[`c${concurrency}`] = {
      concurrency,
      rounds,
      bounds,
      sdk: side(r.sdk),
      baseline: side(r.baseline),
      baselineWithTimeout: side(r.baselineWithTimeout),
      /** requests/s SDK ÷ baseline, per pair of neighbouring rounds. Target ≥ 0.95. */
      ratio: ratioOf('rps'),
      /** p50 and p99 latency SDK ÷ baseline (lower is better). */
      p50Ratio: ratioOf('p50'),
      p99Ratio: ratioOf('p99'),
      /** requests/s SDK ÷ hand-written with the same 10 s deadline (context). */
      ratioWithTimeout: summary(paired(pick(r.sdk, 'rps'), pick(r.baselineWithTimeout, 'rps'), (s, h) => s / h)),
      /** requests/s hand-written with the deadline ÷ without: what the deadline alone costs. */
      timeoutRatio: summary(paired(pick(r.baselineWithTimeout, 'rps'), pick(r.baseline, 'rps'), (s, h) => s / h)),
      /** Client CPU per request SDK − baseline, µs. */
      cpuOverheadUs: summary(paired(pick(r.sdk, 'cpuUs'), pick(r.baseline, 'cpuUs'), (s, h) => s - h)),
    };
  }
  return out;
}
