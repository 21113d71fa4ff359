import type { FaultKind, SandboxOperation } from '../options.js';
import type { SignatureVerdict } from '../rules/signature.js';

/**
 * One request as the sandbox saw it, for a test's assertions. Never holds a secret: no headers (so no CheckSum),
 * and the AppSecret, should a caller put it into a query or a body, is replaced by `[AppSecret]`.
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
  /**
   * The query, parsed: a name given once maps to its value, one given more than once to the list of its values
   * (`group_ids=1,2` is one value, `'1,2'`, as sent).
   */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /**
   * The JSON body as `JSON.parse` reads it (deeply frozen; integers above 2^53 rounded, as `JSON.parse` does), when
   * the request had a JSON body of at most 64 KiB that the sandbox read; `undefined` otherwise (no body, not JSON,
   * not read because the signature or the rate limit refused the request first, or dropped: once the bodies kept
   * pass 32 MiB the oldest records lose theirs).
   */
  readonly body: unknown;
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
  /** Adds a record; `bodyBytes` is the size of the body text it keeps (0 for none). */
  add(record: SandboxRequestRecord, bodyBytes?: number): void;
  /** Calls `listener` with every record added from now on; returns the function that stops it. */
  subscribe(listener: (record: SandboxRequestRecord) => void): () => void;
  clear(): void;
}

/**
 * The largest body text a record keeps (larger bodies are logged without `body`).
 * @example
 * ```ts
 * const body = text.length <= recordedBodyMaxBytes ? JSON.parse(text) : undefined;
 * ```
 */
export const recordedBodyMaxBytes = 64 * 1024;
const keptBodiesMaxBytes = 32 * 1024 * 1024;

/**
 * A bounded log: past twice `capacity` records the oldest half is dropped, so a long-running server stays small.
 * @example
 * ```ts
 * const log = createRequestLog(10_000);
 * ```
 */
export function createRequestLog(capacity: number, onRecord?: (record: SandboxRequestRecord) => void): RequestLog {
  const records: SandboxRequestRecord[] = [];
  const sizes = new WeakMap<SandboxRequestRecord, number>();
  const listeners = new Set<(record: SandboxRequestRecord) => void>();
  let keptBytes = 0;
  // The copy callers read: made on the first read after a change, never on the request path.
  let view: readonly SandboxRequestRecord[] | undefined;
  const forget = (record: SandboxRequestRecord) => {
    keptBytes -= sizes.get(record) ?? 0;
  };
  return {
    get records() {
      return (view ??= Object.freeze(records.slice()));
    },
    add(record, bodyBytes = 0) {
      records.push(record);
      view = undefined;
      if (bodyBytes > 0) {
        sizes.set(record, bodyBytes);
        keptBytes += bodyBytes;
      }
      if (records.length > 2 * capacity)
        for (const dropped of records.splice(0, records.length - capacity)) forget(dropped);
      // Past the budget the oldest records lose their bodies (the records stay) until half of it is used.
      if (keptBytes > keptBodiesMaxBytes) {
        for (let i = 0; i < records.length && keptBytes > keptBodiesMaxBytes / 2; i += 1) {
          const old = records[i]!;
          if (!sizes.has(old)) continue;
          forget(old);
          records[i] = Object.freeze({ ...old, body: undefined });
        }
      }
      onRecord?.(record);
      for (const listener of listeners) listener(record);
    },
    subscribe(listener) {
      const own = (record: SandboxRequestRecord) => listener(record);
      listeners.add(own);
      return () => listeners.delete(own);
    },
    clear: () => {
      records.length = 0;
      keptBytes = 0;
      view = undefined;
    },
  };
}
