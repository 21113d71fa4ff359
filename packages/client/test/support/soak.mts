// 1,000 mixed calls against two chaos servers, run in its own process by resilience-soak.test.ts.
// It never calls process.exit: the parent checks that the process ends on its own once the work is done,
// which it cannot if a socket or a timer leaked.
import { ChaosServer, type Fault } from './chaos-server.js';

// The vitest project client-undici runs the soak on the Node build (undici), the project client on the fetch build.
const entry = process.env.NIM_TEST_TRANSPORT === 'undici' ? '../../src/index.node.js' : '../../src/index.js';
const { createNimClient, isNimError } = (await import(entry)) as typeof import('../../src/index.js');

const appKey = 'soak-app-key';
const appSecret = 'soak-SECRET-value-never-logged';
const calls = Number(process.env.SOAK_CALLS ?? 1000);

const faults: Fault[] = [
  { kind: 'ok' },
  { kind: 'ok' },
  { kind: 'ok' },
  { kind: 'ok' },
  { kind: 'ok' },
  { kind: 'ok' },
  { kind: 'reset' },
  { kind: 'closeMidBody' },
  { kind: 'hang' },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 504 },
  { kind: 'code', code: 416 },
  { kind: 'code', code: 116404 },
  { kind: 'html' },
  { kind: 'truncated' },
  { kind: 'slowHeaders', delayMs: 20 },
];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pickFault = () => faults[Math.floor(random() * faults.length)]!;

let unhandled = 0;
process.on('unhandledRejection', () => void (unhandled += 1));

const lines: string[] = [];
const log = (line: string) => void lines.push(line);
const servers = [new ChaosServer(appKey, appSecret), new ChaosServer(appKey, appSecret)];
const urls = await Promise.all(servers.map((server) => server.start()));
for (const server of servers) server.script([], pickFault);

const nim = createNimClient({
  appKey,
  appSecret,
  baseUrl: urls,
  timeoutMs: 300,
  hostCooldownMs: 50,
  retryDelayMs: () => 1,
  logger: { debug: log, info: log, warn: log, error: log },
});
const groups = nim.conversationGroups;
const operations = [
  () => groups.get('1001', { account_id: 'alice' }),
  () => groups.list({ account_id: 'alice' }),
  () => groups.batchGet({ account_id: 'alice', group_ids: ['1001', '9007199254740993'] }),
  () => groups.create({ account_id: 'alice', name: 'Soak', conversation_ids: ['alice|1|bob'] }),
  () => groups.update('1001', { account_id: 'alice', name: 'Soak 2' }),
  () => groups.delete('1001', { account_id: 'alice' }),
];

const outcomes: Record<string, number> = {};
let next = 0;
async function worker() {
  while (next < calls) {
    const index = next++;
    try {
      await operations[index % operations.length]!();
      outcomes.ok = (outcomes.ok ?? 0) + 1;
    } catch (error) {
      const name = isNimError(error) ? error.name : `foreign:${String(error)}`;
      outcomes[name] = (outcomes[name] ?? 0) + 1;
    }
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: 25 }, worker));
await Promise.all(servers.map((server) => server.stop()));

const attempts = servers.flatMap((server) => server.attempts);
const leakedLines = lines.filter(
  (line) => line.includes(appSecret) || attempts.some((attempt) => attempt.checkSum && line.includes(attempt.checkSum)),
);
const summary = {
  calls,
  settled: Object.values(outcomes).reduce((a, b) => a + b, 0),
  outcomes,
  attempts: attempts.length,
  invalidSignatures: attempts.filter((attempt) => !attempt.checkSumValid).length,
  sentByFetch: attempts.filter((attempt) => attempt.sentByFetch).length,
  duplicateNonces: attempts.length - new Set(attempts.map((attempt) => attempt.nonce)).size,
  unhandledRejections: unhandled,
  loggedLines: lines.length,
  linesWithSecrets: leakedLines.length,
  ms: Date.now() - started,
};
console.log(`SOAK ${JSON.stringify(summary)}`);
