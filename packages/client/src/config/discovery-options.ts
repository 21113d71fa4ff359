import { constraints } from '@nim-api/types';
import { hostPatternOf, isPlainRemote, transportProblem, type EndpointRules } from './url-rules.js';
import type { NimValidationIssue } from '../errors/errors.js';
import { describe, describeUrl } from '../observability/describe.js';
import { fail, readArray, readFields, refuseUnknownKeys } from '../protocol/validation.js';

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
  /**
   * More hosts an endpoint named by the allocation service may have (a private deployment's): `'im.corp.example'`
   * for that host, `'*.corp.example'` for any host under the domain. An endpoint is used only when it is `https:`
   * (plain `http:` to loopback hosts, or with `allowHttp`) and its host is on this list or the spec's (the vendor's
   * IM domains, `*.yunxinapi.com`); loopback endpoints also when the allocation URL is on loopback. Any other is
   * skipped — never probed, never called — with one `warn` line per answer, and listed in `nim.endpoints().rejected`.
   * @default none: the spec's list only
   */
  allowedHosts?: readonly string[];
}

/** Discovery settings after validation. */
export interface ResolvedDiscovery extends EndpointRules {
  readonly urls: readonly string[];
  readonly probeIntervalMs: number;
  readonly windowMs: number;
}

/** Defaults of {@link NimDiscoveryOptions}. */
export const discoveryDefaults = { probeIntervalMs: 5_000, windowMs: 60_000 } as const;

const discoveryKeys = ['urls', 'probeIntervalMs', 'windowMs', 'allowedHosts'] as const;
const discoveryKeySet: ReadonlySet<string> = new Set(discoveryKeys);
const maxUrls = 8;
const maxUrlLength = 2048;
const dayMs = 86_400_000;

type Issues = NimValidationIssue[];

function checkInteger(issues: Issues, value: unknown, path: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= dayMs) return value;
  fail(issues, path, `must be an integer from ${minimum} to ${dayMs} (ms) (got ${describe(value)})`);
  return undefined;
}

/** The URL in its normal form, or `undefined` when it is no http(s) URL or carries credentials. */
function httpUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > maxUrlLength || !/^https?:\/\/[^/\s]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    // Credentials could never be sent (fetch refuses such a URL) and would be printed in the warn line.
    return url.username || url.password ? undefined : url.href;
  } catch {
    return undefined;
  }
}

function checkUrls(issues: Issues, value: unknown, allowHttp: boolean, plain: Set<string>): string[] | undefined {
  if (value === undefined) return undefined;
  const start = issues.length;
  const urls: string[] = [];
  const items = readArray(issues, value, 'discovery.urls', (item, path) => {
    const url = httpUrlOf(item);
    // The answer decides where signed calls go: it must come over TLS too (config/url-rules.ts).
    const parsed = url === undefined ? undefined : new URL(url);
    const problem = parsed && transportProblem(parsed, allowHttp);
    if (parsed && !problem) {
      if (isPlainRemote(parsed)) plain.add(parsed.host);
      return urls.push(url!) > 0;
    }
    fail(issues, path, `${problem ?? 'must be an http(s) URL without credentials'} (got ${describeUrl(item)})`);
    return false;
  });
  if (items === undefined || (issues.length === start && (items.length === 0 || items.length > maxUrls))) {
    fail(issues, 'discovery.urls', `must be a list of 1 to ${maxUrls} http(s) URLs (got ${describe(value)})`);
    return undefined;
  }
  return urls;
}

const maxAllowedHosts = 64;

function checkAllowedHosts(issues: Issues, value: unknown): string[] {
  if (value === undefined) return [];
  const hosts: string[] = [];
  const items = readArray(issues, value, 'discovery.allowedHosts', (item, path) => {
    const host = hostPatternOf(item);
    if (host === undefined)
      fail(issues, path, `must be a host name, or *.domain for the hosts under it (got ${describeUrl(item)})`);
    else hosts.push(host);
    return host !== undefined;
  });
  if (items === undefined || items.length > maxAllowedHosts) {
    fail(
      issues,
      'discovery.allowedHosts',
      `must be a list of at most ${maxAllowedHosts} host names (got ${describe(value)})`,
    );
  }
  return hosts;
}

/**
 * Whether and how a client discovers its endpoints, from the client's (already read) options; problems join
 * `issues`. On by default when neither `baseUrl` nor a custom `fetch` is given; `discovery: false` turns it off;
 * an explicit `discovery` object turns it on in every case (then `baseUrl` is the static list used until an
 * answer). Anything but `false` or an object of the known fields is an issue.
 * @example
 * ```ts
 * const issues: NimValidationIssue[] = [];
 * checkDiscovery(issues, { region: 'sg' });
 * // { urls: constraints.discovery.allocationUrls.sg, probeIntervalMs: 5000, windowMs: 60000 }
 * ```
 */
export function checkDiscovery(
  issues: Issues,
  options: {
    readonly discovery?: unknown;
    readonly baseUrl?: unknown;
    readonly fetch?: unknown;
    readonly region?: unknown;
    readonly allowHttp?: unknown;
  },
  plain: Set<string> = new Set(),
): ResolvedDiscovery | undefined {
  const { discovery } = options;
  if (discovery === false) return undefined;
  if (discovery === undefined && (options.baseUrl !== undefined || options.fetch !== undefined)) return undefined;
  if (discovery !== undefined && (typeof discovery !== 'object' || discovery === null || Array.isArray(discovery))) {
    fail(
      issues,
      'discovery',
      `must be false or an object { urls?, probeIntervalMs?, windowMs?, allowedHosts? } (got ${describe(discovery)})`,
    );
    return undefined;
  }
  const given = discovery === undefined ? {} : readFields(issues, discovery, 'discovery', discoveryKeys);
  // `{ url }` for `{ urls }` would turn discovery on with the official URLs: refused instead.
  refuseUnknownKeys(issues, discovery, 'discovery', discoveryKeySet);
  const allowHttp = options.allowHttp === true;
  const urls = checkUrls(issues, given.urls, allowHttp, plain);
  const allowedHosts = checkAllowedHosts(issues, given.allowedHosts);
  const probeIntervalMs = checkInteger(issues, given.probeIntervalMs, 'discovery.probeIntervalMs', 10);
  const windowMs = checkInteger(issues, given.windowMs, 'discovery.windowMs', 120);
  return {
    urls: urls ?? constraints.discovery.allocationUrls[options.region === 'sg' ? 'sg' : 'cn'],
    probeIntervalMs: probeIntervalMs ?? discoveryDefaults.probeIntervalMs,
    windowMs: windowMs ?? discoveryDefaults.windowMs,
    allowedHosts: [...constraints.discovery.endpointHosts, ...allowedHosts],
    allowHttp,
  };
}
