import { constraints } from '@nim-api/types';
import { NimValidationError, type NimValidationIssue } from '../errors.js';

/**
 * Endpoint discovery as the official SDKs do it (the `discovery` option of `createNimClient`): ask NetEase's
 * allocation service for the app's endpoints in the background, health-check new ones, probe idle ones and send
 * each call to the best-scored endpoint.
 * @example
 * ```ts
 * // A private deployment with its own allocation service:
 * const nim = createNimClient({ appKey, appSecret, baseUrl: 'https://im.corp.example', discovery: {
 *   urls: ['https://lbs.corp.example/srv-sdk/allocate'],
 * } });
 * ```
 */
export interface NimDiscoveryOptions {
  /**
   * Allocation URLs, tried in order until one answers.
   * @default the spec's official allocation URLs of the client's `region`
   */
  urls?: readonly string[];
  /**
   * How often endpoints that carried no call for this long are probed on their health path, in milliseconds.
   * @default 5000 (as the official Go SDK)
   */
  probeIntervalMs?: number;
  /**
   * Length of the sliding window (12 buckets) that latency and success ratio are measured over, in milliseconds.
   * @default 60000 (as the official Go SDK: 12 × 5 s)
   */
  windowMs?: number;
}

/** Discovery settings after validation. */
export interface ResolvedDiscovery {
  readonly urls: readonly string[];
  readonly probeIntervalMs: number;
  readonly windowMs: number;
}

/** Defaults of {@link NimDiscoveryOptions}. */
export const discoveryDefaults = { probeIntervalMs: 5_000, windowMs: 60_000 } as const;

const maxUrls = 8;
const maxUrlLength = 2048;
const dayMs = 86_400_000;

function checkInteger(issues: NimValidationIssue[], value: unknown, path: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= dayMs) return value;
  issues.push({ path, message: `must be an integer from ${minimum} to ${dayMs} (ms)` });
  return undefined;
}

function parses(url: string): boolean {
  try {
    return Boolean(new URL(url));
  } catch {
    return false;
  }
}

function checkUrls(issues: NimValidationIssue[], value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > maxUrls) {
    issues.push({ path: 'discovery.urls', message: `must be a list of 1 to ${maxUrls} http(s) URLs` });
    return undefined;
  }
  const urls: string[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const url: unknown = value[index];
    if (typeof url === 'string' && url.length <= maxUrlLength && /^https?:\/\/[^/\s]/.test(url) && parses(url)) {
      urls.push(url);
    } else {
      issues.push({ path: `discovery.urls[${index}]`, message: 'must be an http(s) URL' });
    }
  }
  return urls;
}

/**
 * Whether and how a client discovers its endpoints. On by default when neither `baseUrl` nor a custom `fetch` is
 * given; `discovery: false` turns it off; an explicit `discovery` object turns it on in every case (then `baseUrl`
 * is the static list used until an answer). Throws NimValidationError for anything but `false` or an object of the
 * known fields.
 * @example
 * ```ts
 * resolveDiscovery({ discovery: undefined, baseUrl: undefined, fetch: undefined, region: 'sg' });
 * // { urls: constraints.discovery.allocationUrls.sg, probeIntervalMs: 5000, windowMs: 60000 }
 * ```
 */
export function resolveDiscovery(options: {
  readonly discovery?: unknown;
  readonly baseUrl?: unknown;
  readonly fetch?: unknown;
  readonly region?: unknown;
}): ResolvedDiscovery | undefined {
  const { discovery } = options;
  if (discovery === false) return undefined;
  if (discovery === undefined && (options.baseUrl !== undefined || options.fetch !== undefined)) return undefined;
  if (discovery !== undefined && (typeof discovery !== 'object' || discovery === null || Array.isArray(discovery))) {
    throw new NimValidationError([{ path: 'discovery', message: 'must be false or an object { urls?, probeIntervalMs?, windowMs? }' }]);
  }
  const given = (discovery ?? {}) as Record<string, unknown>;
  const issues: NimValidationIssue[] = [];
  const urls = checkUrls(issues, given.urls);
  const probeIntervalMs = checkInteger(issues, given.probeIntervalMs, 'discovery.probeIntervalMs', 10);
  const windowMs = checkInteger(issues, given.windowMs, 'discovery.windowMs', 120);
  if (issues.length) throw new NimValidationError(issues);
  return {
    urls: urls ?? constraints.discovery.allocationUrls[options.region === 'sg' ? 'sg' : 'cn'],
    probeIntervalMs: probeIntervalMs ?? discoveryDefaults.probeIntervalMs,
    windowMs: windowMs ?? discoveryDefaults.windowMs,
  };
}
