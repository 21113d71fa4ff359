// The one invariant every property checks after every call (issue 11, "Proven"):
//  - the outcome is a value of the promised type, or a rejection/throw that isNimError accepts;
//  - input the rules refuse → NimValidationError and no request left; a NimValidationError never follows a request;
//    valid input → what left equals the plain copy of the validated fields;
//  - no outcome later than timeout × attempts + back-off (+ slack), never more attempts than allowed;
//  - no AppSecret (nor a sent CheckSum) in a message, an issue, a log line or a snapshot; messages stay bounded;
//  - the caller's objects are not mutated.
// A broken invariant throws `[kind] detail`; the kind groups failures in the census (see property.ts).
import { createHash } from 'node:crypto';
import { inspect, isDeepStrictEqual } from 'node:util';
import { isNimError, type NimClient, traceIdOf } from '../../../src/index.js';
import type { Recorder, SentRequest } from './recording-fetch.js';
import { type MethodName, resultProblem } from './result-schemas.js';
import type { Validity } from './validity.js';
import { show } from './hostile-values.js';

/** A request a correct client sends; `undefined` fields are left out of query and body. */
export interface ExpectedRequest {
  /** Checked only when given, e.g. which host of a list was used. */
  readonly origin?: string;
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | undefined>;
  readonly body?: unknown;
}

export interface Expectation {
  readonly input: Validity;
  /** Request i of a correct exchange may be any of `slots[i]`; every request sent must match some slot. */
  readonly slots?: ReadonlyArray<readonly ExpectedRequest[]>;
  /** A correct server and no retries: the requests must be exactly the slots, in order. */
  readonly exact?: boolean;
  /** The schema of the resolved value. */
  readonly method?: MethodName;
  readonly mustResolve?: boolean;
  /** The error classes a rejection may have (besides NimValidationError for refused input). */
  readonly errorNames?: readonly string[];
  readonly guardMs: number;
  readonly maxRequests: number;
  /** The caller's trace id, when a valid one was given. */
  readonly traceId?: string;
  /** A further check of a resolved value (e.g. equal to the server's data). */
  readonly semantic?: (value: unknown) => string | undefined;
  /** Proves the caller's objects were not mutated. */
  readonly unchanged?: () => boolean;
  /** The outcome must arrive within this many ms of wall time, even if the event loop was blocked meanwhile
   * (a guard timer cannot fire while it is). Only for properties whose point is that bound (linear parsing). */
  readonly withinMs?: number;
  /** A helper that never sends (conversationId, checksum, …): resolving without a request is right. */
  readonly offline?: boolean;
}

export interface Observed {
  readonly recorder: Recorder;
  readonly logLines: readonly string[];
  readonly appKey: string;
  readonly appSecret: string;
  readonly nim?: NimClient;
}

type Outcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'hung' }
  | { kind: 'runaway' };

function fail(kind: string, detail: string): never {
  throw new Error(`[${kind}] ${detail.slice(0, 600)}`);
}
const maxIssueMessage = 300;
const maxMessage = 4_000;

/** Runs `call` (sync or async) against a guard timer and, when given, a runaway signal. */
export async function settle(call: () => unknown, guardMs: number, runaway?: Promise<void>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'hung' }), guardMs)));
  const run = (async () => call())().then(
    (value): Outcome => ({ kind: 'resolved', value }),
    (error: unknown): Outcome => ({ kind: 'rejected', error }),
  );
  const stopped = runaway?.then((): Outcome => ({ kind: 'runaway' })) ?? new Promise<Outcome>(() => {});
  const outcome = await Promise.race([run, guard, stopped]);
  clearTimeout(timer);
  return outcome;
}

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** Everything a user can see of an error: message, issues, excerpts, the error as printed. */
export function visibleText(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [String(error)];
  const e = error as { message?: unknown; stack?: unknown; bodyExcerpt?: unknown; msg?: unknown; issues?: unknown };
  const issues = Array.isArray(e.issues) ? (e.issues as Array<{ path?: unknown; message?: unknown }>) : [];
  return [
    String(e.message),
    String(e.stack),
    String(e.bodyExcerpt ?? ''),
    String(e.msg ?? ''),
    ...issues.map((issue) => `${String(issue.path)} ${String(issue.message)}`),
    printed(error),
  ];
}

// A cause may be a Proxy whose traps throw (what a hostile fetch threw): util.inspect then throws too. The cause is
// the caller's own value, so the error is printed without it; its message and stack are checked above anyway.
function printed(error: object): string {
  const options = { depth: 2, maxStringLength: 20_000, maxArrayLength: 20, showProxy: true };
  try {
    return inspect(error, options);
  } catch {
    return inspect({ ...error, cause: '[a cause that cannot be printed]' }, options);
  }
}

export function checkSecrets(
  texts: readonly string[],
  secret: string,
  checkSums: readonly string[],
  where: string,
): void {
  for (const text of texts) {
    if (secret.length >= 6 && text.includes(secret))
      fail('secret leaked', `${where} contains the AppSecret: ${show(text)}`);
    const echoed = checkSums.find((sum) => text.includes(sum));
    if (echoed) fail('checksum printed', `${where} contains a sent CheckSum`);
  }
}

function checkBounded(error: object): void {
  const { message, issues } = error as { message: string; issues?: ReadonlyArray<{ message: string }> };
  const count = Array.isArray(issues) ? issues.length : 0;
  for (const issue of issues ?? []) {
    if (issue.message.length > maxIssueMessage)
      fail('unbounded message', `an issue message of ${issue.message.length} chars: ${show(issue.message)}`);
  }
  if (message.length > maxMessage + count * (maxIssueMessage + 40))
    fail('unbounded message', `a message of ${message.length} chars: ${show(message)}`);
}

const normal = (request: SentRequest | ExpectedRequest) => ({
  method: request.method,
  path: request.path,
  query: Object.fromEntries(Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined)),
  body: request.body,
});
const describe = (request: SentRequest | ExpectedRequest) => {
  const { method, path, query, body } = normal(request);
  return `${method} ${show(path)} ${show(JSON.stringify(query))} ${show(JSON.stringify(body) ?? '')}`;
};
const matches = (sent: SentRequest, expected: ExpectedRequest) =>
  (expected.origin === undefined || expected.origin === sent.url.origin) &&
  isDeepStrictEqual(normal(sent), normal(expected));

function checkSigned(sent: readonly SentRequest[], observed: Observed, expectation: Expectation): void {
  const traceIds = new Set(sent.map((request) => request.headers['x-custom-traceid']));
  if (traceIds.size !== 1) fail('trace id', `one call sent trace ids ${show([...traceIds])}`);
  if (expectation.traceId !== undefined && !traceIds.has(expectation.traceId))
    fail('trace id', `the caller's trace id was not sent`);
  for (const request of sent) {
    const { appkey, nonce = '', curtime = '', checksum } = request.headers;
    if (appkey !== observed.appKey || checksum !== sha1(observed.appSecret + nonce + curtime)) {
      fail('bad signature', `${describe(request)} carries AppKey ${show(appkey)} and a CheckSum that does not verify`);
    }
    const wire = `${request.url.href}\n${JSON.stringify(request.headers)}\n${request.bodyText}`;
    if (observed.appSecret.length >= 6 && wire.includes(observed.appSecret))
      fail('secret leaked', 'the AppSecret went over the wire');
  }
}

function checkRequests(sent: readonly SentRequest[], expectation: Expectation): void {
  const slots = expectation.slots ?? [];
  if (expectation.exact && sent.length !== slots.length) {
    fail(
      'request differs',
      `${sent.length} request(s) sent, ${slots.length} expected: ${sent.map(describe).join(' | ')}`,
    );
  }
  sent.forEach((request, index) => {
    const allowed = expectation.exact ? slots[index]! : slots.flat();
    if (!allowed.some((expected) => matches(request, expected))) {
      fail('request differs', `sent ${describe(request)}; expected ${allowed.slice(0, 2).map(describe).join(' or ')}`);
    }
  });
}

function checkResolved(value: unknown, sent: readonly SentRequest[], expectation: Expectation): void {
  if (expectation.input === 'invalid') {
    fail(
      sent.length ? 'invalid input sent' : 'invalid input not refused',
      `resolved with ${show(value)}${sent.length ? ` after sending ${describe(sent[0]!)}` : ''}`,
    );
  }
  if (sent.length === 0 && !expectation.offline) fail('resolved without a request', show(value));
  const problem = expectation.method && resultProblem(expectation.method, value);
  if (problem) fail('wrong result', `${expectation.method} resolved with ${show(value)}: ${problem}`);
  const semantic = expectation.semantic?.(value);
  if (semantic) fail('wrong result', semantic);
  if (sent.length && expectation.method !== 'iterateConversations' && typeof value === 'object' && value !== null) {
    const traceId = traceIdOf(value);
    if (traceId !== sent[0]!.headers['x-custom-traceid']) fail('trace id', `traceIdOf(result) is ${show(traceId)}`);
  }
}

function checkRejected(error: unknown, sent: readonly SentRequest[], expectation: Expectation): void {
  const refused = isNimError(error, 'NimValidationError');
  const name = (error as Error).name;
  if (refused && sent.length > 0)
    fail('validation after sending', `${name} after ${sent.length} request(s): ${show((error as Error).message)}`);
  if (expectation.input === 'invalid' && !refused) {
    fail(
      sent.length ? 'invalid input sent' : 'invalid input not refused',
      `${name} after sending ${sent.map(describe).join(' | ') || 'nothing'}`,
    );
  }
  if (expectation.input === 'valid' && refused) fail('valid input refused', show((error as Error).message));
  if (!refused && expectation.mustResolve) fail('must resolve', `${name}: ${show((error as Error).message)}`);
  if (!refused && expectation.errorNames && !expectation.errorNames.includes(name))
    fail(`expected ${expectation.errorNames.join('/')}`, `got ${name}: ${show((error as Error).message)}`);
}

/** Runs one call and checks every invariant; throws `[kind] detail` for the first one broken. */
export async function checkCall(call: () => unknown, observed: Observed, expectation: Expectation): Promise<void> {
  const { recorder } = observed;
  const started = performance.now();
  const outcome = await settle(call, expectation.guardMs, recorder.overCapReached);
  const elapsed = performance.now() - started;
  if (expectation.withinMs !== undefined && elapsed > expectation.withinMs) {
    fail(
      'blocked',
      `the outcome took ${Math.round(elapsed)} ms, more than the call's deadline of ${expectation.withinMs} ms`,
    );
  }
  if (outcome.kind === 'runaway') {
    recorder.kill();
    fail('too many attempts', `more than ${expectation.maxRequests} requests for one call`);
  }
  if (outcome.kind === 'hung') {
    recorder.kill();
    fail(
      'hung',
      `no outcome within ${expectation.guardMs} ms (timeout × attempts + back-off + slack), ${recorder.count} request(s) sent`,
    );
  }
  const sent = await recorder.requests();
  const checkSums = sent.map((request) => request.headers.checksum ?? '').filter(Boolean);
  if (outcome.kind === 'rejected') {
    const { error } = outcome;
    if (!isNimError(error)) {
      const kind = error instanceof Error ? error.constructor.name : typeof error;
      fail(`untyped ${kind}`, show(error instanceof Error ? error.message : error));
    }
    checkSecrets(visibleText(error), observed.appSecret, checkSums, (error as Error).name);
    checkBounded(error as object);
  }
  checkSecrets(observed.logLines, observed.appSecret, checkSums, 'a log line');
  if (observed.nim) {
    const metrics = observed.nim.metrics();
    const snapshots = [
      JSON.stringify(metrics),
      metrics.toPrometheus(),
      inspect(observed.nim, { depth: 4 }),
      JSON.stringify(observed.nim) ?? '',
    ];
    checkSecrets(snapshots, observed.appSecret, checkSums, 'a snapshot');
  }
  if (sent.length && expectation.input !== 'invalid') {
    checkSigned(sent, observed, expectation);
    checkRequests(sent, expectation);
  }
  if (outcome.kind === 'resolved') checkResolved(outcome.value, sent, expectation);
  else checkRejected(outcome.error, sent, expectation);
  if (recorder.overCap || sent.length > expectation.maxRequests)
    fail('too many attempts', `${recorder.count} requests, at most ${expectation.maxRequests} allowed`);
  if (expectation.unchanged && !expectation.unchanged()) fail('input mutated', 'the caller’s object changed');
}
