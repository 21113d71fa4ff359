import { describe, expect, it } from 'vitest';
import { MetricsRecorder } from '../../src/observability/metrics.js';

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
  recorder.record('createConversationGroup', 'host "odd"\\\nname', 'apiError', 2, 3);
  const text = recorder.snapshot().toPrometheus();
  const lines = text.trimEnd().split('\n');

  it('is text exposition format: HELP and TYPE lines, then samples, ending with a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    const sample = /^[a-z_]+\{(?:[a-z]+="(?:[^"\\\n]|\\["\\n])*",?)+\} -?\d+(?:\.\d+)?$/;
    for (const line of lines) {
      expect(line.startsWith('# HELP ') || line.startsWith('# TYPE ') || sample.test(line), line).toBe(true);
    }
    expect(lines.filter((line) => line.startsWith('# TYPE '))).toEqual([
      '# TYPE nim_client_attempts_total counter',
      '# TYPE nim_client_retries_total counter',
      '# TYPE nim_client_latency_ms gauge',
    ]);
  });

  it('announces each family with HELP and TYPE before its samples', () => {
    for (const family of ['nim_client_attempts_total', 'nim_client_retries_total', 'nim_client_latency_ms']) {
      const help = lines.findIndex((line) => line.startsWith(`# HELP ${family} `));
      const type = lines.indexOf(lines.find((line) => line.startsWith(`# TYPE ${family} `))!);
      const firstSample = lines.findIndex((line) => line.startsWith(`${family}{`));
      expect(help).toBeGreaterThanOrEqual(0);
      expect(type).toBe(help + 1);
      expect(firstSample).toBe(type + 1);
    }
  });

  it('carries the counts and percentiles by operation and by host', () => {
    expect(lines).toContain('nim_client_attempts_total{operation="getConversationGroup",outcome="ok"} 10');
    expect(lines).toContain('nim_client_attempts_total{operation="createConversationGroup",outcome="apiError"} 1');
    expect(lines).toContain('nim_client_retries_total{operation="createConversationGroup"} 1');
    expect(lines).toContain('nim_client_attempts_total{host="http://127.0.0.1:1",outcome="transportError"} 0');
    expect(lines).toContain('nim_client_latency_ms{operation="getConversationGroup",quantile="0.5"} 5');
    expect(lines).toContain('nim_client_latency_ms{operation="getConversationGroup",quantile="0.9"} 9');
    expect(lines).toContain('nim_client_latency_ms{operation="getConversationGroup",quantile="0.99"} 10');
  });

  it('escapes quotes, backslashes and newlines in label values', () => {
    expect(lines).toContain('nim_client_retries_total{host="host \\"odd\\"\\\\\\nname"} 1');
  });
});
