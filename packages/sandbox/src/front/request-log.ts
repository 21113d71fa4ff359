import type { FaultKind, SandboxOperation } from '../options.js';
import type { SignatureVerdict } from '../rules/signature.js';

/**
 * One request as the sandbox saw it. Never holds a secret: no CheckSum, no AppSecret, no body.
 * @example
 * ```ts
 * const last: SandboxRequestRecord | undefined = sandbox.requests.at(-1);
 * console.log(last?.operation, last?.code, last?.signature);
 * ```
 */
export interface SandboxRequestRecord {
  /** When it arrived, ms since the epoch. */
  readonly at: number;
  readonly method: string;
  /** The URL path (no query). */
  readonly path: string;
  /** The operation it was routed to; `undefined` for an unknown path or method. */
  readonly operation: SandboxOperation | undefined;
  /** The request's `account_id`, as sent (cut to 64 characters), when it had one. */
  readonly account: string | undefined;
  /** The `X-custom-traceid` it was answered with (the caller's, or one the sandbox made). */
  readonly traceId: string | undefined;
  readonly signature: SignatureVerdict;
  /** The envelope's `code`; `undefined` when the answer was no envelope (a fault, 404/405). */
  readonly code: number | undefined;
  /** The HTTP status; `undefined` for a reset or a hang. */
  readonly status: number | undefined;
  /** The injected fault that decided the answer, if any (`'latency'` when only delayed). */
  readonly fault: FaultKind | undefined;
}

/**
 * Keeps the most recent records (at least `capacity`), oldest first.
 * @example
 * ```ts
 * const log: RequestLog = createRequestLog(10_000);
 * log.add(record);
 * ```
 */
export interface RequestLog {
  /** A frozen copy of the records, oldest first; the same array until the log changes (cheap to read often). */
  readonly records: readonly SandboxRequestRecord[];
  add(record: SandboxRequestRecord): void;
  clear(): void;
}

/**
 * A bounded log: past twice `capacity` records the oldest half is dropped, so a long-running server stays small.
 * @example
 * ```ts
 * const log = createRequestLog(10_000);
 * ```
 */
export function createRequestLog(capacity: number, onRecord?: (record: SandboxRequestRecord) => void): RequestLog {
  const records: SandboxRequestRecord[] = [];
  // The copy callers read: made on the first read after a change, never on the request path.
  let view: readonly SandboxRequestRecord[] | undefined;
  return {
    get records() {
      return (view ??= Object.freeze(records.slice()));
    },
    add(record) {
      records.push(record);
      view = undefined;
      if (records.length > 2 * capacity) records.splice(0, records.length - capacity);
      onRecord?.(record);
    },
    clear: () => {
      records.length = 0;
      view = undefined;
    },
  };
}
