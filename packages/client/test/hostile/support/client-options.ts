// The options of createNimClient, generated whole, with the verdict of the rules and what follows for a call.
// Rules beyond the README's table (issue 11: "Options follow the same rule …, also in createNimClient"):
// appKey 1–128 characters and appSecret non-empty strings, the secret valid Unicode (an appKey that is not visible ASCII cannot go in a
// header: left open);
// baseUrl an http(s) URL with a host or a non-empty list of them (a query, fragment or credentials: left open);
// region 'cn' | 'sg'; fetch, retryDelayMs functions; logger an object of functions (missing methods: left open);
// hooks an object whose onAttempt/onResult are functions; rateLimit { perSecond > 0 } or a limiter object with a
// take function; hostCooldownMs an integer
// 0…2^31−1 (Infinity or a fraction: left open). `null` for an optional object option is left open.
// baseUrl and discovery URLs `https:`, or `http:` to a loopback host (issue 20; allowHttp is not generated here).
// discovery (issue 13): `false` or an object of `urls` (1–8 http(s) URLs), `probeIntervalMs` (integer 10 ms … 1 day),
// `windowMs` (integer 120 ms … 1 day), and no other own field.
import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import { absent, absentGen } from './input-fields.js';
import { constant, type Gen, gen, hostileValue, show, throwingProxy } from './hostile-values.js';
import { appSecret } from './harness.js';
import { maxTimerMs, rules, type Validity, worst } from './validity.js';

const valueGen = (value: unknown): Gen => constant(show(value), value);
const pick = (...entries: Array<[number, fc.Arbitrary<Gen>]>) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function urlVerdict(value: unknown): Validity {
  if (typeof value !== 'string') return 'invalid';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.host === '' || !/^https?:\/\/[^/]/i.test(value))
    return 'invalid';
  // Issue 20: plain http only to a loopback host (these options never set allowHttp).
  const loopback =
    url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'http:' && !loopback) return 'invalid';
  return url.search || url.hash || url.username || url.password ? 'either' : 'valid';
}

const functionsOf = (value: unknown, names: readonly string[], allMissingIs: Validity): Validity => {
  if (value === undefined) return 'valid';
  if (value === null) return 'either';
  // An array is an object with no such fields: the README asks for an object, so refusing it is fine too.
  if (Array.isArray(value)) return 'either';
  if (!isObject(value)) return 'invalid';
  const present = names.filter((name) => value[name] !== undefined);
  if (present.some((name) => typeof value[name] !== 'function')) return 'invalid';
  return present.length === names.length ? 'valid' : allMissingIs;
};

/** The rule of each client option. */
export const clientRules: Record<string, (value: unknown) => Validity> = {
  // The README's rule: 1–128 visible ASCII characters (longer ones were left open until a new seed found a 1 MB one).
  appKey: (v) =>
    typeof v !== 'string' || v === '' || v.length > 128 ? 'invalid' : /^[\x21-\x7e]+$/.test(v) ? 'valid' : 'either',
  appSecret: (v) => (typeof v === 'string' && v !== '' && !/\p{Cs}/u.test(v) ? 'valid' : 'invalid'),
  baseUrl: (v) => {
    if (v === undefined) return 'valid';
    if (Array.isArray(v)) {
      if (v.length === 0) return 'invalid';
      const items: Validity[] = [];
      for (let i = 0; i < v.length; i += 1) items.push(i in v ? urlVerdict(v[i]) : 'invalid');
      return worst(...items);
    }
    return urlVerdict(v);
  },
  region: (v) => (v === undefined || v === 'cn' || v === 'sg' ? 'valid' : 'invalid'),
  fetch: (v) => (v === undefined || typeof v === 'function' ? 'valid' : 'invalid'),
  timeoutMs: rules.timeoutMs,
  maxRetries: rules.maxRetries,
  retryUnsafe: rules.retryUnsafe,
  hostCooldownMs: (v) => {
    if (v === undefined) return 'valid';
    if (typeof v !== 'number' || Number.isNaN(v) || v < 0) return 'invalid';
    return Number.isInteger(v) && v <= maxTimerMs ? 'valid' : 'either';
  },
  rateLimit: (v) => {
    if (v === undefined) return 'valid';
    if (v === null) return 'either';
    // A limiter object (issue 15): a take function, and reportRateLimited a function when given.
    if (isObject(v) && v.take !== undefined) {
      return typeof v.take === 'function' &&
        (v.reportRateLimited === undefined || typeof v.reportRateLimited === 'function')
        ? 'valid'
        : 'invalid';
    }
    // The README's range: 0.001 to 1,000,000 permits a second.
    if (!isObject(v) || typeof v.perSecond !== 'number' || !(v.perSecond >= 0.001 && v.perSecond <= 1e6))
      return 'invalid';
    return 'valid';
  },
  logger: (v) => functionsOf(v, ['debug', 'info', 'warn', 'error'], 'either'),
  hooks: (v) => functionsOf(v, ['onAttempt', 'onResult'], 'valid'),
  retryDelayMs: (v) => (v === undefined || typeof v === 'function' ? 'valid' : 'invalid'),
  discovery: (v) => {
    if (v === undefined || v === false) return 'valid';
    if (!isObject(v) || Array.isArray(v)) return 'invalid';
    // A field it does not know (a misspelt `url`) is refused: it would turn discovery on with the official URLs.
    try {
      if (Object.keys(v).some((key) => !['urls', 'probeIntervalMs', 'windowMs', 'allowedHosts'].includes(key)))
        return 'invalid';
      if (v.allowedHosts !== undefined) return 'either'; // issue 20's host patterns: test/url-rules.test.ts
    } catch {
      return 'invalid';
    }
    const interval = (x: unknown, min: number) =>
      x === undefined || (Number.isInteger(x) && (x as number) >= min && (x as number) <= 86_400_000);
    const urls =
      v.urls === undefined ||
      (Array.isArray(v.urls) &&
        v.urls.length >= 1 &&
        v.urls.length <= 8 &&
        v.urls.every((u) => urlVerdict(u) !== 'invalid'));
    if (!urls || !interval(v.probeIntervalMs, 10) || !interval(v.windowMs, 120)) return 'invalid';
    return Array.isArray(v.urls) && v.urls.some((u) => urlVerdict(u) === 'either') ? 'either' : 'valid';
  },
};

/** Whether a client with these (valid) options discovers its endpoints: no baseUrl and no fetch, or a discovery object. */
export function discoversWith(values: Record<string, unknown>): boolean {
  if (values.discovery === false) return false;
  return isObject(values.discovery) || (values.baseUrl === undefined && values.fetch === undefined);
}

const hostileLogger = (thrower: boolean) => {
  const log = thrower
    ? () => {
        throw new Error('hostile logger');
      }
    : () => {};
  return { debug: log, info: log, warn: log, error: log };
};

type Pair = { readonly valid: fc.Arbitrary<Gen>; readonly bad: fc.Arbitrary<Gen> };
const pair = (valid: fc.Arbitrary<Gen>, ...bad: Array<fc.Arbitrary<Gen>>): Pair => ({
  valid,
  bad: fc.oneof(...bad, hostileValue),
});
const either = (...arbitraries: Array<fc.Arbitrary<Gen>>) => fc.oneof(...arbitraries);
const values = (...list: unknown[]) => fc.constantFrom(...list).map(valueGen);

/** Per option: valid values (including hostile but valid: throwing loggers and hooks, odd back-off results) and
 * bad ones (near misses, then any hostile value). `fetch: 'recorder'` stands for the recording fetch. */
export const clientFields: Record<string, Pair> = {
  appKey: pair(fc.stringMatching(/^[\x21-\x7e]{1,40}$/).map(valueGen), values('', 'key with space', 'ключ', 'k\ne\ny')),
  appSecret: pair(fc.constant(constant('the AppSecret', appSecret)), values('s', 'sec\ud800ret-padding')),
  baseUrl: pair(
    either(
      fc.constant(absentGen),
      values('https://nim.test', 'http://127.0.0.1:9', 'https://nim.test/base/', 'HTTPS://NIM.TEST//'),
      fc.constant(gen('[primary, backup]', () => ['https://primary.test', 'https://backup.test'])),
    ),
    values(
      '',
      'nim.test',
      'ftp://nim.test',
      'http://',
      'https://exa mple.com',
      'javascript:alert(1)',
      'https://nim.test?x=1',
      'http://nim.test',
      'http:open.yunxinapi.com',
      null,
    ),
    fc.constantFrom(
      gen('[]', () => []),
      gen('[hole]', () => {
        const list = ['https://a.test', 'https://b.test'];
        delete list[0];
        return list;
      }),
      gen('[url, 5]', () => ['https://a.test', 5]),
      gen('URL object', () => new URL('https://nim.test'), 'either'),
      gen('throwing Proxy list', () => throwingProxy(['https://a.test']), 'invalid'),
    ),
  ),
  region: pair(either(fc.constant(absentGen), values('cn', 'sg')), values('CN', 'us', '')),
  fetch: pair(
    either(fc.constant(constant('recorder', 'recorder')), fc.constant(absentGen)),
    fc.constant(constant('recorder', 'recorder')),
  ),
  timeoutMs: pair(
    either(fc.constant(absentGen), fc.integer({ min: 1_000, max: maxTimerMs }).map(valueGen)),
    values(0, -1, 1.5, NaN, Infinity, 2 ** 31, '100', 50),
  ),
  maxRetries: pair(
    either(fc.constant(absentGen), fc.integer({ min: 0, max: 10 }).map(valueGen)),
    values(-1, 11, 1.5, NaN, Infinity, 'abc'),
  ),
  retryUnsafe: pair(either(fc.constant(absentGen), fc.boolean().map(valueGen)), values('yes', 1)),
  hostCooldownMs: pair(
    either(fc.constant(absentGen), fc.integer({ min: 0, max: maxTimerMs }).map(valueGen)),
    values(-1, NaN, '30000', Infinity, 0.5),
  ),
  rateLimit: pair(
    either(
      fc.constant(absentGen),
      fc
        .double({ min: 1, max: 1e6, noNaN: true })
        .map((perSecond) => gen(`{ perSecond: ${perSecond} }`, () => ({ perSecond }))),
      fc.constant(gen('a limiter that always grants', () => ({ take: async () => {}, reportRateLimited: () => {} }))),
      fc.constant(
        gen('a limiter whose take throws', () => ({
          take: () => {
            throw new Error('hostile limiter');
          },
        })),
      ),
    ),
    fc
      .constantFrom(0, -1, NaN, '10', Infinity, 1e-7, 2e6)
      .map((perSecond) => gen(`{ perSecond: ${show(perSecond)} }`, () => ({ perSecond }))),
    fc.constantFrom(
      gen('{ take: 5 }', () => ({ take: 5 })),
      gen('{ take, reportRateLimited: "x" }', () => ({ take: async () => {}, reportRateLimited: 'x' })),
    ),
  ),
  logger: pair(
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(absentGen) },
      { weight: 1, arbitrary: fc.constant(gen('throwing logger', () => hostileLogger(true))) },
      { weight: 2, arbitrary: fc.constant(gen('silent logger', () => hostileLogger(false))) },
    ),
    fc.constantFrom(
      gen('{}', () => ({})),
      gen('{ debug: 5 }', () => ({ debug: 5 })),
      gen('{ debug only }', () => ({ debug() {} })),
      gen('throwing Proxy', () => throwingProxy({}), 'invalid'),
    ),
  ),
  hooks: pair(
    either(
      fc.constant(absentGen),
      fc.constant(
        gen('throwing hooks', () => ({
          onAttempt() {
            throw new Error('hostile hook');
          },
          onResult() {
            throw new Error('hostile hook');
          },
        })),
      ),
    ),
    fc.constantFrom(
      gen('{ onAttempt: 5 }', () => ({ onAttempt: 5 })),
      gen('throwing Proxy', () => throwingProxy({}), 'invalid'),
    ),
  ),
  retryDelayMs: pair(
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(gen('() => 0', () => () => 0)) },
      {
        weight: 3,
        arbitrary: fc
          .constantFrom<[string, unknown]>(
            ['NaN', NaN],
            ['-1', -1],
            ['"x"', 'x'],
            ['undefined', undefined],
            ['-Infinity', -Infinity],
          )
          .map(([desc, delay]) => gen(`() => ${desc}`, () => () => delay)),
      },
      {
        weight: 1,
        arbitrary: fc.constant(
          gen('throwing retryDelayMs', () => () => {
            throw new Error('hostile retryDelayMs');
          }),
        ),
      },
    ),
    values(5, 'fast'),
  ),
  discovery: pair(
    either(
      fc.constant(absentGen),
      values(false),
      fc.constant(
        gen('{ urls: [127.0.0.1] }', () => ({ urls: ['http://127.0.0.1:9/srv-sdk/allocate'], probeIntervalMs: 50 })),
      ),
    ),
    values(true, 'on', null, 0),
    fc.constantFrom(
      gen('{ urls: [] }', () => ({ urls: [] })),
      gen('{ urls: [ftp] }', () => ({ urls: ['ftp://x'] })),
      gen('{ probeIntervalMs: 0 }', () => ({ probeIntervalMs: 0 })),
      gen('{ windowMs: NaN }', () => ({ windowMs: NaN })),
      gen('throwing Proxy', () => throwingProxy({}), 'invalid'),
    ),
  ),
};

/** Valid options with up to three of them replaced by bad values ("valid arbitraries + labelled mutations"). */
export const clientFieldGens: fc.Arbitrary<Record<string, Gen>> = fc
  .tuple(
    fc.record(Object.fromEntries(Object.entries(clientFields).map(([key, field]) => [key, field.valid]))),
    fc.record(Object.fromEntries(Object.entries(clientFields).map(([key, field]) => [key, field.bad]))),
    fc.oneof(
      { weight: 5, arbitrary: fc.constant([] as string[]) },
      {
        weight: 4,
        arbitrary: fc.uniqueArray(fc.constantFrom(...Object.keys(clientFields)), { minLength: 1, maxLength: 1 }),
      },
      {
        weight: 2,
        arbitrary: fc.uniqueArray(fc.constantFrom(...Object.keys(clientFields)), { minLength: 2, maxLength: 3 }),
      },
    ),
  )
  .map(([valid, bad, mutated]) => ({ ...valid, ...Object.fromEntries(mutated.map((key) => [key, bad[key]!])) }));

/** The hosts a client uses, primary first: `baseUrl` (one or a list), else the region's pair. */
export function hostsOf(baseUrl: unknown, region: unknown): string[] {
  if (baseUrl !== undefined)
    return (Array.isArray(baseUrl) ? baseUrl : [baseUrl]).map((url) => String(url).replace(/\/+$/, ''));
  return [...constraints.hosts[region === 'sg' ? 'sg' : 'cn']];
}
export { absent };
