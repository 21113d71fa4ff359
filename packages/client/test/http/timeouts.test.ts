import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep, startDeadline } from '../../src/http/timeouts.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function track(promise: Promise<void>) {
  const state = { settled: false, error: undefined as unknown };
  promise.then(
    () => void (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

describe('sleep', () => {
  it('resolves after ms and leaves no timer', async () => {
    const slept = track(sleep(100));
    await vi.advanceTimersByTimeAsync(99);
    expect(slept.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(slept).toEqual({ settled: true, error: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at once with the signal reason when the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const slept = track(sleep(60_000, controller.signal));
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(slept).toEqual({ settled: true, error: reason });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once without a timer when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort('already');
    await expect(sleep(1000, controller.signal)).rejects.toBe('already');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves at once for 0 or a negative time', async () => {
    await sleep(0);
    await sleep(-5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening to the signal once it has resolved', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const slept = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await slept;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    controller.abort(); // must not reject anything any more
  });
});

describe('startDeadline', () => {
  it('aborts its signal with a TimeoutError after timeoutMs and says it timed out', async () => {
    const deadline = startDeadline(50, undefined);
    await vi.advanceTimersByTimeAsync(49);
    expect(deadline.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
    deadline.clear();
  });

  it('clear() removes its timer: the attempt ended, nothing aborts later', async () => {
    const deadline = startDeadline(50, undefined);
    expect(vi.getTimerCount()).toBe(1);
    deadline.clear();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.timedOut).toBe(false);
  });

  it("forwards the caller's abort with its reason, without calling it a timeout", () => {
    const caller = new AbortController();
    const deadline = startDeadline(10_000, caller.signal);
    caller.abort('user');
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe('user');
    expect(deadline.timedOut).toBe(false);
    deadline.clear();
  });

  it('starts aborted when the caller signal already is', () => {
    const caller = new AbortController();
    caller.abort('before');
    const deadline = startDeadline(10_000, caller.signal);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe('before');
    deadline.clear();
  });

  it("clear() stops listening to the caller's signal, so a long-lived signal does not collect listeners", () => {
    const caller = new AbortController();
    const add = vi.spyOn(caller.signal, 'addEventListener');
    const remove = vi.spyOn(caller.signal, 'removeEventListener');
    for (let i = 0; i < 3; i += 1) startDeadline(1000, caller.signal).clear();
    expect(add).toHaveBeenCalledTimes(3);
    expect(remove).toHaveBeenCalledTimes(3);
    expect(remove.mock.calls.map((call) => call[1])).toEqual(add.mock.calls.map((call) => call[1]));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives every attempt a fresh, independent deadline', async () => {
    const first = startDeadline(100, undefined);
    await vi.advanceTimersByTimeAsync(80);
    first.clear();
    const second = startDeadline(100, undefined);
    await vi.advanceTimersByTimeAsync(80);
    expect(second.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(second.signal.aborted).toBe(true);
    second.clear();
  });
});
