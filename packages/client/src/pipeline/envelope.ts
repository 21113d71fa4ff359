import { createApiError } from '../errors/error-codes.js';
import { type NimErrorContext, NimResponseError } from '../errors/errors.js';
import { JsonTooDeepError, parseJsonWithExactIds } from '../protocol/int64.js';
import { redact } from '../observability/redaction.js';

/**
 * Unwraps the `{code, msg, data}` envelope of an HTTP 200 body: code 200 → `data` (an absent `data` becomes `{}`);
 * any other code → the typed business error from the code table; not JSON or not an envelope → NimResponseError.
 * Runs before the retry decision, so a 416 is already a NimRateLimitError when the policy sees it.
 */
export function unwrapEnvelope(
  body: string | undefined,
  context: NimErrorContext,
  secrets: readonly string[],
): unknown {
  const text = body ?? '';
  let envelope: unknown;
  try {
    envelope = parseJsonWithExactIds(text);
  } catch (cause) {
    const reason = cause instanceof JsonTooDeepError ? `the body is ${cause.message}` : 'the body is not JSON';
    throw new NimResponseError(reason, redact(text, secrets), { ...context, cause });
  }
  if (typeof envelope !== 'object' || envelope === null || typeof (envelope as { code?: unknown }).code !== 'number') {
    throw new NimResponseError('the body is not a {code, msg, data} envelope', redact(text, secrets), context);
  }
  const { code, msg, data } = envelope as { code: number; msg?: unknown; data?: unknown };
  // `data` may be absent or null on success (delete); it is then `{}`.
  if (code === 200) return data ?? {};
  throw createApiError({
    ...context,
    code,
    msg: typeof msg === 'string' ? redact(msg, secrets) : '',
    httpStatus: 200,
  });
}
