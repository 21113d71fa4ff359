import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricsRecorder, type AttemptOutcome } from '../../src/observability/metrics.js';
import { parsePrometheusText } from '../support/prometheus-text.js';

/** The values 1..n in a scrambled but fixed order. */
const scrambled = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37) % n) + 1);

describe('MetricsRecorder', () => {
  it('gives nearest-rank p50, p90 and p99 whatever the order of the samples', () => {
    const recorder = new MetricsRecorder();
    for (const ms of scrambled(100)) recorder.record('getConversationGroup', 'https://a', 'ok', 1, ms);
    expect(new Set(scrambled(100)).size).toBe(100);
    expect(recorder.snapshot().byOperation.getConversationGroup!.latencyMs).toEqual({ p50: 50, p90: 90, p99: 99 });
  });

  it('reports one sample as every percentile, and zeros before any sample', () => {
    const recorder = new MetricsRecorder();
    expect(recorder.snapshot()).toMatchObject({ byOperation: {}, byHost: {} });
    recorder.record('op', 'h', 'ok', 1, 12.5);
    expect(recorder.snapshot().byOperation.op!.latencyMs).toEqual({ p50: 12.5, p90: 12.5, p99: 12.5 });
  });

  it('counts outcomes and retries per operation and per host', () => {
    const recorder = new MetricsRecorder();
    recorder.record('get', 'https://a', 'transportError', 1, 5);
    recorder.record('get', 'https://b', 'ok', 2, 5);
    recorder.record('list', 'https://a', 'apiError', 1, 5);
    recorder.record('list', 'https://a', 'ok', 1, 5);
    const { byOperation, byHost } = recorder.snapshot();
    expect(byOperation.get).toMatchObject({ ok: 1, apiError: 0, transportError: 1, retries: 1 });
    expect(byOperation.list).toMatchObject({ ok: 1, apiError: 1, transportError: 0, retries: 0 });
    expect(byHost['https://a']).toMatchObject({ ok: 1, apiError: 1, transportError: 1, retries: 0 });
    expect(byHost['https://b']).toMatchObject({ ok: 1, apiError: 0, transportError: 0, retries: 1 });
  });

  it('keeps latencies of the last 1,024 attempts only, but counts every attempt', () => {
    const recorder = new MetricsRecorder();
    for (let i = 0; i < 1024; i += 1) recorder.record('op', 'h', 'ok', 1, 1000);
    for (let i = 0; i < 1024; i += 1) recorder.record('op', 'h', 'ok', 1, 1);
    const entry = recorder.snapshot().byOperation.op!;
    expect(entry.latencyMs).toEqual({ p50: 1, p90: 1, p99: 1 });
    expect(entry.ok).toBe(2048);
  });

  it('a snapshot does not change when more attempts are recorded', () => {
    const recorder = new MetricsRecorder();
    recorder.record('op', 'h', 'ok', 1, 1);
    const before = recorder.snapshot();
    recorder.record('op', 'h', 'ok', 1, 1);
    expect(before.byOperation.op!.ok).toBe(1);
    expect(recorder.snapshot().byOperation.op!.ok).toBe(2);
  });
});

describe('toPrometheus()', () => {
  const recorder = new MetricsRecorder();
  for (const ms of scrambled(10)) recorder.record('getConversationGroup', 'http://127.0.0.1:1', 'ok', 1, ms);
  recorder.record('getConversationGroup', 'http://127.0.0.1:2', 'transportError', 1, 10_000);
  recorder.record('getConversationGroup', 'http://127.0.0.1:2', 'ok', 2, 120);
  recorder.record('createConversationGroup', 'host "odd"\\\nname', 'apiError', 2, 3);
  const text = recorder.snapshot().toPrometheus();
  const families = parsePrometheusText(text);
  const samples = (name: string) =>
    [...families.values()].flatMap((family) => family.samples).filter((sample) => sample.name === name);
  const total = (name: string, where: Record<string, string> = {}) =>
    samples(name)
      .filter((sample) => Object.entries(where).every(([key, value]) => sample.labels[key] === value))
      .reduce((sum, sample) => sum + sample.value, 0);

  it('passes the strict text-format parser: three families, one per meaning', () => {
    expect([...families.values()].map(({ name, type }) => [name, type])).toEqual([
      ['nim_client_attempts_total', 'counter'],
      ['nim_client_retries_total', 'counter'],
      ['nim_client_attempt_duration_seconds', 'histogram'],
    ]);
    for (const family of families.values()) expect(family.help).toBeTruthy();
  });

  it('labels every series by operation and host, so sums by either count each attempt once', () => {
    expect(total('nim_client_attempts_total')).toBe(13);
    expect(total('nim_client_attempts_total', { operation: 'getConversationGroup' })).toBe(12);
    expect(total('nim_client_attempts_total', { host: 'http://127.0.0.1:2' })).toBe(2);
    expect(total('nim_client_attempts_total', { outcome: 'transportError' })).toBe(1);
    expect(total('nim_client_retries_total')).toBe(2);
    expect(total('nim_client_retries_total', { operation: 'getConversationGroup' })).toBe(1);
    // The snapshot's per-operation and per-host figures are the same sums.
    const { byOperation, byHost } = recorder.snapshot();
    for (const [operation, entry] of Object.entries(byOperation)) {
      expect(total('nim_client_attempts_total', { operation })).toBe(entry.ok + entry.apiError + entry.transportError);
    }
    for (const [host, entry] of Object.entries(byHost))
      expect(total('nim_client_retries_total', { host })).toBe(entry.retries);
  });

  it('gives latency as a histogram in seconds: cumulative buckets, _sum in seconds, _count = attempts', () => {
    const labels = { operation: 'getConversationGroup', host: 'http://127.0.0.1:1' };
    const bucket = (le: string) => total('nim_client_attempt_duration_seconds_bucket', { ...labels, le });
    expect(bucket('0.005')).toBe(5); // 1..5 ms
    expect(bucket('0.01')).toBe(10);
    expect(bucket('+Inf')).toBe(10);
    expect(total('nim_client_attempt_duration_seconds_sum', labels)).toBeCloseTo(0.055, 10);
    expect(total('nim_client_attempt_duration_seconds_count', labels)).toBe(10);
    const slow = { operation: 'getConversationGroup', host: 'http://127.0.0.1:2' };
    expect(total('nim_client_attempt_duration_seconds_bucket', { ...slow, le: '0.25' })).toBe(1); // 120 ms
    expect(total('nim_client_attempt_duration_seconds_bucket', { ...slow, le: '10' })).toBe(2); // 10 s is in le="10"
    expect(total('nim_client_attempt_duration_seconds_count')).toBe(13);
  });

  it('escapes quotes, backslashes and newlines in label values (the parser reads the original back)', () => {
    expect(samples('nim_client_retries_total').map((sample) => sample.labels.host)).toContain('host "odd"\\\nname');
    expect(text).toContain('host="host \\"odd\\"\\\\\\nname"');
  });

  // Prometheus's own linter, where installed (Debian: apt-get install prometheus): no error, no lint warning. The
  // strict parser above is the test that always runs; the output before issue 25 failed this one (rc 3).
  const promtool = spawnSync('promtool', ['--version']).status === 0;
  it.runIf(promtool)('passes `promtool check metrics` without a warning', () => {
    const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it("a snapshot's text does not change when more attempts are recorded", () => {
    const before = recorder.snapshot();
    recorder.record('getConversationGroup', 'http://127.0.0.1:1', 'ok', 1, 1);
    expect(before.toPrometheus()).toBe(text);
    expect(recorder.snapshot().toPrometheus()).not.toBe(text);
  });

  it('holds for any attempts (property): parses, and the totals match what was recorded', () => {
    const seed = Number(process.env.FC_SEED ?? 20261207);
    const attempt = fc.record({
      operation: fc.constantFrom('getConversationGroup', 'listConversations', 'createConversationGroup'),
      host: fc.string({ maxLength: 12 }),
      outcome: fc.constantFrom('ok', 'apiError', 'transportError') as fc.Arbitrary<AttemptOutcome>,
      attempt: fc.integer({ min: 1, max: 3 }),
      ms: fc.double({ min: 0, max: 20_000, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        const r = new MetricsRecorder();
        for (const a of attempts) r.record(a.operation, a.host, a.outcome, a.attempt, a.ms);
        const parsed = parsePrometheusText(r.snapshot().toPrometheus());
        const sum = (name: string) =>
          [...parsed.values()]
            .flatMap((f) => f.samples)
            .filter((s) => s.name === name)
            .reduce((n, s) => n + s.value, 0);
        expect(sum('nim_client_attempts_total')).toBe(attempts.length);
        expect(sum('nim_client_attempt_duration_seconds_count')).toBe(attempts.length);
        expect(sum('nim_client_retries_total')).toBe(attempts.filter((a) => a.attempt > 1).length);
        expect(sum('nim_client_attempt_duration_seconds_sum')).toBeCloseTo(
          attempts.reduce((n, a) => n + a.ms, 0) / 1000,
          6,
        );
      }),
      {
        seed,
        numRuns: 100,
        reporter: (details) => {
          if (details.failed) throw new Error(`FC_SEED=${seed}: ${details.counterexample}\n${details.errorInstance}`);
        },
      },
    );
  });
});

describe('the strict Prometheus parser of the tests refuses', () => {
  const ok =
    '# TYPE a_total counter\na_total{x="1"} 1\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n';
  it('accepts a valid text', () => expect(() => parsePrometheusText(ok)).not.toThrow());
  it.each([
    ['a missing final newline', ok.trimEnd()],
    ['interleaved families', '# TYPE a_total counter\na_total 1\nb_total 1\na_total{x="2"} 1\n'],
    ['a series twice', 'a_total{x="1"} 1\na_total{x="1"} 2\n'],
    ['mixed label names in one family', '# TYPE a_total counter\na_total{operation="1"} 1\na_total{host="h"} 1\n'],
    [
      'buckets that are not cumulative',
      ok.replace('h_bucket{le="+Inf"} 2', 'h_bucket{le="+Inf"} 0').replace('h_count 2', 'h_count 0'),
    ],
    ['a +Inf bucket unequal to _count', ok.replace('h_count 2', 'h_count 3')],
    ['a histogram without +Inf', ok.replace('h_bucket{le="+Inf"} 2\n', '')],
    ['a bad escape', 'a_total{x="\\q"} 1\n'],
    ['a TYPE after samples', 'a_total 1\n# TYPE a_total counter\n'],
    ['a counter not named _total', '# TYPE a counter\na 1\n'],
    ['a value that is no float', 'a_total 1ms\n'],
  ])('%s', (_, text) => expect(() => parsePrometheusText(text)).toThrow());
});
