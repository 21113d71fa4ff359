/** How an attempt ended. */
export type AttemptOutcome = 'ok' | 'apiError' | 'transportError';

/**
 * Counts and latencies of one operation or one host.
 * @example
 * ```ts
 * const { ok, retries, latencyMs } = nim.metrics().byOperation.createConversationGroup ?? {};
 * ```
 */
export interface NimMetricsEntry {
  /** Attempts that got code 200. */
  readonly ok: number;
  /** Attempts that got a business error code. */
  readonly apiError: number;
  /** Attempts that failed on the way: connection, timeout, non-200 HTTP, unreadable body. */
  readonly transportError: number;
  /** Attempts that were retries (attempt 2 and later). */
  readonly retries: number;
  /** Latency percentiles of the last 1,024 attempts, in milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number };
}

/**
 * A snapshot returned by `nim.metrics()`.
 * @example
 * ```ts
 * app.get('/metrics', (_req, res) => res.type('text/plain').send(nim.metrics().toPrometheus()));
 * ```
 */
export interface NimMetricsSnapshot {
  readonly byOperation: Readonly<Record<string, NimMetricsEntry>>;
  readonly byHost: Readonly<Record<string, NimMetricsEntry>>;
  /** The snapshot in Prometheus text exposition format. */
  toPrometheus(): string;
}

const sampleCapacity = 1024;
const outcomes = ['ok', 'apiError', 'transportError'] as const;

/** Counts and the latest latency samples of one operation or host. */
interface Series {
  counts: Record<AttemptOutcome | 'retries', number>;
  samples: number[];
  attempts: number;
}

function summarise({ counts, samples }: Series): NimMetricsEntry {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.ceil(q * sorted.length) - 1] ?? 0;
  return { ...counts, latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99) } };
}

function renderPrometheus(snapshot: Omit<NimMetricsSnapshot, 'toPrometheus'>): string {
  const attempts: string[] = [];
  const retries: string[] = [];
  const latency: string[] = [];
  for (const [dimension, entries] of [['operation', snapshot.byOperation], ['host', snapshot.byHost]] as const) {
    for (const [key, entry] of Object.entries(entries)) {
      const label = `${dimension}="${key.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`;
      for (const outcome of outcomes) attempts.push(`nim_client_attempts_total{${label},outcome="${outcome}"} ${entry[outcome]}`);
      retries.push(`nim_client_retries_total{${label}} ${entry.retries}`);
      for (const [quantile, value] of [['0.5', entry.latencyMs.p50], ['0.9', entry.latencyMs.p90], ['0.99', entry.latencyMs.p99]]) {
        latency.push(`nim_client_latency_ms{${label},quantile="${quantile}"} ${value}`);
      }
    }
  }
  const family = (name: string, type: string, help: string, lines: string[]) =>
    [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
  return `${[
    family('nim_client_attempts_total', 'counter', 'HTTP attempts by outcome.', attempts),
    family('nim_client_retries_total', 'counter', 'Attempts that were retries.', retries),
    family('nim_client_latency_ms', 'gauge', 'Attempt latency percentiles over the last 1024 attempts, in ms.', latency),
  ].join('\n')}\n`;
}

/** Collects per-operation and per-host figures of every attempt. */
export class MetricsRecorder {
  private readonly series = [new Map<string, Series>(), new Map<string, Series>()] as const;

  record(operationId: string, host: string, outcome: AttemptOutcome, attempt: number, ms: number): void {
    this.add(this.series[0], operationId, outcome, attempt, ms);
    this.add(this.series[1], host, outcome, attempt, ms);
  }

  private add(map: Map<string, Series>, key: string, outcome: AttemptOutcome, attempt: number, ms: number): void {
    let series = map.get(key);
    if (!series) map.set(key, (series = { counts: { ok: 0, apiError: 0, transportError: 0, retries: 0 }, samples: [], attempts: 0 }));
    series.counts[outcome] += 1;
    if (attempt > 1) series.counts.retries += 1;
    // A ring of the latest samples keeps memory bounded on long-running servers.
    series.samples[series.attempts++ % sampleCapacity] = ms;
  }

  snapshot(): NimMetricsSnapshot {
    const [byOperation, byHost] = this.series.map((map) =>
      Object.fromEntries([...map].map(([key, series]) => [key, summarise(series)])),
    ) as [Record<string, NimMetricsEntry>, Record<string, NimMetricsEntry>];
    const data = { byOperation, byHost };
    return { ...data, toPrometheus: () => renderPrometheus(data) };
  }
}
