import { constraints } from '@nim-api/types';
import type { NimLogger } from '../config/options.js';
import type { ResolvedDiscovery } from '../config/discovery-options.js';
import { endpointProblem, isPlainRemote } from '../config/url-rules.js';
import { requestAllocation, shownUrl, ttlMsOf, type AllocationAnswer } from './discovery.js';
import { createEndpointSet, type EndpointPicker } from './endpoint-set.js';
import { probeHealth, type Send } from './health-probe.js';
import type { NimEndpointsSnapshot, NimRejectedEndpoint } from './snapshot.js';

const { healthPath } = constraints.discovery;
/** Buckets of a window (the official Go SDK's 12). */
const windowBuckets = 12;
/** Probes and allocation requests never wait longer than this, whatever the calls' `timeoutMs` (Go SDK: 5 s). */
const maxBackgroundTimeoutMs = 5_000;
/** A reason quoted in a log line is cut to this. */
const maxReasonLength = 300;

/** What the endpoint service of one client is made of. */
export interface EndpointServiceOptions {
  /** `baseUrl`, or the region's hosts from the spec; primary first. */
  readonly staticUrls: readonly string[];
  /** `undefined`: discovery off (ordered selection, no background work, as a fixed list always behaved). */
  readonly discovery: ResolvedDiscovery | undefined;
  /** How long a failed endpoint is skipped, in milliseconds. */
  readonly cooldownMs: number;
  readonly appKey: string;
  /** The same send function the calls go through, so a custom `fetch` (or transport) answers these requests too. */
  readonly send: Send;
  readonly logger: NimLogger | undefined;
  /** The calls' per-attempt deadline; background requests use it up to 5 s. */
  readonly timeoutMs: number;
  readonly now?: () => number;
}

/** The endpoints of a client: what the retry loop picks from, and the background work that keeps them fresh. */
export interface EndpointService extends EndpointPicker {
  snapshot(): NimEndpointsSnapshot;
  /** Stops every timer and aborts requests under way; calls keep using the endpoints as they are. */
  close(): void;
}

// Timers must never keep a process alive: a client that is not closed still lets it exit.
function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/** An answer that named no endpoint a call may go to (its warn line is written). */
class SkippedAnswer extends Error {}

const cut = (text: string) => (text.length > maxReasonLength ? `${text.slice(0, maxReasonLength)}…` : text);

/**
 * Creates the endpoint service. With discovery on, the first `pick()` starts it in the background: it never delays
 * or fails a call.
 * @example
 * ```ts
 * const endpoints = createEndpointService({ staticUrls: ['https://open.yunxinapi.com'], discovery: undefined,
 *   cooldownMs: 30_000, appKey, send: fetch, logger: undefined, timeoutMs: 10_000 });
 * const url = endpoints.pick();
 * ```
 */
export function createEndpointService(options: EndpointServiceOptions): EndpointService {
  const { discovery, send, logger, appKey } = options;
  const now = options.now ?? Date.now;
  const windowMs = discovery?.windowMs ?? 60_000;
  const set = createEndpointSet({
    urls: options.staticUrls,
    selection: discovery ? 'scored' : 'ordered',
    cooldownMs: options.cooldownMs,
    window: { buckets: windowBuckets, bucketMs: windowMs / windowBuckets },
    now,
  });
  const backgroundTimeoutMs = Math.min(options.timeoutMs, maxBackgroundTimeoutMs);
  // Made on first use, never at creation: a client made at a Worker's top level must not construct an
  // AbortController there (workerd: "Disallowed operation called within global scope").
  let stop: AbortController | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const probing = new Set<string>();
  let state: NimEndpointsSnapshot['discovery'] = discovery ? 'idle' : 'off';
  let md5: string | undefined;
  let ttlMs = ttlMsOf(undefined);
  // The first round probes every endpoint.
  let lastProbeRound = Infinity;
  // The endpoints the last answer named that were skipped (config/url-rules.ts), for nim.endpoints().
  let rejected: readonly NimRejectedEndpoint[] = [];

  const closed = () => state === 'closed';

  function later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    unref(timer);
    timers.add(timer);
  }

  // Each probe has a signal of its own, aborted by close(): a listener per probe on one shared signal would make
  // Node warn of a leak ("11 abort listeners") as soon as the service names ten endpoints.
  const probesInFlight = new Set<AbortController>();
  const probe = (url: string) => {
    const own = new AbortController();
    probesInFlight.add(own);
    return probeHealth(send, url, { path: healthPath, timeoutMs: backgroundTimeoutMs, signal: own.signal }).finally(
      () => probesInFlight.delete(own),
    );
  };

  function probeRound(): void {
    if (closed() || !discovery) return;
    const since = lastProbeRound;
    lastProbeRound = now();
    // Only endpoints that carried no call since the last round: the calls already measure the others.
    for (const url of set.idleSince(since)) {
      if (probing.has(url)) continue;
      probing.add(url);
      void probe(url).then((result) => {
        probing.delete(url);
        if (closed()) return;
        set.recordProbe(url, result.ok, result.ms);
        logger?.debug(
          `nim probe endpoint=${url} ok=${result.ok} ms=${result.ms}${result.problem ? ` problem=${result.problem}` : ''}`,
        );
      });
    }
    later(discovery.probeIntervalMs, probeRound);
  }

  /** Applies a changed answer: new endpoints join only when their health path answers. */
  async function apply(answer: Extract<AllocationAnswer, { kind: 'changed' }>, from: string): Promise<void> {
    const allowed = vet(answer, from);
    if (allowed.length === 0)
      throw new SkippedAnswer(
        `none of the ${answer.endpoints.length + answer.invalid.length} endpoints it named may be used`,
      );
    const fresh = allowed.filter((url) => !set.has(url));
    const results = await Promise.all(fresh.map(probe));
    if (closed()) return;
    const healthy = new Set<string>();
    fresh.forEach((url, index) => {
      const result = results[index]!;
      if (result.ok) healthy.add(url);
      else logger?.info(`nim endpoint skipped endpoint=${url}: ${healthPath} ${result.problem}`);
    });
    const next = allowed.filter((url) => healthy.has(url) || set.has(url));
    if (next.length === 0) throw new Error(`none of the ${allowed.length} endpoints it named answered ${healthPath}`);
    const before = set.urls().join(' ');
    set.replace(next, { kind: 'discovered', at: now(), from });
    fresh.forEach((url, index) => healthy.has(url) && set.recordProbe(url, true, results[index]!.ms));
    md5 = answer.md5;
    ttlMs = answer.ttlMs;
    const line = `nim endpoints discovered from ${from}: ${next.join(' ')} (ttl ${ttlMs / 1000} s)`;
    if (before !== next.join(' ')) logger?.info(line);
    else logger?.debug(line);
  }

  /**
   * The answer's endpoints a call may go to (https, an allowed host: config/url-rules.ts); the others are never
   * probed nor called, and are named in one warn line and in nim.endpoints().rejected.
   */
  function vet(answer: Extract<AllocationAnswer, { kind: 'changed' }>, from: string): string[] {
    const at = now();
    const skipped: NimRejectedEndpoint[] = answer.invalid.map((url) => ({
      url,
      reason: 'not an http(s) URL without credentials',
      from,
      at,
    }));
    const allowed: string[] = [];
    const plain: string[] = [];
    for (const url of answer.endpoints) {
      const problem = endpointProblem(url, from, discovery!);
      if (problem) skipped.push({ url: shownUrl(url), reason: problem, from, at });
      else {
        allowed.push(url);
        if (isPlainRemote(new URL(url))) plain.push(url);
      }
    }
    rejected = skipped;
    if (skipped.length || plain.length) {
      const named = skipped
        .map((r) => `${r.url} (${r.reason})`)
        .concat(plain.map((url) => `${url} (plain http: allowHttp)`));
      logger?.warn(
        `nim discovery: the answer of ${from} named ${named.join(', ')}${allowed.length ? '' : `; calls keep using ${set.urls().join(' ')}`}`,
      );
    }
    return allowed;
  }

  function failed(error: unknown): void {
    const reason = cut(error instanceof Error ? error.message : String(error));
    const retry = `retrying in ${ttlMs / 1000} s`;
    // One warn line per outage, not one per attempt: a service that stays down must not flood the logs. An answer
    // whose every endpoint was skipped has had its warn line already (one per answer).
    if (state === 'failing' || error instanceof SkippedAnswer)
      logger?.debug(`nim discovery still failing: ${reason}; ${retry}`);
    else logger?.warn(`nim discovery failed, calls keep using ${set.urls().join(' ')}: ${reason}; ${retry}`);
    state = 'failing';
  }

  async function discover(): Promise<void> {
    if (closed() || !discovery) return;
    try {
      const { answer, from } = await requestAllocation(send, {
        urls: discovery.urls,
        appKey,
        version: constraints.specVersion,
        md5,
        timeoutMs: backgroundTimeoutMs,
        signal: (stop ??= new AbortController()).signal,
      });
      if (closed()) return;
      if (answer.kind === 'unchanged') logger?.debug(`nim endpoints unchanged at ${from} (md5 ${md5 ?? '-'})`);
      else await apply(answer, from);
      if (closed()) return;
      if (state === 'failing') logger?.info(`nim discovery recovered: ${from} answered`);
      state = 'ok';
    } catch (error) {
      if (closed()) return;
      failed(error);
    }
    later(ttlMs, () => void discover());
  }

  function start(): void {
    state = 'waiting';
    void discover();
    probeRound();
  }

  return {
    pick() {
      if (state === 'idle') start();
      return set.pick();
    },
    markSuccess: set.markSuccess,
    markFailure: set.markFailure,
    snapshot() {
      const source = set.source();
      const discovered = source.kind === 'discovered' ? source : undefined;
      return {
        source: source.kind,
        discoveredAt: discovered?.at,
        discoveredFrom: discovered?.from,
        discovery: state,
        selection: set.selection,
        endpoints: set.states(),
        rejected,
      };
    },
    close() {
      if (state === 'off') return;
      state = 'closed';
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      stop?.abort();
      for (const own of probesInFlight) own.abort();
    },
  };
}
