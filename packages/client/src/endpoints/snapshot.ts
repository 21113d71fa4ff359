/**
 * One endpoint as `nim.endpoints()` shows it.
 * @example
 * ```ts
 * for (const e of nim.endpoints().endpoints) console.log(e.url, e.score, e.successRatio, e.latencyMs, e.preferred);
 * ```
 */
export interface NimEndpointState {
  /** The base URL calls are sent to (the v2 paths are appended). */
  readonly url: string;
  /**
   * Estimated cost of a call there in milliseconds, lower is better: mean latency plus the failure ratio × 1,000 ms,
   * over the sliding window. `undefined` while the window is empty.
   */
  readonly score: number | undefined;
  /** Answers ÷ round trips (calls and probes) in the window; `undefined` while the window is empty. */
  readonly successRatio: number | undefined;
  /** Mean latency of the answers in the window, in milliseconds. */
  readonly latencyMs: number | undefined;
  /** Round trips in the window. */
  readonly samples: number;
  /** Until when (epoch ms) the endpoint is skipped after a failure; `undefined` when it is not. */
  readonly coolingDownUntil: number | undefined;
  /** Whether the next call would go here. */
  readonly preferred: boolean;
}

/**
 * What `nim.endpoints()` returns: the endpoint set, where it came from and how each endpoint scores.
 * @example
 * ```ts
 * const { source, discoveredAt, endpoints } = nim.endpoints();
 * console.log(source === 'discovered' ? `discovered at ${new Date(discoveredAt!).toISOString()}` : 'static list');
 * ```
 */
export interface NimEndpointsSnapshot {
  /**
   * `'static'`: the `baseUrl` list or the region's hosts from the spec; `'discovered'`: the allocation service's
   * answer.
   */
  readonly source: 'static' | 'discovered';
  /** When the current set was discovered (epoch ms); `undefined` for a static set. */
  readonly discoveredAt: number | undefined;
  /** The allocation URL that answered; `undefined` for a static set. */
  readonly discoveredFrom: string | undefined;
  /**
   * `'off'`: no discovery (`baseUrl`, `discovery: false` or a custom `fetch`); `'idle'`: not started yet (the first
   * call starts it); `'waiting'`: the first request is under way; `'ok'`: the last request got an answer;
   * `'failing'`: the last request failed (the set in use stays); `'closed'`: stopped by `nim.close()`.
   */
  readonly discovery: 'off' | 'idle' | 'waiting' | 'ok' | 'failing' | 'closed';
  /**
   * How calls choose: `'ordered'` (discovery off: the first endpoint not cooling down, as the list is ordered) or
   * `'scored'` (the best score; list order among equals).
   */
  readonly selection: 'ordered' | 'scored';
  /** The endpoints in list order (the service's `default.endpoint`, or `baseUrl`'s first, comes first). */
  readonly endpoints: readonly NimEndpointState[];
  /**
   * Endpoints the last answer of the allocation service named that are never probed nor called: not `https:`, or
   * on a host neither the spec nor `discovery.allowedHosts` allows. Empty without discovery.
   */
  readonly rejected: readonly NimRejectedEndpoint[];
}

/**
 * An endpoint named by the allocation service and skipped, as `nim.endpoints().rejected` lists it.
 * @example
 * ```ts
 * for (const { url, reason } of nim.endpoints().rejected) console.warn(`skipped ${url}: ${reason}`);
 * ```
 */
export interface NimRejectedEndpoint {
  /** The URL as the answer gave it (credentials masked, cut to 200 characters, control characters escaped). */
  readonly url: string;
  /** Why: `'not https'`, `'host not allowed'`, `'carries credentials'`, `'not an http(s) URL without credentials'`. */
  readonly reason: string;
  /** The allocation URL whose answer named it. */
  readonly from: string;
  /** When the answer arrived (epoch ms). */
  readonly at: number;
}
