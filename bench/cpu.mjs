// 2. CPU overhead per call, no network: every variant gets a stubbed `fetch` returning a fresh Response of the same
// envelope. SDK resource call vs bare openapi-fetch (createClient + the same signing as middleware) vs hand-written
// fetch + sign. Calls run one after another (await each), so µs/call is the CPU cost of one call.
import {
  accountId,
  appKey,
  appSecret,
  groupEnvelopeText,
  groupId,
  handGet,
  handSignedHeaders,
  importClient,
  importOpenapiFetch,
  interleave,
  paired,
  summary,
} from './lib.mjs';

const stubFetch = async () => new Response(groupEnvelopeText, { status: 200, headers: { 'content-type': 'application/json' } });
const baseUrl = 'http://127.0.0.1:9';

export async function variants() {
  const { createNimClient } = await importClient();
  const { default: createClient } = await importOpenapiFetch();

  const nim = createNimClient({ appKey, appSecret, baseUrl, fetch: stubFetch });
  const bare = createClient({ baseUrl, fetch: stubFetch, querySerializer: { array: { style: 'form', explode: false } } });
  bare.use({
    async onRequest({ request }) {
      for (const [name, value] of Object.entries(await handSignedHeaders())) request.headers.set(name, value);
      return request;
    },
  });
  return {
    sdk: () => nim.conversationGroups.get(groupId, { account_id: accountId }),
    openapiFetch: async () => {
      const { data, response } = await bare.GET('/im/v2/conversation_groups/{group_id}', {
        params: { path: { group_id: groupId }, query: { account_id: accountId } },
      });
      if (response.status !== 200 || data.code !== 200) throw new Error('openapi-fetch variant failed');
      return data.data;
    },
    handWritten: handGet(baseUrl, stubFetch),
    /** Context: hand-written with the deadline the SDK gives every attempt (AbortController + 10 s timer). */
    handWrittenWithTimeout: handGet(baseUrl, stubFetch, { timeoutMs: 10_000 }),
  };
}

/**
 * µs per call over `calls` sequential calls: `wall` (performance.now) and `cpu` (process.cpuUsage: user + system
 * time of this process, the crypto thread pool included). On a busy machine wall time also counts the time other
 * processes hold the cores; CPU time does not, so the target is judged on CPU time and wall time is shown beside it.
 */
export async function perCall(call, calls) {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) await call();
  const wall = ((performance.now() - started) * 1000) / calls;
  const { user, system } = process.cpuUsage(cpu0);
  return { wall, cpu: (user + system) / calls };
}

export async function run({ quick }) {
  const v = await variants();
  const calls = quick ? 300 : 500;
  const rounds = quick ? 3 : 31;
  for (const call of Object.values(v)) await perCall(call, calls); // warm-up (JIT)
  const r = await interleave(v, rounds, (call) => perCall(call, calls));
  const of = (key) => Object.fromEntries(Object.entries(r).map(([name, rows]) => [name, rows.map((row) => row[key])]));
  const figures = (x) => ({
    usPerCall: {
      sdk: summary(x.sdk),
      openapiFetch: summary(x.openapiFetch),
      handWritten: summary(x.handWritten),
      handWrittenWithTimeout: summary(x.handWrittenWithTimeout),
    },
    /** µs the SDK adds over hand-written, per pair of neighbouring rounds. Target ≤ 15 (CPU time). */
    sdkOverHandUs: summary(paired(x.sdk, x.handWritten, (s, h) => s - h)),
    openapiFetchOverHandUs: summary(paired(x.openapiFetch, x.handWritten, (s, h) => s - h)),
    sdkOverOpenapiFetchUs: summary(paired(x.sdk, x.openapiFetch, (s, h) => s - h)),
    /** What the deadline alone costs hand-written code. */
    timeoutOverHandUs: summary(paired(x.handWrittenWithTimeout, x.handWritten, (s, h) => s - h)),
  });
  return { calls, rounds, cpu: figures(of('cpu')), wall: figures(of('wall')) };
}
