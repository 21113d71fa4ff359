#!/usr/bin/env node
// `nim-sandbox`: the sandbox over HTTP for any language (the official Go/Java SDKs, curl). Prints the URL and the
// credentials, one line per request, and stops on Ctrl-C.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NimSandboxOptionsError } from '../errors.js';
import type { SandboxOptions } from '../options.js';
import { parseFaultText } from '../rules/fault-rules.js';
import { nodeFronts } from '../create.node.js';
import { createSandboxWith } from '../sandbox.js';
import { requestLine } from './log-line.js';

const usage = `usage: nim-sandbox [options]

  --port N              TCP port (default: a free one)
  --host H              interface to bind (default: 127.0.0.1)
  --app-key K           AppKey (default: generated)
  --app-secret S        AppSecret (default: generated)
  --accounts a,b        seed these accounts; others get 102404 (default: any account is created on first use)
  --first-group-id ID   id of the first group (default: 1; e.g. 9007199254740993 for ids above 2^53)
  --rate-limit N        at most N calls per second per operation, then 416 for 1 s (default: off)
  --seed N              seed of the random choices (faults, AppKey, trace ids; never of the AppSecret)
  --fault RULE          a fault rule, repeatable: operation:kind[:key=value…], e.g.
                          createConversationGroup:503:times=2     the next two creates answer HTTP 503
                          '*:416:probability=0.1'                 one call in ten answers {code: 416}
                          getConversationGroup:code=116404:msg=gone   a business code (HTTP 200)
                        kinds: latency hang reset malformed-json 416 500 502 503 504 code=N;
                        keys: times after probability ms msg (msg last: the rest is the message)
  --faults FILE         fault rules from a JSON file (an array of rules in the shape of the \`faults\` option)
  --idle-timeout MS     close a connection without a request in flight after MS (default 5000)
  --max-connections N   open connections at most (default 512)
  --quiet               no per-request lines
  --help

At run time, the same rules over HTTP (signed with this sandbox's AppKey): POST /_sandbox/faults (a rule or a list
of rules as JSON), GET /_sandbox/faults, DELETE /_sandbox/faults[/{id}], POST /_sandbox/reset, GET /_sandbox/requests.`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-key': { type: 'string' },
      'app-secret': { type: 'string' },
      accounts: { type: 'string' },
      'first-group-id': { type: 'string' },
      'rate-limit': { type: 'string' },
      seed: { type: 'string' },
      fault: { type: 'string', multiple: true },
      faults: { type: 'string' },
      'idle-timeout': { type: 'string' },
      'max-connections': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (parsed.help) {
  console.log(usage);
  process.exit(0);
}

const number = (flag: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text)) fail(`--${flag} must be a whole number, got ${JSON.stringify(text.slice(0, 40))}`);
  return Number(text);
};
const accountList = (text: string) => {
  const ids = text.split(',').filter(Boolean);
  // `--accounts ,,` names no account: an error, not "seed none and refuse every account".
  if (ids.length === 0) fail(`--accounts must name at least one account id, got ${JSON.stringify(text.slice(0, 40))}`);
  return ids;
};
const faultRules = (): unknown[] | undefined => {
  const rules: unknown[] = (parsed.fault ?? []).map((text) => parseFaultText(text));
  if (parsed.faults !== undefined) {
    let fromFile: unknown;
    try {
      fromFile = JSON.parse(readFileSync(parsed.faults, 'utf8'));
    } catch (error) {
      fail(
        `--faults ${JSON.stringify(parsed.faults.slice(0, 80))}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!Array.isArray(fromFile)) fail(`--faults: the file must hold a JSON array of rules`);
    rules.push(...fromFile);
  }
  return rules.length > 0 ? rules : undefined;
};
const faults = faultRules();
const options: SandboxOptions = {
  ...(parsed['app-key'] !== undefined ? { appKey: parsed['app-key'] } : {}),
  ...(parsed['app-secret'] !== undefined ? { appSecret: parsed['app-secret'] } : {}),
  ...(parsed.accounts !== undefined ? { accounts: accountList(parsed.accounts) } : {}),
  ...(parsed['first-group-id'] !== undefined ? { firstGroupId: parsed['first-group-id'] } : {}),
  ...(parsed['rate-limit'] !== undefined
    ? { rateLimit: { perSecond: number('rate-limit', parsed['rate-limit'])! } }
    : {}),
  ...(parsed.seed !== undefined ? { seed: number('seed', parsed.seed)! } : {}),
  ...(faults !== undefined ? { faults: faults as SandboxOptions['faults'] } : {}),
};

try {
  const sandbox = createSandboxWith(
    options,
    parsed.quiet ? {} : { onRecord: (record) => console.log(requestLine(record)) },
    nodeFronts,
  );
  const server = await sandbox.listen({
    port: number('port', parsed.port) ?? 0,
    host: parsed.host ?? '127.0.0.1',
    ...(parsed['idle-timeout'] !== undefined ? { idleTimeoutMs: number('idle-timeout', parsed['idle-timeout'])! } : {}),
    ...(parsed['max-connections'] !== undefined
      ? { maxConnections: number('max-connections', parsed['max-connections'])! }
      : {}),
  });
  console.log(`nim-sandbox listening on ${server.url}
  AppKey     ${sandbox.appKey}
  AppSecret  ${sandbox.appSecret}
  (a test secret of this sandbox only; sign requests with it, CheckSum = sha1(AppSecret + Nonce + CurTime))

  NIM_BASE_URL=${server.url} NIM_APP_KEY=${sandbox.appKey} NIM_APP_SECRET=<the AppSecret above>
${faults ? `  faults: ${faults.length} rule${faults.length === 1 ? '' : 's'} (GET /_sandbox/faults lists those injected later)\n` : ''}Ctrl-C stops it.`);
  const stop = () => {
    console.log('\nstopping nim-sandbox…');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof NimSandboxOptionsError) fail(error.message);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
