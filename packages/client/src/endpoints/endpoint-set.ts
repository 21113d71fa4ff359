import { chooseByScore, scoreOf } from './score.js';
import { createSlidingWindow, type SlidingWindow, type WindowShape } from './sliding-window.js';
import type { NimEndpointState } from './snapshot.js';

/**
 * What the retry loop needs from the endpoints: where to send the next attempt, and how the last one went.
 * `ms` is the attempt's wall time.
 */
export interface EndpointPicker {
  pick(): string;
  /** The endpoint answered (an envelope, also a business error). */
  markSuccess(url: string, ms: number): void;
  /** The endpoint failed (connection, timeout, HTTP 5xx): it is skipped for the cooldown, and its score drops. */
  markFailure(url: string, ms: number): void;
}

/**
 * How the next endpoint is chosen. `'ordered'`: the first one not cooling down (how the client always chose with
 * a fixed list). `'scored'`: among those not cooling down, the best score (list order among equals).
 */
export type Selection = 'ordered' | 'scored';

/** Where the current set came from. */
export type EndpointSource =
  | { readonly kind: 'static' }
  | { readonly kind: 'discovered'; readonly at: number; readonly from: string };

/** The endpoints of one client with their windows and cooldowns. */
export interface EndpointSet extends EndpointPicker {
  readonly selection: Selection;
  urls(): readonly string[];
  source(): EndpointSource;
  has(url: string): boolean;
  /** Replaces the set, keeping the history of endpoints that stay; an empty list is ignored. */
  replace(urls: readonly string[], source: EndpointSource): void;
  /**
   * Records a health probe: it counts in the score, but neither starts nor ends a cooldown (a backup whose health
   * path is down may still serve calls, and fail-over must find it) and it is no traffic.
   */
  recordProbe(url: string, ok: boolean, ms: number): void;
  /** Endpoints that carried no call since `at` (epoch ms): the ones to probe. */
  idleSince(at: number): string[];
  states(): NimEndpointState[];
}

export interface EndpointSetOptions {
  readonly urls: readonly string[];
  readonly selection: Selection;
  /** How long a failed endpoint is skipped, in milliseconds (not when it is the only one). */
  readonly cooldownMs: number;
  readonly window: WindowShape;
  readonly now?: () => number;
}

interface Entry {
  readonly url: string;
  readonly window: SlidingWindow;
  coolingUntil: number | undefined;
  lastCallAt: number;
}

/**
 * Creates the endpoint set, starting with `urls` (primary first) from a static source.
 * @example
 * ```ts
 * const set = createEndpointSet({ urls: ['https://a.example', 'https://b.example'], selection: 'scored',
 *   cooldownMs: 30_000, window: { buckets: 12, bucketMs: 5_000 } });
 * const url = set.pick();
 * set.markSuccess(url, 23);
 * ```
 */
export function createEndpointSet(options: EndpointSetOptions): EndpointSet {
  const { selection, cooldownMs, window: shape } = options;
  const now = options.now ?? Date.now;
  let entries: Entry[] = [];
  let source: EndpointSource = { kind: 'static' };

  const entryFor = (url: string): Entry => ({
    url,
    window: createSlidingWindow(shape, now),
    coolingUntil: undefined,
    lastCallAt: -Infinity,
  });
  const find = (url: string) => entries.find((entry) => entry.url === url);

  function choose(): Entry {
    const at = now();
    let soonest = entries[0]!;
    const available: Entry[] = [];
    for (const entry of entries) {
      if (entry.coolingUntil === undefined || entry.coolingUntil <= at) {
        if (selection === 'ordered') return entry;
        available.push(entry);
      } else if (soonest.coolingUntil === undefined || entry.coolingUntil < soonest.coolingUntil) {
        soonest = entry;
      }
    }
    // Every endpoint is cooling down: the one whose cooldown ends first.
    if (available.length === 0) return soonest;
    if (available.length === 1) return available[0]!;
    return available[chooseByScore(available.map((entry) => scoreOf(entry.window.stats())))]!;
  }

  function record(url: string, ok: boolean, ms: number, isCall: boolean): void {
    const entry = find(url);
    if (!entry) return; // the set changed while the attempt was running
    entry.window.record(ok, ms);
    if (!isCall) return;
    entry.lastCallAt = now();
    if (ok) entry.coolingUntil = undefined;
    else if (entries.length > 1) entry.coolingUntil = now() + cooldownMs;
  }

  const set: EndpointSet = {
    selection,
    pick: () => choose().url,
    markSuccess: (url, ms) => record(url, true, ms, true),
    markFailure: (url, ms) => record(url, false, ms, true),
    recordProbe: (url, ok, ms) => record(url, ok, ms, false),
    urls: () => entries.map((entry) => entry.url),
    source: () => source,
    has: (url) => find(url) !== undefined,
    replace(urls, next) {
      if (urls.length === 0) return;
      entries = urls.map((url) => find(url) ?? entryFor(url));
      source = next;
    },
    idleSince: (at) => entries.filter((entry) => entry.lastCallAt < at).map((entry) => entry.url),
    states() {
      const preferred = choose();
      const at = now();
      return entries.map((entry) => {
        const stats = entry.window.stats();
        const samples = stats.successes + stats.failures;
        return {
          url: entry.url,
          score: scoreOf(stats),
          successRatio: samples ? stats.successes / samples : undefined,
          latencyMs: stats.meanLatencyMs,
          samples,
          coolingDownUntil:
            entry.coolingUntil !== undefined && entry.coolingUntil > at ? entry.coolingUntil : undefined,
          preferred: entry === preferred,
        };
      });
    },
  };
  set.replace(options.urls, source);
  return set;
}
