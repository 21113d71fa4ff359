// `pnpm mock`: the contract tests' Prism mock, for a person. Prints the URL and examples to paste; Ctrl-C stops it.
//   pnpm mock               a free port on 127.0.0.1
//   pnpm mock --port 4010   a port of your choice
//   pnpm mock --log         also stream Prism's own log (one block per request: validation, chosen example)
import { connect } from 'node:net';
import { relative } from 'node:path';
import { specPath, startPrism } from './prism.mjs';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error('usage: pnpm mock [--port N] [--log]');
  process.exit(2);
}

let prism;
try {
  prism = await startPrism({ mode: 'mock', port });
} catch (error) {
  console.error(error instanceof Error ? error.message : error); // includes Prism's log
  process.exit(1);
}
const { url } = prism;
const signed = `-H 'AppKey: demo' -H 'Nonce: 1' -H 'CurTime: 1' -H 'CheckSum: 0'`;

console.log(`Prism mock of ${relative(process.cwd(), specPath)} on ${url}
(request validation on, --errors; it checks that the four signing headers are present, not their values)

Run the quickstart against it:
  NIM_BASE_URL=${url} NIM_MOCK=1 pnpm example

Or by hand:
  curl -s '${url}/im/v2/conversation_groups?account_id=alice' ${signed}
  curl -s '${url}/im/v2/conversation_groups/1001?account_id=alice' ${signed} -H 'Prefer: example=groupNotFound'
  curl -s -X POST '${url}/im/v2/conversation_groups' ${signed} -H 'Content-Type: application/json' -d '{"account_id":"alice"}'   # 422: no name

'Prefer: example=NAME' picks one of the spec's named examples; Ctrl-C stops the mock.`);

let printed = 0;
const tail = args.includes('--log')
  ? setInterval(() => {
      const log = prism.log();
      if (log.length > printed) process.stdout.write(log.slice(printed));
      printed = log.length;
    }, 250)
  : undefined;

let stopping = false;
// Keeps this process alive, and notices if Prism dies on its own.
// A bare TCP connect, so Prism's log stays free of probe requests.
const listening = () =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
const watch = setInterval(async () => {
  if (!(await listening())) {
    if (stopping) return;
    console.error(`\nthe mock stopped answering on ${url}. Its log:\n${prism.log()}`);
    await prism.stop();
    process.exit(1);
  }
}, 3_000);

async function shutdown() {
  if (stopping) return;
  stopping = true;
  clearInterval(tail);
  clearInterval(watch);
  console.log('\nstopping the mock…');
  await prism.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
