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
  /**
   * The snapshot in Prometheus text exposition format (0.0.4): `nim_client_attempts_total` (counter, by `operation`,
   * `host` and `outcome`), `nim_client_retries_total` (counter, by `operation` and `host`) and
   * `nim_client_attempt_duration_seconds` (histogram in seconds: `_bucket`, `_sum`, `_count`, by `operation` and
   * `host`). Every series carries both labels, so `sum by (operation)` and `sum by (host)` each count an attempt once.
   */
  toPrometheus(): string;
}

/**
 * Latency bucket boundaries in seconds: those the OpenTelemetry HTTP semantic conventions advise for
 * `http.client.request.duration`, used by `toPrometheus()` and the OpenTelemetry histograms alike.
 */
export const durationBucketsSeconds: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

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

/** The cell of one operation on one host: counts by outcome, retries and the latency histogram. */
interface Cell {
  counts: Record<AttemptOutcome | 'retries', number>;
  /** Attempts per bucket of {@link durationBucketsSeconds} (not cumulative), the last one past the largest. */
  buckets: number[];
  sumMs: number;
}

const escapeLabel = (value: string) => value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n');

/**
 * Prometheus text format (0.0.4): one family per meaning, each series labelled by operation AND host, so that
 * `sum by (operation)` and `sum by (host)` both count every attempt once; latency a histogram in seconds
 * (`_bucket`, `_sum`, `_count`), which can be aggregated across pods.
 */
function renderPrometheus(cells: ReadonlyMap<string, ReadonlyMap<string, Cell>>): string {
  const attempts: string[] = [];
  const retries: string[] = [];
  const duration: string[] = [];
  for (const [operation, hosts] of cells) {
    for (const [host, cell] of hosts) {
      const labels = `operation="${escapeLabel(operation)}",host="${escapeLabel(host)}"`;
      for (const outcome of outcomes)
        attempts.push(`nim_client_attempts_total{${labels},outcome="${outcome}"} ${cell.counts[outcome]}`);
      retries.push(`nim_client_retries_total{${labels}} ${cell.counts.retries}`);
      let cumulative = 0;
      durationBucketsSeconds.forEach((bound, i) => {
        cumulative += cell.buckets[i]!;
        duration.push(`nim_client_attempt_duration_seconds_bucket{${labels},le="${bound}"} ${cumulative}`);
      });
      const count = cumulative + cell.buckets[durationBucketsSeconds.length]!;
      duration.push(
        `nim_client_attempt_duration_seconds_bucket{${labels},le="+Inf"} ${count}`,
        `nim_client_attempt_duration_seconds_sum{${labels}} ${cell.sumMs / 1000}`,
        `nim_client_attempt_duration_seconds_count{${labels}} ${count}`,
      );
    }
  }
  const family = (name: string, type: string, help: string, lines: string[]) =>
    [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
  return `${[
    family(
      'nim_client_attempts_total',
      'counter',
      'HTTP attempts by operation, host and outcome (ok, apiError, transportError).',
      attempts,
    ),
    family(
      'nim_client_retries_total',
      'counter',
      'HTTP attempts that were retries (attempt 2 and later), by operation and host.',
      retries,
    ),
    family(
      'nim_client_attempt_duration_seconds',
      'histogram',
      'Duration of each HTTP attempt in seconds, by operation and host.',
      duration,
    ),
  ].join('\n')}\n`;
}

/** Collects per-operation and per-host figures of every attempt. */
export class MetricsRecorder {
  private readonly series = [new Map<string, Series>(), new Map<string, Series>()] as const;
  /** operation → host → cell, for the Prometheus text. */
  private readonly cells = new Map<string, Map<string, Cell>>();

  record(operationId: string, host: string, outcome: AttemptOutcome, attempt: number, ms: number): void {
    this.add(this.series[0], operationId, outcome, attempt, ms);
    this.add(this.series[1], host, outcome, attempt, ms);
    let hosts = this.cells.get(operationId);
    if (!hosts) this.cells.set(operationId, (hosts = new Map()));
    let cell = hosts.get(host);
    if (!cell) {
      cell = {
        counts: { ok: 0, apiError: 0, transportError: 0, retries: 0 },
        buckets: new Array<number>(durationBucketsSeconds.length + 1).fill(0),
        sumMs: 0,
      };
      hosts.set(host, cell);
    }
    cell.counts[outcome] += 1;
    if (attempt > 1) cell.counts.retries += 1;
    const seconds = ms / 1000;
    let bucket = 0;
    while (bucket < durationBucketsSeconds.length && seconds > durationBucketsSeconds[bucket]!) bucket += 1;
    cell.buckets[bucket]! += 1;
    cell.sumMs += ms;
  }

  private add(map: Map<string, Series>, key: string, outcome: AttemptOutcome, attempt: number, ms: number): void {
    let series = map.get(key);
    if (!series)
      map.set(
        key,
        (series = { counts: { ok: 0, apiError: 0, transportError: 0, retries: 0 }, samples: [], attempts: 0 }),
      );
    series.counts[outcome] += 1;
    if (attempt > 1) series.counts.retries += 1;
    // A ring of the latest samples keeps memory bounded on long-running servers.
    series.samples[series.attempts++ % sampleCapacity] = ms;
  }

  snapshot(): NimMetricsSnapshot {
    const [byOperation, byHost] = this.series.map((map) =>
      Object.fromEntries([...map].map(([key, series]) => [key, summarise(series)])),
    ) as [Record<string, NimMetricsEntry>, Record<string, NimMetricsEntry>];
    // Rendered now, so that a snapshot does not change when more attempts are recorded.
    const text = renderPrometheus(this.cells);
    return { byOperation, byHost, toPrometheus: () => text };
  }
}
