// Hostile options of createNimClient. Refused options must throw NimValidationError from createNimClient itself;
// accepted ones must give a client whose call ends typed (or resolves) and goes where the options say.
import fc from 'fast-check';
import { afterEach, describe, it, vi } from 'vitest';
import { createNimClient, type NimClient } from '../../src/index.js';
import { absent, clientFieldGens, clientRules, discoversWith, hostsOf } from './support/client-options.js';
import { appKey as defaultAppKey, invoke, recordingLogger } from './support/harness.js';
import { container, type ContainerKind, type Gen, hostileValue } from './support/hostile-values.js';
import { checkCall, type Expectation, type ExpectedRequest } from './support/outcome.js';
import { described, runProperty } from './support/property.js';
import { createRecorder, type Responder } from './support/recording-fetch.js';
import { type Validity, worst } from './support/validity.js';
import { goodResponder, textResponse } from './support/wire.js';

type Holder = { kind: ContainerKind } | { kind: 'not an object'; value: Gen };

interface ClientCase {
  readonly verdict: Validity;
  readonly values: Record<string, unknown>;
  /** The options object afresh; `fetch: 'recorder'` becomes the recording fetch. */
  make(fetch: unknown): unknown;
  /** The first attempt answers 503, so a retry (and the back-off function) runs. */
  readonly failFirst: boolean;
}

const holders: fc.Arbitrary<Holder> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'plain' as const }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom<ContainerKind>('frozen', 'getters', 'inherited', 'null prototype', 'throwing Proxy')
      .map((kind) => ({ kind })),
  },
  { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'not an object' as const, value })) },
);

function assemble(holder: Holder, gens: Record<string, Gen>, failFirst: boolean): ClientCase {
  const made = () =>
    Object.fromEntries(
      Object.entries(gens)
        .map(([key, field]) => [key, field.make()])
        .filter(([, value]) => value !== absent),
    );
  const values = made();
  if (values.fetch === 'recorder') values.fetch = function recorder() {};
  const overridden = Object.values(gens).some((field) => field.verdict === 'invalid');
  const fieldVerdicts = Object.entries(gens).map(([key, field]) => field.verdict ?? clientRules[key]!(values[key]));
  const holderVerdict: Validity =
    holder.kind === 'not an object' || holder.kind === 'throwing Proxy'
      ? 'invalid'
      : holder.kind === 'inherited'
        ? 'either'
        : 'valid';
  const verdict = overridden ? 'invalid' : worst(holderVerdict, ...fieldVerdicts);
  const make = (fetch: unknown) => {
    if (holder.kind === 'not an object') return holder.value.make();
    const fields = made();
    if (fields.fetch === 'recorder') fields.fetch = fetch;
    return container(holder.kind, fields);
  };
  const shown = Object.entries(gens)
    .filter(([, field]) => field.desc !== 'absent')
    .map(([key, field]) => `${key}: ${field.desc}`);
  const desc = `createNimClient(${holder.kind === 'not an object' ? holder.value.desc : `${holder.kind} {${shown.join(', ')}}`})${failFirst ? ' + 503 first' : ''} → ${verdict}`;
  return described({ verdict, values, make, failFirst }, desc);
}

const cases = fc
  .tuple(holders, clientFieldGens, fc.boolean())
  .map(([holder, gens, failFirst]) => assemble(holder, gens, failFirst));

const failFirstResponder: Responder = async (attempt) =>
  attempt.index === 0 ? textResponse('<html>503</html>', 503, { 'content-type': 'text/html' }) : goodResponder(attempt);

async function checkClientCase(testCase: ClientCase): Promise<void> {
  const { values, verdict } = testCase;
  const validNumber = (key: string, fallback: number) =>
    clientRules[key]!(values[key]) === 'valid' && values[key] !== undefined ? (values[key] as number) : fallback;
  const maxRequests = validNumber('maxRetries', 2) + 1;
  const responder = testCase.failFirst ? failFirstResponder : goodResponder;
  const recorder = createRecorder(responder, maxRequests + 1);
  vi.stubGlobal('fetch', recorder.fetch);
  const appSecret = typeof values.appSecret === 'string' ? values.appSecret : '';
  const logLines: string[] = [];
  const observed: {
    recorder: typeof recorder;
    logLines: string[];
    appKey: string;
    appSecret: string;
    nim?: NimClient;
  } = {
    recorder,
    logLines,
    appKey: typeof values.appKey === 'string' ? values.appKey : defaultAppKey,
    appSecret,
  };
  const options = testCase.make(recorder.fetch);
  const guard = { guardMs: Math.min(60_000, validNumber('timeoutMs', 10_000) * maxRequests + 5_000), maxRequests };
  if (verdict === 'invalid') {
    await checkCall(() => void createNimClient(options as never), observed, {
      input: 'invalid',
      offline: true,
      ...guard,
    });
    return;
  }
  const hosts = hostsOf(values.baseUrl, values.region);
  const slots: ExpectedRequest[][] = [
    hosts.map((host) => {
      const url = new URL(`${host}/im/v2/conversation_groups/1001`);
      return { origin: url.origin, method: 'GET', path: url.pathname, query: { account_id: 'alice' } };
    }),
  ];
  const roomy = validNumber('timeoutMs', 10_000) >= 1_000;
  const throwingLogger =
    typeof values.logger === 'object' &&
    values.logger !== null &&
    'debug' in values.logger &&
    String((values.logger as { debug: unknown }).debug).includes('throw');
  const expectation: Expectation = {
    input: verdict,
    slots,
    method: 'get',
    mustResolve:
      verdict === 'valid' &&
      roomy &&
      !throwingLogger &&
      (!testCase.failFirst || (maxRequests > 1 && String(values.retryDelayMs) === '() => 0')),
    ...guard,
  };
  try {
    await checkCall(
      () => {
        const nim = createNimClient(options as never);
        observed.nim = nim;
        return invoke(nim, 'get', ['1001', { account_id: 'alice' }]);
      },
      observed,
      expectation,
    );
    // Discovery's background requests only where the options turn it on (issue 13).
    if (verdict === 'valid' && !discoversWith(values) && recorder.background > 0) {
      throw new Error(`[discovery] ${recorder.background} background request(s) although discovery is off`);
    }
  } finally {
    // Discovery's timers must not outlive the case (nor reach the real fetch once the stub is gone).
    await observed.nim?.close();
  }
}

describe('createNimClient with hostile options', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses bad options with NimValidationError at once, and a client it makes calls where it should and ends typed', async () => {
    await runProperty('client options', cases, checkClientCase, 700);
  }, 120_000);
});

// The logger the other properties record with must itself be a valid logger.
void recordingLogger;
