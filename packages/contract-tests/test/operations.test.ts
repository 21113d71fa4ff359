// One table-driven block per operation of the spec, against the Prism mock: the success example comes back as the
// typed result (public client and nim.raw), and every named error example becomes the matching error class.
import {
  NimApiError,
  NimAuthError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
  traceIdOf,
} from '@nim-api/client';
import { errorClasses } from '@nim-api/types';
import { describe, expect, inject, it } from 'vitest';
import { allContracts, contractOf } from './contracts.js';
import { example, expectCleanExchanges, harness, successExamples } from './harness.js';
import { errorExamples, exampleData, specOperation, specOperations } from './spec.js';

const prismUrl = inject('prismUrl');

/** The class each business code must become: the spec's x-nim-error-classes (generated); any other code is a plain NimApiError. */
const classesByName: Record<(typeof errorClasses)[keyof typeof errorClasses], typeof NimApiError> = {
  NimParamError,
  NimAuthError,
  NimRateLimitError,
  NimNotFoundError,
  NimLimitExceededError,
};
const errorClassByCode = new Map<number, typeof NimApiError>(
  Object.entries(errorClasses).map(([code, name]) => [Number(code), classesByName[name]]),
);

let traceCounter = 0;
const nextTraceId = () => `contract${Date.now().toString(16)}${(traceCounter += 1).toString(16).padStart(4, '0')}`;

it('covers every operation of the spec, and nothing else', () => {
  const inSpec = specOperations.map((operation) => operation.operationId).sort();
  expect(inSpec.length).toBeGreaterThan(0);
  expect(Object.keys(allContracts).sort()).toEqual(inSpec);
});

/** The resources the built client offers (`nim.conversationGroups`, …). */
const clientResources = new Set(Object.keys(harness(prismUrl, undefined).nim));

describe.each(specOperations.map((operation) => operation.operationId))('%s', (operationId) => {
  const contract = contractOf(operationId);
  const examples = exampleData(operationId);
  const methods = contract?.methods ?? [];
  const sdk = specOperation(operationId).sdk;

  it('has a contract: client methods and a raw call', () => {
    expect(contract, `add ${operationId} to test/contracts.ts`).toBeDefined();
    expect(contract!.raw).toBeTypeOf('function');
    expect(sdk, `${operationId} lacks x-nim-sdk in the spec`).toBeDefined();
    expect(clientResources.has(sdk!.resource), `the client offers no nim.${sdk!.resource}`).toBe(true);
    expect(
      methods.length,
      `add the nim.${sdk!.resource} methods of ${operationId} to test/contracts.ts`,
    ).toBeGreaterThan(0);
    expect(examples.success, `the spec has no "success" example for ${operationId}`).toBeDefined();
  });

  it.each(methods)('nim.$method returns the success example as its typed result', async ({ run, expected }) => {
    const { nim, exchanges } = harness(prismUrl, successExamples);
    const traceId = nextTraceId();
    const result = (await run(nim, { traceId })) as object;

    expect(result).toEqual(expected(examples));
    if (!Array.isArray(result)) expect(traceIdOf(result)).toBe(traceId);
    expectCleanExchanges(exchanges);
    for (const exchange of exchanges) expect(exchange.requestHeaders.get('X-custom-traceid')).toBe(traceId);
  });

  it('nim.raw returns the success envelope, group ids as exact strings', async () => {
    const { nim, exchanges } = harness(prismUrl, successExamples);
    const { data, error, response } = await contract!.raw(nim, { 'X-custom-traceid': 'rawcall' });

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual({ code: 200, msg: 'success', data: examples.success });
    expectCleanExchanges(exchanges);
  });

  const errorCases = methods.flatMap(({ method, run }) =>
    errorExamples(operationId).map((errorExample) => ({
      method,
      run,
      ...errorExample,
      className: (errorClassByCode.get(errorExample.code) ?? NimApiError).name,
    })),
  );

  it.each(errorCases)('$method, example $name → $className (code $code)', async ({ run, name, code, msg }) => {
    const { nim, exchanges } = harness(prismUrl, example(name));
    const traceId = nextTraceId();
    // maxRetries 0 so a 416 is not retried here (the retries are asserted below).
    const error = await run(nim, { traceId, maxRetries: 0 }).then(
      () => expect.unreachable(`example ${name} did not throw`),
      (thrown: unknown) => thrown,
    );

    const Expected = errorClassByCode.get(code) ?? NimApiError;
    expect(error).toBeInstanceOf(Expected);
    expect((error as object).constructor).toBe(Expected);
    expect(error).toMatchObject({ name: Expected.name, code, msg, traceId, operationId, httpStatus: 200, attempts: 1 });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.requestHeaders.get('X-custom-traceid')).toBe(traceId);
    expectCleanExchanges(exchanges);
  });
});

it('retries a 416 (rate limited) with the same trace id and a fresh signature, then throws NimRateLimitError', async () => {
  const { nim, exchanges } = harness(prismUrl, example('rateLimited'), { maxRetries: 2, retryDelayMs: () => 0 });
  const traceId = nextTraceId();
  const error = await nim.conversationGroups
    .list({ account_id: 'alice' }, { traceId })
    .catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(NimRateLimitError);
  expect(error).toMatchObject({ code: 416, msg: 'too frequently', traceId, attempts: 3 });
  expect(exchanges).toHaveLength(3);
  expect(new Set(exchanges.map((e) => e.requestHeaders.get('X-custom-traceid')))).toEqual(new Set([traceId]));
  expect(new Set(exchanges.map((e) => e.requestHeaders.get('Nonce'))).size).toBe(3);
});
