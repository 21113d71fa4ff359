// A fresh client per case, wired to a recording fetch and a recording logger, and the call of any method through
// the public API. `checkInputCase` is the whole check of one generated input against a correct server.
import { isDeepStrictEqual } from 'node:util';
import { createNimClient, type NimClient, type NimClientOptions } from '../../../src/index.js';
import { show, snapshot } from './hostile-values.js';
import { type InputCase, validInputCase } from './input-cases.js';
import { exact } from './response-data.js';
import { checkCall, type Expectation, type ExpectedRequest, type Observed } from './outcome.js';
import { createRecorder, type Responder } from './recording-fetch.js';
import type { MethodName } from './result-schemas.js';
import { goodResponder } from './wire.js';

export const appKey = 'hostile-app-key';
/** Long and unusual, so finding it in a text means it leaked. */
export const appSecret = 'hostile-AppSecret-7f3a9c1e5b';
export const baseUrl = 'https://nim.test';

/** Most items `iterateConversations` may yield before the run counts as runaway. */
const maxIterated = 600_000;

export function recordingLogger(lines: string[]) {
  const log = (message: unknown) => void lines.push(String(message));
  return { debug: log, info: log, warn: log, error: log };
}

/** A client on a recording fetch: zero back-off, a recording logger, overrides last. */
export function clientFor(responder: Responder, maxRequests: number, overrides: Partial<NimClientOptions> = {}) {
  const recorder = createRecorder(responder, maxRequests + 1);
  const logLines: string[] = [];
  const nim = createNimClient({
    appKey,
    appSecret,
    baseUrl,
    fetch: recorder.fetch,
    retryDelayMs: () => 0,
    timeoutMs: 5_000,
    logger: recordingLogger(logLines),
    ...overrides,
  });
  const observed: Observed = { recorder, logLines, appKey, appSecret, nim };
  return { nim, recorder, observed };
}

async function collect(items: AsyncIterable<unknown>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const item of items) {
    all.push(item);
    if (all.length > maxIterated) throw new Error('iterateConversations did not stop');
  }
  return all;
}

/** Calls `method` with `args` as a user would; `iterateConversations` is drained into an array. */
export function invoke(nim: NimClient, method: MethodName, args: readonly unknown[]): unknown {
  const groups = nim.conversationGroups as unknown as Record<MethodName, (...a: unknown[]) => unknown>;
  if (method === 'iterateConversations') return collect(groups.iterateConversations(...args) as AsyncIterable<unknown>);
  return groups[method](...args);
}

/** One generated input against a correct server: refused and unsent, or sent exactly and resolved. */
export async function checkInputCase(testCase: InputCase): Promise<void> {
  const { options } = testCase;
  const attempts = (options.maxRetries ?? 2) + 1;
  const maxRequests = Math.max(1, testCase.slots.length) * attempts;
  const { nim, observed } = clientFor(goodResponder, maxRequests);
  const args = testCase.args();
  const callerArgs = args.slice(0, -1);
  const before = testCase.comparable ? snapshot(callerArgs) : undefined;
  // A deadline under a second may fire before even a stub answers on a busy machine: then no exact exchange.
  const roomyDeadline = options.timeoutMs === undefined || options.timeoutMs >= 1_000;
  const expectation: Expectation = {
    input: testCase.verdict,
    slots: options.aborted ? [] : testCase.slots,
    exact: roomyDeadline,
    method: testCase.method,
    mustResolve: testCase.verdict === 'valid' && !options.aborted && roomyDeadline,
    ...(options.aborted && { errorNames: ['NimAbortError'] }),
    guardMs: 30_000,
    maxRequests,
    ...(options.traceId !== undefined && { traceId: options.traceId }),
    ...(before !== undefined && { unchanged: () => isDeepStrictEqual(before, snapshot(callerArgs)) }),
  };
  await checkCall(() => invoke(nim, testCase.method, args), observed, expectation);
}

/** What a case of hostile answers needs: a responder and what a correct client does with it. */
export interface AnswerCase {
  readonly responder: Responder;
  readonly mustResolve: boolean;
  readonly expected?: unknown;
  readonly errorNames?: readonly string[];
  /** The requests a correct client sends, when not those of the method's valid call against a correct server. */
  readonly slots?: ExpectedRequest[][];
  /** A further check of the resolved value. */
  readonly check?: (value: unknown) => string | undefined;
}

/** The method's valid call against `answers`: typed outcome, resolved value exactly the server's data when valid. */
export async function checkAnswers(
  method: MethodName,
  answers: AnswerCase,
  settings: { maxRetries: number; timeoutMs: number; slackMs?: number; withinMs?: number },
): Promise<void> {
  const call = validInputCase(method);
  const slots = answers.slots ?? call.slots;
  const maxRequests = (settings.maxRetries + 1) * slots.length;
  const { nim, observed } = clientFor(answers.responder, maxRequests, {
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
  });
  const { expected } = answers;
  await checkCall(() => invoke(nim, method, call.args()), observed, {
    input: 'valid',
    slots,
    method,
    ...(settings.withinMs !== undefined && { withinMs: settings.withinMs }),
    mustResolve: answers.mustResolve,
    ...(answers.errorNames && { errorNames: answers.errorNames }),
    guardMs: settings.timeoutMs * maxRequests + (settings.slackMs ?? 3_000),
    maxRequests,
    semantic: (value: unknown) => {
      if (expected !== undefined && !isDeepStrictEqual(exact(value), expected)) {
        return `resolved with ${show(JSON.stringify(exact(value)))}, the server sent ${show(JSON.stringify(expected))}`;
      }
      return answers.check?.(value);
    },
  });
}
