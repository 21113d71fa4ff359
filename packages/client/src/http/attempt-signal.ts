// Node 20 spends ~3 µs making an AbortController (its signal is an EventTarget given AbortSignal's prototype), and
// the undici transport needs none: it only listens for the abort. So on that transport each attempt's deadline is
// this small object; whoever reads `signal` from the request (a middleware, a caller's fetch) gets a real
// AbortSignal that follows it, made on that first read.

/** What the client's own code reads of a signal: a WHATWG `AbortSignal`, or an {@link AttemptSignal}. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(
    type: 'abort',
    listener: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void;
  removeEventListener(type: 'abort', listener: EventListenerOrEventListenerObject): void;
  /** Only on an AttemptSignal: the real `AbortSignal` that follows it. */
  toAbortSignal?(): AbortSignal;
}

/** What aborts an attempt: an `AbortController`, or an {@link AttemptSignal} (its own controller). */
export interface Abortable {
  readonly signal: AbortSignalLike;
  abort(reason: unknown): void;
}

/**
 * One attempt's abort signal on the undici transport: aborts once, calls each listener once, in the order added
 * (as `AbortSignal` does). {@link AttemptSignal.toAbortSignal} gives a real `AbortSignal` that follows it.
 *
 * @example
 * ```ts
 * const signal = new AttemptSignal();
 * signal.addEventListener('abort', () => console.log('aborted:', signal.reason));
 * signal.abort(new DOMException('attempt exceeded 10000 ms', 'TimeoutError'));
 * ```
 */
export class AttemptSignal implements AbortSignalLike, Abortable {
  aborted = false;
  reason: unknown = undefined;
  private listeners: EventListenerOrEventListenerObject[] | undefined;
  private follower: AbortController | undefined;

  addEventListener(type: 'abort', listener: EventListenerOrEventListenerObject): void {
    if (type !== 'abort' || this.aborted) return;
    const listeners = (this.listeners ??= []);
    if (!listeners.includes(listener)) listeners.push(listener);
  }

  removeEventListener(type: 'abort', listener: EventListenerOrEventListenerObject): void {
    const index = type === 'abort' && this.listeners ? this.listeners.indexOf(listener) : -1;
    if (index >= 0) this.listeners!.splice(index, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    this.follower?.abort(reason);
    if (!listeners) return;
    const event = { type: 'abort', target: this } as unknown as Event;
    for (const listener of listeners) {
      try {
        if (typeof listener === 'function') listener.call(this, event);
        else listener.handleEvent(event);
      } catch (error) {
        // As EventTarget does: a throwing listener is reported, and the other listeners still run.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** It is its own controller. */
  get signal(): AttemptSignal {
    return this;
  }

  /** A real `AbortSignal` that follows this one: made once, on first call. */
  toAbortSignal(): AbortSignal {
    if (!this.follower) {
      this.follower = new AbortController();
      if (this.aborted) this.follower.abort(this.reason);
    }
    return this.follower.signal;
  }
}

/** A fresh {@link AttemptSignal}: the undici transport's `newAbortable`. */
export const newAttemptSignal = (): Abortable => new AttemptSignal();

/**
 * A real `AbortSignal` for code outside the client: the signal itself, or the one that follows an attempt's.
 * (Duck-typed, so the fetch build, which never makes an AttemptSignal, does not carry the class.)
 */
export function realSignal(signal: AbortSignalLike | null | undefined): AbortSignal | null {
  if (typeof signal?.toAbortSignal === 'function') return signal.toAbortSignal();
  return (signal as AbortSignal | null | undefined) ?? null;
}
