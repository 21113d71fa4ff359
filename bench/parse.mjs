// 8. Parse time of hostile bodies (issue 11): a 1 MB and an 8 MB code-200 body of three adversarial shapes, read
// through the public API (`get`/`list` with a stubbed fetch answering that text), beside `JSON.parse` of the same
// text in the same round. Linear growth shows as an 8 MB ÷ 1 MB time ratio near 8 (a quadratic parser gives ~64).
// Shapes: a valid envelope followed by whitespace; nesting far deeper than the client's depth limit (refused
// with NimResponseError — the figure is the time to refuse); a list of many groups, each with a group_id.
import { accountId, appKey, appSecret, importClient, interleave, paired, summary } from './lib.mjs';

const MB = 1024 * 1024;
const group = (id) => `{"group_id":${id},"name":"g","create_time":1,"update_time":2}`;

function bodies(size) {
  const envelope = `{"code":200,"msg":"success","data":${group(9007199254740993n)}}`;
  const depth = Math.floor((size - 40) / 2);
  const one = group(9007199254740993n).length + 1;
  const count = Math.floor((size - 60) / one);
  return {
    whitespace: { call: 'get', text: envelope + ' '.repeat(size - envelope.length) },
    deepNesting: { call: 'get', text: `{"code":200,"msg":"success","data":${'['.repeat(depth)}${']'.repeat(depth)}}` },
    manyGroupIds: {
      call: 'list',
      text: `{"code":200,"msg":"success","data":{"conversation_groups":[${Array.from({ length: count }, (_, i) => group(i + 1)).join(',')}]}}`,
    },
  };
}

export async function run({ quick }) {
  const { createNimClient } = await importClient();
  const rounds = quick ? 3 : 15;
  const results = {};
  for (const size of [1 * MB, 8 * MB]) {
    for (const [shape, { call, text }] of Object.entries(bodies(size))) {
      const nim = createNimClient({
        appKey,
        appSecret,
        fetch: async () => new Response(text),
        timeoutMs: 60_000,
        maxRetries: 0,
      });
      const sdk = () =>
        call === 'get'
          ? nim.conversationGroups.get('1', { account_id: accountId })
          : nim.conversationGroups.list({ account_id: accountId });
      const variants = {
        sdk: async () => {
          const started = performance.now();
          await sdk().catch((error) => {
            if (shape !== 'deepNesting' || error.name !== 'NimResponseError') throw error;
          });
          return performance.now() - started;
        },
        jsonParse: async () => {
          const started = performance.now();
          try {
            JSON.parse(text);
          } catch {
            // deep nesting may exceed JSON.parse's own limits on some engines
          }
          return performance.now() - started;
        },
      };
      const ms = await interleave(variants, rounds, (measure) => measure());
      results[`${shape}@${size / MB}MB`] = {
        bytes: text.length,
        sdkMs: summary(ms.sdk),
        jsonParseMs: summary(ms.jsonParse),
        ratio: summary(paired(ms.sdk, ms.jsonParse, (a, b) => a / b)),
      };
    }
  }
  for (const shape of ['whitespace', 'deepNesting', 'manyGroupIds']) {
    results[`${shape}:growth8MBover1MB`] = results[`${shape}@8MB`].sdkMs.median / results[`${shape}@1MB`].sdkMs.median;
  }
  return results;
}
