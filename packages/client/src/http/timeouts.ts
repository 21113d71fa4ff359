import type { Abortable, AbortSignalLike } from './attempt-signal.js';

/** A per-attempt deadline combined with the caller's signal. Always `clear()` it when the attempt ends. */
export interface AttemptDeadline<S extends AbortSignalLike = AbortSignal> {
  readonly signal: S;
  /** True once the deadline (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  clear(): void;
}

/** Starts a fresh deadline for one attempt; the caller's abort is forwarded. */
export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): AttemptDeadline;
/** With `newAbortable`, the deadline aborts what it makes (the undici transport's AttemptSignal). */
export function startDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  newAbortable: (() => Abortable) | undefined,
): AttemptDeadline<AbortSignalLike>;
export function startDeadline(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  newAbortable?: () => Abortable,
): AttemptDeadline<AbortSignalLike> {
  const controller: Abortable = newAbortable ? newAbortable() : new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`attempt exceeded ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forwardAbort();
  else callerSignal?.addEventListener('abort', forwardAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    },
  };
}

/** Waits `ms`, ending early (rejecting with the signal's reason) when `signal` aborts. Leaves no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `work`, or a rejection with the signal's reason as soon as `signal` aborts — even when whatever `work` waits
 * on (a custom fetch, a body stream) ignores the signal, so no attempt outlives its deadline.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignalLike): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      work.catch(() => undefined); // abandoned: its late failure must not become an unhandled rejection
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
