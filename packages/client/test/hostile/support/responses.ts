// Hostile HTTP answers for one operation: code-200 data of every shape (response-data.ts) inside envelopes that
// are padded, broken or not envelopes at all; business error codes; non-200 statuses with hostile bodies.
// Each case knows what a correct client does: resolve with the data, or reject with which error classes.
import fc from 'fast-check';
import { appSecret } from './harness.js';
import { megabyte } from './hostile-values.js';
import { described } from './property.js';
import { type Responder, tick } from './recording-fetch.js';
import { dataCases, deepArray, deepMarker } from './response-data.js';
import type { MethodName } from './result-schemas.js';
import { jsonText, textResponse } from './wire.js';

export interface ResponseCase {
  readonly responder: Responder;
  readonly mustResolve: boolean;
  /** What the method resolves with (exact ids), when the answer is valid. */
  readonly expected?: unknown;
  /** The classes a rejection may have. */
  readonly errorNames?: readonly string[];
}

/** The body text of `value`, indented with `indent`, with the 10,000-deep marker expanded. */
export function bodyText(value: unknown, indent = ''): string {
  return jsonText(value, indent).split(JSON.stringify(deepMarker)).join(deepArray(10_000));
}

/** Answers every attempt with the same status, body and headers (after yielding to the event loop). */
export function answer(
  status: number,
  body: string | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Responder {
  return async ({ request }) => {
    await request;
    await tick();
    return status === 204 ? new Response(null, { status, headers }) : textResponse(body ?? '', status, headers);
  };
}

const whitespace = fc.oneof(
  fc.stringMatching(/^[ \t\n\r]{0,40}$/),
  fc
    .tuple(fc.constantFrom(' ', '\t', '\n', '\r\n'), fc.integer({ min: 0, max: 2_000 }))
    .map(([unit, count]) => unit.repeat(count)),
);
const indent = fc.constantFrom('', ' ', '\t', '\n', '  \r\n');

/** Valid envelopes as text: compact, or indented and padded with whitespace before and after. */
const envelopeTexts = (data: unknown) =>
  fc.oneof(
    fc.constant({ desc: 'compact', text: bodyText({ code: 200, msg: 'success', data }) }),
    fc.tuple(indent, whitespace, whitespace).map(([ind, lead, trail]) => ({
      desc: `indented ${JSON.stringify(ind)}, ${lead.length}+${trail.length} chars of whitespace around`,
      text: `${lead}${bodyText({ code: 200, msg: 'success', data }, ind)}${trail}`,
    })),
  );

const errorClassOf = (code: number) =>
  ({
    414: 'NimParamError',
    403: 'NimAuthError',
    416: 'NimRateLimitError',
    102404: 'NimNotFoundError',
    108404: 'NimNotFoundError',
    110404: 'NimNotFoundError',
    116404: 'NimNotFoundError',
    116435: 'NimLimitExceededError',
    116437: 'NimLimitExceededError',
    110304: 'NimLimitExceededError',
  })[code] ?? 'NimApiError';

const brokenBodies = fc.constantFrom(
  { desc: 'empty body', text: '' },
  { desc: 'not JSON', text: 'not json' },
  { desc: 'HTML', text: '<html>oops</html>' },
  { desc: 'truncated envelope', text: '{"code":200,"msg":"success","data":{"conversation_gr' },
  { desc: 'envelope then garbage', text: '{"code":200,"msg":"success","data":{}}x' },
  { desc: 'BOM then envelope', text: '\ufeff{"code":200,"msg":"success","data":{}}' },
  { desc: 'no code', text: '{"msg":"success","data":{}}' },
  { desc: 'code "200"', text: '{"code":"200","msg":"success","data":{}}' },
  { desc: 'top-level array', text: '[{"code":200}]' },
  { desc: 'null', text: 'null' },
  { desc: '5', text: '5' },
  { desc: '10,000 nested arrays', text: deepArray(10_000) },
  { desc: 'envelope nested 10,000 deep in msg', text: `{"code":200,"msg":${deepArray(10_000)},"data":{}}` },
);

const businessErrors = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(414, 403, 416, 500, 102404, 116404, 116435, 110304),
      fc.integer({ min: -5, max: 10 ** 9 }).filter((code) => code !== 200),
    ),
    fc.constantFrom('parameter error', `echo of ${appSecret}`, megabyte, 5, null),
  )
  .map(([code, msg]) => ({ code, msg }));

const statusBodies = fc.constantFrom(
  { desc: 'HTML', text: '<html><h1>Bad Gateway</h1></html>', type: 'text/html' },
  { desc: 'an envelope', text: '{"code":200,"msg":"success","data":{}}', type: 'application/json' },
  { desc: 'JSON nested 10,000 deep', text: deepArray(10_000), type: 'application/json' },
  { desc: '1 MB', text: megabyte, type: 'text/plain' },
  { desc: 'the AppSecret', text: `{"error":"bad secret ${appSecret}"}`, type: 'application/json' },
  { desc: 'empty', text: '', type: 'text/plain' },
);
const retryAfter = fc.constantFrom(undefined, '0', '1', '-1', 'abc', '99999999999', 'Wed, 21 Oct 2015 07:28:00 GMT');

/** Every kind of answer for `method`, each labelled with what a correct client does with it. */
export function responseCases(method: MethodName): fc.Arbitrary<ResponseCase> {
  const data = dataCases(method).chain((dataCase) =>
    envelopeTexts(dataCase.data).map((envelope) => {
      const valid = dataCase.expected !== undefined;
      return described<ResponseCase>(
        {
          responder: answer(200, envelope.text),
          mustResolve: valid,
          ...(valid ? { expected: dataCase.expected } : { errorNames: ['NimResponseError'] }),
        },
        `code 200, ${dataCase.desc}, ${envelope.desc}`,
      );
    }),
  );
  const broken = brokenBodies.map(({ desc, text }) =>
    described<ResponseCase>(
      { responder: answer(200, text), mustResolve: false, errorNames: ['NimResponseError'] },
      `HTTP 200, ${desc}`,
    ),
  );
  const business = businessErrors.map(({ code, msg }) =>
    described<ResponseCase>(
      {
        responder: answer(200, bodyText({ code, msg, data: {} })),
        mustResolve: false,
        errorNames: [errorClassOf(code)],
      },
      `code ${code}, msg ${typeof msg === 'string' && msg.length > 40 ? `${msg.length} chars` : JSON.stringify(msg)}`,
    ),
  );
  const statuses = fc
    .tuple(fc.constantFrom(201, 204, 301, 400, 404, 500, 502, 503, 504, 599), statusBodies, retryAfter)
    .map(([status, body, after]) =>
      described<ResponseCase>(
        {
          responder: answer(status, body.text, {
            'content-type': body.type,
            ...(after !== undefined && { 'retry-after': after }),
          }),
          mustResolve: false,
          errorNames: ['NimHttpError'],
        },
        `HTTP ${status}, ${body.desc}${after === undefined ? '' : `, Retry-After ${after}`}`,
      ),
    );
  return fc.oneof(
    { weight: 6, arbitrary: data },
    { weight: 2, arbitrary: broken },
    { weight: 2, arbitrary: business },
    { weight: 2, arbitrary: statuses },
  );
}
