// 1. Loopback throughput and latency: `nim.conversationGroups.get` on the undici transport (Node's default) and on
// the fetch path, vs hand-written fetch (with and without the SDK's 10 s deadline) and hand-written undici.request
// (same signed headers, same JSON), against the keep-alive server process, at concurrency 1 and 64. Every round is
// bounded by a request count and a time limit; the variants' rounds rotate.
import {
  accountId,
  appKey,
  appSecret,
  groupId,
  handGet,
  handUndiciGet,
  importClient,
  interleave,
  paired,
  percentile,
  summary,
} from './lib.mjs';

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

export async function run({ server, quick, rounds: roundsOverride }) {
  const { createNimClient } = await importClient({ node: true });
  const undiciClient = createNimClient({ appKey, appSecret, baseUrl: server.url }); // Node's default: undici
  const fetchClient = createNimClient({ appKey, appSecret, baseUrl: server.url, transport: 'fetch' });
  const variants = {
    sdkUndici: () => undiciClient.conversationGroups.get(groupId, { account_id: accountId }),
    sdkFetch: () => fetchClient.conversationGroups.get(groupId, { account_id: accountId }),
    /** The targets' baseline: hand-written fetch, no deadline. */
    baseline: handGet(server.url),
    /** Hand-written with the SDK's default per-attempt deadline (10 s): the fetch path's baseline. */
    baselineWithTimeout: handGet(server.url, fetch, { timeoutMs: 10_000 }),
    /** Hand-written undici.request: the undici transport's baseline. */
    handUndici: handUndiciGet(server.url),
  };
  // All must get the same group before anything is timed.
  const got = await Promise.all(Object.values(variants).map((call) => call()));
  if (got.some((group) => group.name !== got[0].name) || got[0].group_id !== groupId)
    throw new Error('the variants disagree on the group');

  const rounds = roundsOverride ?? (quick ? 2 : 25);
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
    const ratio = (a, b, key = 'rps') => summary(paired(pick(r[a], key), pick(r[b], key), (x, y) => x / y));
    out[`c${concurrency}`] = {
      concurrency,
      rounds,
      bounds,
      ...Object.fromEntries(Object.entries(r).map(([name, rows]) => [name, side(rows)])),
      /** Targets, per pair of neighbouring rounds: req/s undici SDK ÷ hand-written fetch ≥ 1.30. */
      undiciOverFetch: ratio('sdkUndici', 'baseline'),
      /** req/s undici SDK ÷ hand-written undici.request ≥ 0.85. */
      undiciOverHandUndici: ratio('sdkUndici', 'handUndici'),
      /** client CPU per request, undici SDK ÷ hand-written fetch ≤ 0.80. */
      undiciCpuOverFetch: ratio('sdkUndici', 'baseline', 'cpuUs'),
      /** req/s fetch-path SDK ÷ hand-written fetch with the same 10 s deadline ≥ 0.88. */
      fetchPathOverTimeout: ratio('sdkFetch', 'baselineWithTimeout'),
      /** Context: fetch-path SDK ÷ hand-written fetch (the old target, ≥ 0.95), the deadline alone, undici by hand. */
      fetchPathOverFetch: ratio('sdkFetch', 'baseline'),
      timeoutRatio: ratio('baselineWithTimeout', 'baseline'),
      handUndiciOverFetch: ratio('handUndici', 'baseline'),
      undiciOverFetchPath: ratio('sdkUndici', 'sdkFetch'),
      p50Ratio: ratio('sdkUndici', 'baseline', 'p50'),
      p99Ratio: ratio('sdkUndici', 'baseline', 'p99'),
    };
  }
  return out;
}
