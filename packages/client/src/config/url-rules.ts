// Where a signed request may go. A CheckSum signs only AppSecret + Nonce + CurTime (not the method, path or body):
// whoever reads one request can replay its headers as any call for 5 minutes. So every base URL (given, static or
// discovered) is `https:`, plain `http:` only for loopback hosts or with `allowHttp`, and a discovered endpoint must
// also be on a host the spec (x-nim-discovery endpointHosts) or the caller (`discovery.allowedHosts`) names.
// Hosts are compared as the URL parser writes them: lower case, IDN as punycode, IPv4 in dotted form, IPv6 in [].

/**
 * What a client allows beyond `https:` on the vendor's hosts.
 * @example
 * ```ts
 * const rules: EndpointRules = { allowedHosts: [...constraints.discovery.endpointHosts, '*.corp.example'], allowHttp: false };
 * ```
 */
export interface EndpointRules {
  /** Host patterns a discovered endpoint may have: `host`, or `*.domain` for any host under the domain. */
  readonly allowedHosts: readonly string[];
  /** The caller's `allowHttp`: plain `http:` to any host the other rules allow. */
  readonly allowHttp: boolean;
}

/**
 * Whether `hostname` (as `URL.hostname` writes it) is a loopback host: 127.0.0.0/8, `[::1]` or `localhost`.
 * @example
 * ```ts
 * isLoopbackHost(new URL('http://127.1:8080').hostname); // true (the parser writes 127.0.0.1)
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A caller's host pattern in the form hosts are compared in (`*.Corp.Example` → `*.corp.example`), or `undefined`
 * when it is no host name (a URL, a port, a path, a bare `*`).
 * @example
 * ```ts
 * hostPatternOf('*.Corp.Example'); // '*.corp.example'
 * hostPatternOf('https://im.corp.example'); // undefined
 * ```
 */
export function hostPatternOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 253 || /[\s/\\?#@:]/.test(value.replace(/^\[[0-9a-fA-F:.]+\]$/, '')))
    return undefined;
  const wildcard = value.startsWith('*.');
  const name = wildcard ? value.slice(2) : value;
  if (name === '' || name.includes('*')) return undefined;
  try {
    const { hostname, host } = new URL(`https://${name}/`);
    // A pattern names a host, not a port; the URL parser must read it back as the same name.
    if (host !== hostname || hostname === '' || (wildcard && hostname.startsWith('['))) return undefined;
    const normal = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
    return normal === '' ? undefined : wildcard ? `*.${normal}` : normal;
  } catch {
    return undefined;
  }
}

/**
 * Whether `hostname` (as `URL.hostname` writes it) matches one of `patterns` ({@link hostPatternOf}'s form).
 * `*.domain` matches hosts under the domain, not the domain itself. One trailing dot (`host.`) is the same host.
 * @example
 * ```ts
 * hostAllowed('api-cn.yunxinapi.com', ['*.yunxinapi.com']); // true
 * hostAllowed('yunxinapi.com.attacker.example', ['*.yunxinapi.com']); // false
 * ```
 */
export function hostAllowed(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  // Empty labels (`..x`, `.x`, `x..`) name no host DNS can resolve: never a match.
  if (host === '' || host.startsWith('.') || host.endsWith('.') || host.includes('..')) return false;
  for (const pattern of patterns) {
    if (
      pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern
    )
      return true;
  }
  return false;
}

/**
 * Why a base URL the caller gave (or the spec's, or a discovery URL) may not carry signed requests, or `undefined`
 * when it may: `https:`, or `http:` on a loopback host, or `http:` anywhere with `allowHttp`.
 * @example
 * ```ts
 * transportProblem(new URL('http://open.yunxinapi.com'), false); // 'must be https (…)'
 * ```
 */
export function transportProblem(url: URL, allowHttp: boolean): string | undefined {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (allowHttp || isLoopbackHost(url.hostname))))
    return undefined;
  return 'must be https (plain http only to 127.0.0.0/8, ::1, localhost, or with allowHttp: true)';
}

/** Whether a URL sends in plain text to a host that is not loopback (what `allowHttp` lets through, with a warning). */
export const isPlainRemote = (url: URL): boolean => url.protocol === 'http:' && !isLoopbackHost(url.hostname);

/**
 * Why an endpoint named by the allocation service at `from` must be skipped, or `undefined` when it may be used:
 * `https:` (or `http:` to a loopback host, or `allowHttp`), on a host the rules allow — or on a loopback host when
 * `from` itself is on one (tests, the sandbox).
 * @example
 * ```ts
 * endpointProblem('http://attacker.example', 'https://srv-sdk-lbs.yunxinapi.com/srv-sdk/allocate', rules);
 * // 'not https'
 * ```
 */
export function endpointProblem(endpoint: string, from: string, rules: EndpointRules): string | undefined {
  let url: URL;
  let source: URL;
  try {
    url = new URL(endpoint);
    source = new URL(from);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'carries credentials';
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (loopback || rules.allowHttp))) return 'not https';
  if (hostAllowed(url.hostname, rules.allowedHosts)) return undefined;
  if (loopback && isLoopbackHost(source.hostname)) return undefined;
  return 'host not allowed';
}
