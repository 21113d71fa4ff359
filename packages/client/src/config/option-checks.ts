import { constraints } from '@nim-api/types';
import { checkDiscovery, type ResolvedDiscovery } from './discovery-options.js';
import { NimValidationError, type NimValidationIssue } from '../errors/errors.js';
import { isPlainRemote, transportProblem } from './url-rules.js';
import { normalBaseUrl } from './base-url.js';
import { describe, describeUrl, isWellFormed } from '../observability/describe.js';
import {
  defaults,
  type NimClientOptions,
  type NimDispatcher,
  type NimHooks,
  type NimLogger,
  type NimRequestOptions,
  type NimRegion,
  type NimTransport,
} from './options.js';
import { checkRateLimit, type RateLimitChoice } from './rate-limit-option.js';
import type { OpenTelemetryCheck } from './open-telemetry-option.js';
import type { TelemetryConfig } from '../observability/open-telemetry.js';
import { checkTransport } from './transport-option.js';
import { checkTraceId, fail, readArray, readFields } from '../protocol/validation.js';

type Issues = NimValidationIssue[];

/** The longest delay `setTimeout` keeps (2^31 − 1 ms); a larger one fires at once. */
export const maxTimerMs = 2 ** 31 - 1;
/** Most retries a call may ask for: beyond this a retry storm, not resilience. */
export const maxRetriesLimit = 10;

const headerSafe = /^[\x21-\x7e]{1,128}$/;
const regions: readonly string[] = Object.keys(constraints.hosts);

function checkInteger(issues: Issues, value: unknown, path: string, minimum: number, maximum: number): void {
  if (
    value !== undefined &&
    !(Number.isInteger(value) && (value as number) >= minimum && (value as number) <= maximum)
  ) {
    fail(issues, path, `must be an integer from ${minimum} to ${maximum} (got ${describe(value)})`);
  }
}

function checkBoolean(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean')
    fail(issues, path, `must be true or false (got ${describe(value)})`);
}

function checkFunction(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'function')
    fail(issues, path, `must be a function (got ${describe(value)})`);
}

/** The caller's per-call options, checked and copied (the defaults are applied by the retry loop). */
export interface CheckedRequestOptions {
  readonly signal: AbortSignal | undefined;
  readonly traceId: string | undefined;
  readonly timeoutMs: number | undefined;
  readonly maxRetries: number | undefined;
  readonly retryUnsafe: boolean | undefined;
}

const requestOptionKeys = ['signal', 'traceId', 'timeoutMs', 'maxRetries', 'retryUnsafe'] as const;

/** Checks the last argument of every method; its problems join the call's issues. */
export function checkRequestOptions(issues: Issues, options: unknown): CheckedRequestOptions {
  if (options === undefined)
    return {
      signal: undefined,
      traceId: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      retryUnsafe: undefined,
    };
  const fields = readFields(issues, options, 'options', requestOptionKeys);
  if (fields.signal !== undefined && !(fields.signal instanceof AbortSignal)) {
    fail(issues, 'options.signal', `must be an AbortSignal (got ${describe(fields.signal)})`);
  }
  checkTraceId(issues, fields.traceId, 'options.traceId');
  checkInteger(issues, fields.timeoutMs, 'options.timeoutMs', 1, maxTimerMs);
  checkInteger(issues, fields.maxRetries, 'options.maxRetries', 0, maxRetriesLimit);
  checkBoolean(issues, fields.retryUnsafe, 'options.retryUnsafe');
  return fields as CheckedRequestOptions;
}

/** The client's options, checked, copied and with defaults applied. */
export interface CheckedClientOptions {
  readonly appKey: string;
  readonly appSecret: string;
  readonly hosts: readonly string[];
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  /** The transport `transport`, `fetch` and `dispatcher` choose (http/select.ts). */
  readonly transport: NimTransport;
  /** The option as given (undefined when absent), for the transport to know whether undici was asked for. */
  readonly transportOption: NimTransport | undefined;
  readonly dispatcher: NimDispatcher | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryUnsafe: boolean;
  readonly hostCooldownMs: number;
  /** `undefined`: endpoint discovery off. */
  readonly discovery: ResolvedDiscovery | undefined;
  readonly rateLimit: RateLimitChoice | undefined;
  readonly logger: NimLogger | undefined;
  readonly hooks: NimHooks | undefined;
  readonly retryDelayMs: NimClientOptions['retryDelayMs'];
  /** `allowHttp`: plain http to hosts that are not loopback (with one warning at creation). */
  readonly allowHttp: boolean;
  /** `undefined`: no OpenTelemetry (turned off, or `@opentelemetry/api` not found). */
  readonly telemetry: TelemetryConfig | undefined;
}

const clientOptionKeys = [
  'appKey',
  'appSecret',
  'baseUrl',
  'region',
  'fetch',
  'transport',
  'dispatcher',
  'timeoutMs',
  'maxRetries',
  'retryUnsafe',
  'hostCooldownMs',
  'discovery',
  'rateLimit',
  'logger',
  'hooks',
  'retryDelayMs',
  'allowHttp',
  'openTelemetry',
] as const;

/** A base URL in its normal form without trailing slashes, or `undefined` when it is not an absolute http(s) URL. */
function baseUrlOf(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password)
    return undefined;
  return url;
}

/** One base URL: its normal form, or an issue (not a URL; or plain http where it is not allowed: config/url-rules.ts). */
function checkBaseUrl(
  issues: Issues,
  value: unknown,
  path: string,
  allowHttp: boolean,
  plain: Set<string>,
): string | undefined {
  const url = baseUrlOf(value);
  const problem = url && transportProblem(url, allowHttp);
  if (!url)
    fail(
      issues,
      path,
      `must be an absolute http(s) URL without query, fragment or credentials (got ${describeUrl(value)})`,
    );
  else if (problem) fail(issues, path, `${problem} (got ${describeUrl(value)})`);
  else if (isPlainRemote(url)) plain.add(url.host);
  return url && !problem ? normalBaseUrl(url) : undefined;
}

function checkHosts(
  issues: Issues,
  baseUrl: unknown,
  region: unknown,
  allowHttp: boolean,
  plain: Set<string>,
): string[] {
  if (region !== undefined && (typeof region !== 'string' || !regions.includes(region))) {
    fail(issues, 'region', `must be one of ${regions.map((r) => `'${r}'`).join(', ')} (got ${describe(region)})`);
    return [];
  }
  // Only a missing baseUrl means the region's hosts: `null` (a config value that failed to load) is refused.
  const given = baseUrl === undefined ? constraints.hosts[(region as NimRegion | undefined) ?? 'cn'] : baseUrl;
  if (typeof given === 'string') {
    const url = checkBaseUrl(issues, given, 'baseUrl', allowHttp, plain);
    return url === undefined ? [] : [url];
  }
  const hosts: string[] = [];
  const items = readArray(issues, given, 'baseUrl', (item, path) => {
    const url = checkBaseUrl(issues, item, path, allowHttp, plain);
    if (url !== undefined) hosts.push(url);
    return url !== undefined;
  });
  if (items === undefined || (items.length === 0 && hosts.length === 0 && !issues.length)) {
    fail(issues, 'baseUrl', `must be a URL or a non-empty list of URLs (got ${describe(given)})`);
  }
  return hosts;
}

/** The one warning of `allowHttp`: to the logger, or to the console when there is none (it is about security). */
function warnPlainHttp(logger: NimLogger | undefined, hosts: readonly string[]): void {
  const line = `nim allowHttp: signed requests go over plain http to ${hosts.join(', ')}: readable and replayable on the way`;
  if (logger) logger.warn(line);
  else console.warn(line);
}

const logLevels = ['debug', 'info', 'warn', 'error'] as const;

/** The caller's logger, its methods read once and bound; a logger that throws never breaks a call. */
function checkLogger(issues: Issues, logger: unknown): NimLogger | undefined {
  if (logger === undefined) return undefined;
  const methods = readFields(issues, logger, 'logger', logLevels);
  const safe: Partial<Record<(typeof logLevels)[number], (message: string) => void>> = {};
  for (const level of logLevels) {
    const method = methods[level];
    if (typeof method !== 'function') fail(issues, `logger.${level}`, `must be a function (got ${describe(method)})`);
    else {
      safe[level] = (message: string) => {
        try {
          (method as (this: unknown, line: string) => void).call(logger, message);
        } catch {
          // Logging must never change the outcome of a call.
        }
      };
    }
  }
  return safe as NimLogger;
}

/**
 * Checks every option of `createNimClient` and throws one {@link NimValidationError} listing each problem.
 * Credentials are never quoted. `hasUndici`: this build has the undici transport (the Node build);
 * `checkOpenTelemetry`: this build's OpenTelemetry (the Node build's; the fetch build has none).
 */
export function checkClientOptions(
  options: unknown,
  hasUndici = false,
  checkOpenTelemetry?: OpenTelemetryCheck,
): CheckedClientOptions {
  const issues: Issues = [];
  let checked: CheckedClientOptions | undefined;
  try {
    // Fields are copied by name; other fields are left alone, as in a request's body (issue 11's one rule).
    const o = readFields(issues, options, 'options', clientOptionKeys);
    if (typeof o.appKey !== 'string' || !headerSafe.test(o.appKey))
      fail(issues, 'appKey', 'must be 1–128 visible ASCII characters');
    // A lone surrogate would be signed as U+FFFD: a secret that can never authenticate. (Never quoted: it is the secret.)
    if (typeof o.appSecret !== 'string' || o.appSecret === '' || !isWellFormed(o.appSecret))
      fail(issues, 'appSecret', 'must be a non-empty string of valid Unicode');
    checkBoolean(issues, o.allowHttp, 'allowHttp');
    const allowHttp = o.allowHttp === true;
    // Hosts that plain http goes to, allowed by allowHttp: named in one warning once the client is made.
    const plain = new Set<string>();
    const hosts = checkHosts(issues, o.baseUrl, o.region, allowHttp, plain);
    checkFunction(issues, o.fetch, 'fetch');
    const transport = checkTransport(issues, o, hasUndici);
    checkInteger(issues, o.timeoutMs, 'timeoutMs', 1, maxTimerMs);
    checkInteger(issues, o.maxRetries, 'maxRetries', 0, maxRetriesLimit);
    checkBoolean(issues, o.retryUnsafe, 'retryUnsafe');
    checkInteger(issues, o.hostCooldownMs, 'hostCooldownMs', 0, maxTimerMs);
    const discovery = checkDiscovery(issues, o, plain);
    const rateLimit = checkRateLimit(issues, o.rateLimit);
    const logger = checkLogger(issues, o.logger);
    let hooks: NimHooks | undefined;
    if (o.hooks !== undefined) {
      const { onAttempt, onResult } = readFields(issues, o.hooks, 'hooks', ['onAttempt', 'onResult'] as const);
      checkFunction(issues, onAttempt, 'hooks.onAttempt');
      checkFunction(issues, onResult, 'hooks.onResult');
      hooks = { onAttempt: onAttempt as NimHooks['onAttempt'], onResult: onResult as NimHooks['onResult'] };
    }
    checkFunction(issues, o.retryDelayMs, 'retryDelayMs');
    const telemetry = checkOpenTelemetry?.(
      issues,
      o.openTelemetry,
      typeof o.appSecret === 'string' ? [o.appSecret] : [],
    );
    if (!checkOpenTelemetry && o.openTelemetry !== undefined && o.openTelemetry !== false) {
      fail(
        issues,
        'openTelemetry',
        'is only in the Node build (Node, Bun, Deno); this runtime loaded the fetch build: use hooks',
      );
    }
    checked = {
      appKey: o.appKey as string,
      appSecret: o.appSecret as string,
      hosts,
      fetch: o.fetch as CheckedClientOptions['fetch'],
      transport,
      transportOption: o.transport as NimTransport | undefined,
      dispatcher: o.dispatcher as NimDispatcher | undefined,
      timeoutMs: (o.timeoutMs as number | undefined) ?? defaults.timeoutMs,
      maxRetries: (o.maxRetries as number | undefined) ?? defaults.maxRetries,
      retryUnsafe: (o.retryUnsafe as boolean | undefined) ?? defaults.retryUnsafe,
      hostCooldownMs: (o.hostCooldownMs as number | undefined) ?? defaults.hostCooldownMs,
      discovery,
      rateLimit,
      logger,
      hooks,
      retryDelayMs: o.retryDelayMs as CheckedClientOptions['retryDelayMs'],
      allowHttp,
      telemetry,
    };
    if (plain.size && !issues.length) warnPlainHttp(logger, [...plain]);
  } catch {
    fail(issues, 'options', 'could not be read (a getter or Proxy threw)');
  }
  if (issues.length || !checked) throw new NimValidationError(issues, { operationId: 'createNimClient' });
  return checked;
}
