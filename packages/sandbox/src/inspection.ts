import type { RequestLog, SandboxRequestRecord } from './front/request-log.js';
import type { SandboxOperation } from './options.js';

/**
 * Which requests a lookup wants: an operation (`'createConversationGroup'`), or a test of a record.
 * @example
 * ```ts
 * const match: RequestMatch = (r) => r.operation === 'createConversationGroup' && r.code === 200;
 * ```
 */
export type RequestMatch = SandboxOperation | ((record: SandboxRequestRecord) => boolean);

/**
 * Options of `sandbox.waitForRequest`.
 * @example
 * ```ts
 * const options: WaitForRequestOptions = { timeoutMs: 1000 };
 * ```
 */
export interface WaitForRequestOptions {
  /**
   * How long to wait, in ms (`Infinity`: no limit). The timer is a `setTimeout`: under fake timers it runs on the
   * fake clock. @default 5000
   */
  readonly timeoutMs?: number;
  /** Ends the wait early (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

const test = (match: RequestMatch) =>
  typeof match === 'function' ? match : (record: SandboxRequestRecord) => record.operation === match;

/**
 * The records that match, oldest first.
 * @example
 * ```ts
 * const creates = findRequests(core.log, 'createConversationGroup');
 * ```
 */
export function findRequests(log: RequestLog, match: RequestMatch): SandboxRequestRecord[] {
  return log.records.filter(test(match));
}

/**
 * The first logged record that matches, or the next one to be logged (a request is logged once it is answered).
 * @example
 * ```ts
 * const record = await waitForRequest(core.log, 'createConversationGroup', { timeoutMs: 1000 });
 * ```
 */
export function waitForRequest(
  log: RequestLog,
  match: RequestMatch,
  options: WaitForRequestOptions = {},
): Promise<SandboxRequestRecord> {
  const matches = test(match);
  const { timeoutMs = 5000, signal } = options;
  if (typeof match !== 'function' && typeof match !== 'string')
    return Promise.reject(new TypeError('waitForRequest: match must be an operation name or a function'));
  if (!(typeof timeoutMs === 'number' && timeoutMs >= 0))
    return Promise.reject(
      new TypeError(`waitForRequest: timeoutMs must be a number ≥ 0 or Infinity, got ${String(timeoutMs)}`),
    );
  const found = log.records.find(matches);
  if (found) return Promise.resolve(found);
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      stop();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(signal!.reason);
    };
    const stop = log.subscribe((record) => {
      let hit = false;
      try {
        hit = matches(record);
      } catch (error) {
        finish();
        reject(error);
        return;
      }
      if (hit) {
        finish();
        resolve(record);
      }
    });
    if (Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => {
        finish();
        const what = typeof match === 'string' ? `a ${match} request` : 'a matching request';
        reject(
          Object.assign(
            new Error(
              `waitForRequest: no ${what.replace(/^a /, '')} within ${timeoutMs} ms (${log.records.length} requests logged)`,
            ),
            { name: 'TimeoutError' },
          ),
        );
      }, timeoutMs);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
