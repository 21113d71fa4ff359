// The undici transport's per-attempt signal: it must behave as an AbortSignal for everything the client does with
// one (checked against a real AbortController on generated sequences), and whoever reads `request.signal` in a
// middleware gets a real AbortSignal that follows it.
import { seedOr } from '../support/fc-seed.js';
import { createNimClient } from '@nim-api/client';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { AttemptSignal, realSignal } from '../../src/http/attempt-signal.js';
import { NimRequest, signalOfLightRequest, toRequest } from '../../src/http/light-request.js';

type Step = { kind: 'add' | 'remove'; listener: number; asObject: boolean } | { kind: 'abort'; reason: string };
const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant<'add'>('add'), listener: fc.nat(4), asObject: fc.boolean() }),
    fc.record({ kind: fc.constant<'remove'>('remove'), listener: fc.nat(4), asObject: fc.boolean() }),
    fc.record({ kind: fc.constant<'abort'>('abort'), reason: fc.string({ maxLength: 5 }) }),
  ),
  { maxLength: 30 },
) as fc.Arbitrary<Step[]>;

/** Runs the steps on a signal, recording which listener saw which reason, and the signal's state at the end. */
function play(
  steps: Step[],
  make: () => {
    signal: { aborted: boolean; reason: unknown; addEventListener: Function; removeEventListener: Function };
    abort: (r: unknown) => void;
  },
) {
  const { signal, abort } = make();
  const calls: string[] = [];
  const functions = Array.from({ length: 5 }, (_, i) => () => void calls.push(`f${i}:${String(signal.reason)}`));
  const objects = Array.from({ length: 5 }, (_, i) => ({
    handleEvent: () => void calls.push(`o${i}:${String(signal.reason)}`),
  }));
  for (const step of steps) {
    if (step.kind === 'abort') abort(step.reason);
    else {
      const listener = step.asObject ? objects[step.listener] : functions[step.listener];
      if (step.kind === 'add') signal.addEventListener('abort', listener);
      else signal.removeEventListener('abort', listener);
    }
  }
  return { calls, aborted: signal.aborted, reason: signal.reason };
}

describe('AttemptSignal', () => {
  it('calls the same listeners, once each, in the same order, with the same reason as an AbortSignal (property)', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const real = play(sequence, () => {
          const controller = new AbortController();
          return { signal: controller.signal, abort: (r) => controller.abort(r) };
        });
        const light = play(sequence, () => {
          const signal = new AttemptSignal();
          return { signal, abort: (r) => signal.abort(r) };
        });
        expect(light).toEqual(real);
      }),
      { seed: seedOr(7), numRuns: 500 },
    );
  });

  it('still calls the other listeners when one throws, and reports the throw', () => {
    const reported: unknown[] = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
      try {
        task();
      } catch (error) {
        reported.push(error);
      }
    });
    try {
      const signal = new AttemptSignal();
      const seen: string[] = [];
      signal.addEventListener('abort', () => {
        throw new Error('listener broke');
      });
      signal.addEventListener('abort', () => void seen.push('second'));
      signal.abort('why');
      expect(seen).toEqual(['second']);
      expect(reported).toEqual([new Error('listener broke')]);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives a real AbortSignal that follows it, made once, aborted before or after it was asked for', () => {
    const early = new AttemptSignal();
    const follower = early.toAbortSignal();
    expect(follower).toBeInstanceOf(AbortSignal);
    expect(early.toAbortSignal()).toBe(follower);
    expect(follower.aborted).toBe(false);
    early.abort('late');
    expect([follower.aborted, follower.reason]).toEqual([true, 'late']);

    const late = new AttemptSignal();
    late.abort('first');
    expect([late.toAbortSignal().aborted, late.toAbortSignal().reason]).toEqual([true, 'first']);
    const real = new AbortController().signal;
    expect(realSignal(real)).toBe(real);
    expect(realSignal(undefined)).toBeNull();
  });

  it('stays inside the client: NimRequest.signal and a Request made from it carry a real AbortSignal', () => {
    const attempt = new AttemptSignal();
    const request = new NimRequest('http://127.0.0.1:9/x', {
      headers: new Headers(),
      signal: attempt as unknown as AbortSignal,
    });
    expect(signalOfLightRequest(request)).toBe(attempt);
    expect(request.signal).toBeInstanceOf(AbortSignal);
    const real = toRequest(request);
    attempt.abort(new Error('deadline'));
    expect(request.signal!.aborted).toBe(true);
    expect(real.signal.aborted).toBe(true);
  });
});

describe('the undici transport with a middleware that reads request.signal', () => {
  it('hands the middleware a real AbortSignal that aborts when the attempt times out', async () => {
    const never = { dispatch: () => true }; // accepts the request and never answers
    const nim = createNimClient({
      appKey: 'k',
      appSecret: 's',
      baseUrl: 'http://127.0.0.1:9',
      dispatcher: never,
      timeoutMs: 50,
      maxRetries: 0,
    });
    const signals: AbortSignal[] = [];
    nim.raw.use({
      onRequest({ request }) {
        signals.push(request.signal);
        return undefined;
      },
    });
    await expect(nim.conversationGroups.list({ account_id: 'alice' })).rejects.toMatchObject({
      name: 'NimTimeoutError',
    });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as DOMException).name).toBe('TimeoutError');
  });
});
