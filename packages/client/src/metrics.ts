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

class Series {
  ok = 0;
  apiError = 0;
  transportError = 0;
  retries = 0;
  private readonly samples: number[] = [];
  private next = 0;

  record(outcome: AttemptOutcome, attempt: number, ms: number): void {
    this[outcome] += 1;
    if (attempt > 1) this.retries += 1;
    // A ring of the latest samples keeps memory bounded on long-running servers.
    if (this.samples.length < sampleCapacity) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % sampleCapacity;
  }

  snapshot(): NimMetricsEntry {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);
    return {
      ok: this.ok,
      apiError: this.apiError,
      transportError: this.transportError,
      retries: this.retries,
      latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99) },
    };
  }
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function renderPrometheus(snapshot: Omit<NimMetricsSnapshot, 'toPrometheus'>): string {
  const lines: string[] = [];
  const families = [
    ['nim_client_attempts_total', 'counter', 'HTTP attempts by outcome.'],
    ['nim_client_retries_total', 'counter', 'Attempts that were retries.'],
    ['nim_client_latency_ms', 'gauge', 'Attempt latency percentiles over the last 1024 attempts, in ms.'],
  ] as const;
  for (const [name, type, help] of families) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [dimension, entries] of [['operation', snapshot.byOperation], ['host', snapshot.byHost]] as const) {
      for (const [key, entry] of Object.entries(entries)) {
        const label = `${dimension}="${escapeLabel(key)}"`;
        if (name === 'nim_client_attempts_total') {
          for (const outcome of ['ok', 'apiError', 'transportError'] as const) {
            lines.push(`${name}{${label},outcome="${outcome}"} ${entry[outcome]}`);
          }
        } else if (name === 'nim_client_retries_total') {
          lines.push(`${name}{${label}} ${entry.retries}`);
        } else {
          for (const [quantile, value] of [['0.5', entry.latencyMs.p50], ['0.9', entry.latencyMs.p90], ['0.99', entry.latencyMs.p99]]) {
            lines.push(`${name}{${label},quantile="${quantile}"} ${value}`);
          }
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Collects per-operation and per-host figures of every attempt. */
export class MetricsRecorder {
  private readonly byOperation = new Map<string, Series>();
  private readonly byHost = new Map<string, Series>();

  record(operationId: string, host: string, outcome: AttemptOutcome, attempt: number, ms: number): void {
    for (const [map, key] of [[this.byOperation, operationId], [this.byHost, host]] as const) {
      let series = map.get(key);
      if (!series) map.set(key, (series = new Series()));
      series.record(outcome, attempt, ms);
    }
  }

  snapshot(): NimMetricsSnapshot {
    const collect = (map: Map<string, Series>) =>
      Object.fromEntries([...map].map(([key, series]) => [key, series.snapshot()]));
    const data = { byOperation: collect(this.byOperation), byHost: collect(this.byHost) };
    return { ...data, toPrometheus: () => renderPrometheus(data) };
  }
}
