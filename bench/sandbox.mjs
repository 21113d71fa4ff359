// 9. @nim-api/sandbox as the default of consumers' test suites: `get` through the client (sequential calls)
// against the in-process sandbox — its `fetch` front (the client's fetch transport) and its `dispatcher` front (the
// undici transport, Node's default) — against the ceiling of each (a constant-response `fetch`, a constant-response
// dispatcher), against the sandbox over HTTP (same process) and against Prism's mock. Interleaved rounds, req/s,
// ratios per pair of neighbouring rounds. Plus the memory of 10,000 groups × 100 conversations, in a fresh process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accountId, groupEnvelopeText, importClient, interleave, paired, root, summary } from './lib.mjs';

export const sandboxEntry = join(root, 'packages/sandbox/dist/index.js');
// Prism's int64 check stops at 2^53 − 1: one low id for every variant, so all do the same work.
const groupId = '1001';

async function importSandbox() {
  try {
    return await import(pathToFileURL(sandboxEntry).href);
  } catch (error) {
    throw new Error(`cannot import ${sandboxEntry} — run \`pnpm build\` first (${error.message})`);
  }
}

/** An undici dispatcher answering every request with `text`, no socket: the undici transport's ceiling. */
function constantDispatcher(text) {
  const body = Buffer.from(text);
  const rawHeaders = [
    Buffer.from('content-type'),
    Buffer.from('application/json'),
    Buffer.from('content-length'),
    Buffer.from(String(body.length)),
  ];
  return {
    dispatch(options, handler) {
      queueMicrotask(() => {
        handler.onConnect(() => {});
        handler.onHeaders(200, rawHeaders, () => {}, 'OK');
        handler.onData(body);
        handler.onComplete([]);
      });
      return true;
    },
  };
}

async function rate(call, calls, maxMs) {
  const started = performance.now();
  let done = 0;
  while (done < calls && performance.now() - started < maxMs) {
    await call();
    done += 1;
  }
  return (done * 1000) / (performance.now() - started);
}

/** Heap and RSS growth of a fresh process that seeds `groups` groups of `perGroup` conversations. */
export function measureMemory({ groups = 10_000, perGroup = 100 } = {}) {
  const source = `
    const { createSandbox } = await import(${JSON.stringify(pathToFileURL(sandboxEntry).href)});
    const accounts = {};
    const perAccount = 50;
    for (let a = 0; a < ${groups} / perAccount; a += 1) {
      const id = 'acc' + a;
      accounts[id] = { groups: Array.from({ length: perAccount }, (_, g) => ({
        name: 'group ' + g,
        conversation_ids: Array.from({ length: ${perGroup} }, (_, c) => id + '|1|peer' + (g * ${perGroup} + c)),
      })) };
    }
    globalThis.gc(); globalThis.gc();
    const before = process.memoryUsage();
    const started = performance.now();
    let sandbox = createSandbox({ accounts });
    const seedMs = performance.now() - started;
    for (const key of Object.keys(accounts)) delete accounts[key]; // only the sandbox's own copy stays
    globalThis.gc(); globalThis.gc();
    const after = process.memoryUsage();
    const snapshot = sandbox.snapshot();
    const total = Object.values(snapshot.accounts).reduce((n, a) => n + a.groups.reduce((m, g) => m + g.conversation_ids.length, 0), 0);
    console.log(JSON.stringify({ heapMB: (after.heapUsed - before.heapUsed) / 2 ** 20, rssMB: (after.rss - before.rss) / 2 ** 20, seedMs, conversations: total }));
    sandbox = undefined;
  `;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--input-type=module', '-e', source],
    { encoding: 'utf8', maxBuffer: 2 ** 26 },
  );
  if (child.status !== 0) throw new Error(`memory measurement failed:\n${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1));
  return { groups, perGroup, ...figures, bytesPerConversation: (figures.heapMB * 2 ** 20) / figures.conversations };
}

export async function run({ quick }) {
  const { createNimClient } = await importClient({ node: true }); // the build Node consumers load (undici transport by default);
  const { createSandbox } = await importSandbox();
  const { startPrism } = await import(pathToFileURL(join(root, 'scripts/prism.mjs')).href);

  const sandbox = createSandbox({
    seed: 1,
    accounts: { [accountId]: { groups: [{ group_id: groupId, name: 'Work', conversation_ids: ['alice|1|bob'] }] } },
  });
  const server = await sandbox.listen();
  const prism = await startPrism({ mode: 'mock' });
  try {
    const constant = groupEnvelopeText.replace('9007199254740993', groupId);
    const stubFetch = async () =>
      new Response(constant, { status: 200, headers: { 'content-type': 'application/json' } });
    const stubDispatcher = constantDispatcher(constant);
    const client = (options) =>
      createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, maxRetries: 0, ...options });
    const clients = {
      constant: client({ baseUrl: 'http://127.0.0.1:9', fetch: stubFetch }),
      inProcess: client({ fetch: sandbox.fetch }),
      constantDispatcher: client({ baseUrl: 'http://127.0.0.1:9', dispatcher: stubDispatcher }),
      dispatcher: client({ dispatcher: sandbox.dispatcher, discovery: false }),
      http: client({ baseUrl: server.url }),
      prism: client({ baseUrl: prism.url }),
    };
    const variants = Object.fromEntries(
      Object.entries(clients).map(([name, nim]) => [
        name,
        () => nim.conversationGroups.get(groupId, { account_id: accountId }),
      ]),
    );
    for (const call of Object.values(variants)) await rate(call, 200, 2_000); // warm-up (JIT, connections)
    sandbox.reset(); // the request log of the warm-up is not part of the figures

    const rounds = quick ? 3 : 21;
    // Calls per round by speed class, so that every variant runs for about half a second to a second a round: a
    // round of a fast in-process variant shorter than that is mostly one or two GC pauses.
    const calls = quick ? { inProcess: 300, http: 150, prism: 75 } : { inProcess: 10_000, http: 3_000, prism: 600 };
    const callsOf = (name) => (name === 'prism' ? calls.prism : name === 'http' ? calls.http : calls.inProcess);
    const r = await interleave(variants, rounds, (call, name) => rate(call, callsOf(name), 4_000));
    const bad = sandbox.requests.filter((record) => record.code !== 200).length;
    if (bad) throw new Error(`the sandbox answered ${bad} calls with an error`);
    return {
      rps: Object.fromEntries(Object.entries(r).map(([name, values]) => [name, summary(values)])),
      /** Target ≥ 0.75: the sandbox costs the client at most a quarter of its ceiling. */
      inProcessOverConstant: summary(paired(r.inProcess, r.constant, (a, b) => a / b)),
      /** Target ≥ 15. */
      inProcessOverPrism: summary(paired(r.inProcess, r.prism, (a, b) => a / b)),
      /** The dispatcher front: target ≥ 0.75 of its own ceiling, and ≥ 15 over Prism. */
      dispatcherOverConstant: summary(paired(r.dispatcher, r.constantDispatcher, (a, b) => a / b)),
      dispatcherOverPrism: summary(paired(r.dispatcher, r.prism, (a, b) => a / b)),
      constantDispatcherOverPrism: summary(paired(r.constantDispatcher, r.prism, (a, b) => a / b)),
      httpOverPrism: summary(paired(r.http, r.prism, (a, b) => a / b)),
      /** Context: the client's own ceiling over Prism — the most any stand-in behind the client can score. */
      constantOverPrism: summary(paired(r.constant, r.prism, (a, b) => a / b)),
      rounds,
      calls,
      memory: measureMemory(quick ? { groups: 1_000, perGroup: 100 } : {}),
    };
  } finally {
    await Promise.allSettled([server.close(), prism.stop()]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  console.log(
    JSON.stringify(
      await run({ quick }),
      (key, value) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value),
      2,
    ),
  );
}
