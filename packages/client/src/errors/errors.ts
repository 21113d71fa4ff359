import type { FailedConversation, KnownErrorCode } from '@nim-api/types';

const nimErrorBrand = Symbol.for('@nim-api/client/NimError');
/** A validation message names at most this many issues; `issues` holds them all. */
const maxIssuesInMessage = 20;

/**
 * Where an error happened; every field is optional because validation errors happen before any request.
 * @example
 * ```ts
 * const where = (e: NimErrorContext) => `${e.operationId} ${e.method} ${e.host} trace=${e.traceId}`;
 * ```
 */
export interface NimErrorContext {
  /** The spec's operationId, e.g. `createConversationGroup`. */
  readonly operationId?: string | undefined;
  /** HTTP method of the request. */
  readonly method?: string | undefined;
  /** Base URL of the host the failing attempt went to. */
  readonly host?: string | undefined;
  /** The `X-custom-traceid` of the logical call, the same on every attempt. */
  readonly traceId?: string | undefined;
  /** How many HTTP attempts were made. */
  readonly attempts?: number | undefined;
}

/**
 * What a chunked `addConversations`/`removeConversations` had done when a chunk failed outright, e.g.
 * `if (isNimError(e) && e.partial) retryLater(e.partial.notApplied)`.
 * `applied` and `failed` come from the chunks that completed; `notApplied` lists every id of the failed chunk and
 * of the chunks after it.
 */
export interface NimPartialProgress {
  readonly applied: readonly string[];
  readonly failed: readonly FailedConversation[];
  readonly notApplied: readonly string[];
}

/**
 * Root of every error the client throws. Use {@link isNimError} rather than `instanceof` when two copies of the
 * package may meet (it checks a brand).
 *
 * @example
 * ```ts
 * try {
 *   await nim.conversationGroups.get('1001', { account_id: 'alice' });
 * } catch (error) {
 *   if (isNimError(error)) console.error(error.name, error.traceId, error.message);
 *   else throw error;
 * }
 * ```
 */
export class NimError extends Error {
  override readonly name: string = 'NimError';
  readonly operationId: string | undefined;
  readonly method: string | undefined;
  readonly host: string | undefined;
  readonly traceId: string | undefined;
  readonly attempts: number | undefined;
  /** Set when a chunked call failed part-way: which ids were applied and which were not. */
  readonly partial: NimPartialProgress | undefined;

  constructor(message: string, context: NimErrorContext & { cause?: unknown } = {}) {
    // Errors of a request say where it went; validation errors happen before there is one.
    const where = context.traceId
      ? ` (${context.method ?? ''} ${context.host ?? ''}, trace id ${context.traceId})`
      : '';
    super(
      `${context.operationId ?? 'request'}: ${message}${where}`,
      context.cause === undefined ? undefined : { cause: context.cause },
    );
    this.operationId = context.operationId;
    this.method = context.method;
    this.host = context.host;
    this.traceId = context.traceId;
    this.attempts = context.attempts;
    this.partial = undefined;
    Object.defineProperty(this, nimErrorBrand, { value: true });
  }
}

/**
 * The body `code` of a business error: one of the codes the spec documents (generated from its error examples and
 * its guide's error list, so an editor offers them) or any other number the server sends.
 * @example
 * ```ts
 * const isMissing = (code: NimApiErrorCode) => code === 116404 || code === 102404;
 * ```
 */
export type NimApiErrorCode = KnownErrorCode | (number & {});

/**
 * Details of a business error: the body's `code` was not 200.
 * @example
 * ```ts
 * const details: NimApiErrorDetails = { code: 414, msg: 'parameter error', httpStatus: 200 };
 * ```
 */
export interface NimApiErrorDetails extends NimErrorContext {
  readonly code: NimApiErrorCode;
  readonly msg: string;
  readonly httpStatus: number;
}

/**
 * The server answered with a business error: HTTP 200 and a body `code` other than 200. Subclasses narrow the
 * common codes; any other code is a plain `NimApiError`.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof NimApiError) console.log(error.code, error.msg, error.traceId);
 * }
 * ```
 */
export class NimApiError extends NimError {
  override readonly name: string = 'NimApiError';
  /** The body's `code`, e.g. 414 or 116404 (see {@link NimApiErrorCode}). */
  readonly code: NimApiErrorCode;
  readonly msg: string;
  readonly httpStatus: number;
  declare readonly operationId: string;
  declare readonly traceId: string;

  constructor(details: NimApiErrorDetails) {
    super(`code ${details.code}, ${details.msg}`, details);
    this.code = details.code;
    this.msg = details.msg;
    this.httpStatus = details.httpStatus;
  }
}

/**
 * Code 414: a parameter was rejected (older gateways also send it for a bad CheckSum).
 * @example
 * ```ts
 * if (error instanceof NimParamError) console.error('rejected input', error.msg, error.traceId);
 * ```
 */
export class NimParamError extends NimApiError {
  override readonly name = 'NimParamError' as const;
}
/**
 * Code 403: authentication failed (AppKey, CheckSum or an expired CurTime — check the host's clock).
 * @example
 * ```ts
 * if (error instanceof NimAuthError) alertOps('Yunxin credentials rejected');
 * ```
 */
export class NimAuthError extends NimApiError {
  override readonly name = 'NimAuthError' as const;
}
/**
 * Code 416: rate limited (calls are then blocked for a while); the client retries it by default.
 * @example
 * ```ts
 * if (error instanceof NimRateLimitError) queue.pauseFor(1_000);
 * ```
 */
export class NimRateLimitError extends NimApiError {
  override readonly name = 'NimRateLimitError' as const;
}
/**
 * Codes 102404, 108404, 110404, 116404: the account, team, conversation or group does not exist.
 * @example
 * ```ts
 * const group = await nim.conversationGroups.get(id, { account_id }).catch((e) => {
 *   if (e instanceof NimNotFoundError) return undefined;
 *   throw e;
 * });
 * ```
 */
export class NimNotFoundError extends NimApiError {
  override readonly name = 'NimNotFoundError' as const;
}
/**
 * Codes 116435, 116437, 110304: a group, conversation or membership limit was reached.
 * @example
 * ```ts
 * if (error instanceof NimLimitExceededError && error.code === 116435) suggestDeletingOldGroups();
 * ```
 */
export class NimLimitExceededError extends NimApiError {
  override readonly name = 'NimLimitExceededError' as const;
}

/**
 * A non-200 HTTP status: a gateway or transport failure, never a business error.
 *
 * @example
 * ```ts
 * if (error instanceof NimHttpError && error.status === 503) scheduleLater();
 * ```
 */
export class NimHttpError extends NimError {
  override readonly name = 'NimHttpError' as const;
  /** The HTTP status. */
  readonly status: number;
  /** The start of the body (at most 512 characters, secrets redacted). */
  readonly bodyExcerpt: string;
  /** The `Retry-After` delay the server asked for, in ms, if any. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, bodyExcerpt: string, context: NimErrorContext & { retryAfterMs?: number | undefined }) {
    super(`HTTP ${status} ${bodyExcerpt.slice(0, 120)}`, context);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
    this.retryAfterMs = context.retryAfterMs;
  }
}

/**
 * HTTP 200, but the body is not JSON or not a `{code, msg, data}` envelope.
 *
 * @example
 * ```ts
 * if (error instanceof NimResponseError) console.log(error.bodyExcerpt);
 * ```
 */
export class NimResponseError extends NimError {
  override readonly name = 'NimResponseError' as const;
  readonly bodyExcerpt: string;

  constructor(reason: string, bodyExcerpt: string, context: NimErrorContext & { cause?: unknown }) {
    super(reason, context);
    this.bodyExcerpt = bodyExcerpt;
  }
}

/**
 * One problem found in the input.
 * @example
 * ```ts
 * const issue: NimValidationIssue = { path: 'conversation_ids[0]', message: 'is not "owner|type|target"' };
 * ```
 */
export interface NimValidationIssue {
  /** Where, e.g. `conversation_ids[3]`. */
  readonly path: string;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * The input was rejected before anything was sent; `issues` has one entry per problem.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof NimValidationError) for (const i of error.issues) console.log(i.path, i.message);
 * }
 * ```
 */
export class NimValidationError extends NimError {
  override readonly name = 'NimValidationError' as const;
  readonly issues: readonly NimValidationIssue[];

  constructor(issues: readonly NimValidationIssue[], context: NimErrorContext & { cause?: unknown } = {}) {
    const shown = issues.slice(0, maxIssuesInMessage).map((issue) => `${issue.path} ${issue.message}`);
    const more =
      issues.length > maxIssuesInMessage ? `; and ${issues.length - maxIssuesInMessage} more (see error.issues)` : '';
    super(`not sent: ${shown.join('; ')}${more}`, context);
    this.issues = issues;
  }
}

/**
 * An attempt exceeded `timeoutMs` (and no retry was left or allowed).
 * @example
 * ```ts
 * await nim.conversationGroups.list({ account_id: 'alice' }, { timeoutMs: 2_000 }).catch((e) => {
 *   if (e instanceof NimTimeoutError) console.warn(`gave up after ${e.attempts} attempts`);
 *   throw e;
 * });
 * ```
 */
export class NimTimeoutError extends NimError {
  override readonly name = 'NimTimeoutError' as const;
  readonly timeoutMs: number;

  constructor(timeoutMs: number, context: NimErrorContext & { cause?: unknown }) {
    super(`timed out after ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The connection failed. `requestSent` is false only when the request certainly never reached the server.
 * @example
 * ```ts
 * if (error instanceof NimConnectionError && !error.requestSent) console.log('safe to send again');
 * ```
 */
export class NimConnectionError extends NimError {
  override readonly name = 'NimConnectionError' as const;
  readonly requestSent: boolean;

  constructor(requestSent: boolean, context: NimErrorContext & { cause?: unknown }) {
    super(`connection failed, ${connectionErrorCode(context.cause) ?? 'network error'}`, context);
    this.requestSent = requestSent;
  }
}

/**
 * The caller's `signal` aborted the call; no further attempt is made.
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 500);
 * await nim.conversationGroups.list({ account_id: 'alice' }, { signal: controller.signal }); // NimAbortError
 * ```
 */
export class NimAbortError extends NimError {
  override readonly name = 'NimAbortError' as const;
}

/** The `code` of a Node/undici network error, found on the error or its `cause`. */
export function connectionErrorCode(error: unknown): string | undefined {
  try {
    for (let current = error, depth = 0; current && depth < 4; depth += 1) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      current = (current as { cause?: unknown }).cause;
    }
  } catch {
    // a thrown value whose getters or Proxy traps throw carries no code we can read
  }
  return undefined;
}

/**
 * The error classes by `name`, for {@link isNimError}'s second argument.
 * @example
 * ```ts
 * type RateLimit = NimErrorsByName['NimRateLimitError'];
 * ```
 */
export interface NimErrorsByName {
  NimError: NimError;
  NimApiError: NimApiError;
  NimParamError: NimParamError;
  NimAuthError: NimAuthError;
  NimRateLimitError: NimRateLimitError;
  NimNotFoundError: NimNotFoundError;
  NimLimitExceededError: NimLimitExceededError;
  NimHttpError: NimHttpError;
  NimResponseError: NimResponseError;
  NimValidationError: NimValidationError;
  NimTimeoutError: NimTimeoutError;
  NimConnectionError: NimConnectionError;
  NimAbortError: NimAbortError;
}

const apiErrorNames = new Set([
  'NimApiError',
  'NimParamError',
  'NimAuthError',
  'NimRateLimitError',
  'NimNotFoundError',
  'NimLimitExceededError',
]);

/**
 * Whether `value` is an error of this client, also across two copies of the package (it checks a brand, not the
 * prototype chain). With a `name`, narrows to that class; `'NimApiError'` also matches its subclasses.
 *
 * @example
 * ```ts
 * if (isNimError(error, 'NimRateLimitError')) await later();
 * ```
 */
export function isNimError<Name extends keyof NimErrorsByName = 'NimError'>(
  value: unknown,
  name?: Name,
): value is NimErrorsByName[Name] {
  try {
    if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[nimErrorBrand] !== true) {
      return false;
    }
    if (name === undefined || name === 'NimError') return true;
    const actual = (value as Error).name;
    return actual === name || (name === 'NimApiError' && apiErrorNames.has(actual));
  } catch {
    return false; // a Proxy whose traps throw is no error of ours
  }
}

/** Records on `error` what a chunked call had done before it failed, and says so in the message. */
export function attachPartialProgress(error: NimError, partial: NimPartialProgress): NimError {
  Object.defineProperty(error, 'partial', { value: partial, enumerable: true });
  error.message +=
    ` — ${partial.applied.length} conversation id(s) were applied, ${partial.failed.length} failed item by item` +
    ` and ${partial.notApplied.length} were not sent or not applied (see error.partial)`;
  return error;
}
