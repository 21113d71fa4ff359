import type { NimDispatcher, NimTransport } from './options.js';
import type { NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';

/** The options that choose the transport, as read from the caller's options. */
export interface TransportChoice {
  readonly transport?: unknown;
  readonly fetch?: unknown;
  readonly dispatcher?: unknown;
}

const transports: readonly unknown[] = ['undici', 'fetch'] satisfies NimTransport[];

/** Node itself: Bun and Deno define `process.versions.node` too, and keep their own fetch by default. */
export function isNodeRuntime(): boolean {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  return typeof versions?.node === 'string' && versions.bun === undefined && !('Deno' in globalThis);
}

/** The runtime the fetch build runs on, for a message: workerd, edge-runtime, browser, else unknown. */
function runtimeName(): string {
  const g = globalThis as { navigator?: { userAgent?: string }; EdgeRuntime?: unknown; document?: unknown };
  return g.EdgeRuntime
    ? 'edge-runtime'
    : /^Cloudflare-Workers/.test(`${g.navigator?.userAgent}`)
      ? 'workerd'
      : g.document
        ? 'browser'
        : 'unknown';
}

/**
 * Checks that `transport`, `fetch` and `dispatcher` agree (adding one issue per conflict) and returns the transport
 * they choose. Without `transport`: a `fetch` selects the fetch path, a `dispatcher` undici, and otherwise undici
 * on Node when this build has it, the fetch path everywhere else. (`fetch` being a function is checked with the
 * other options.)
 */
export function checkTransport(
  issues: NimValidationIssue[],
  choice: TransportChoice,
  hasUndici: boolean,
): NimTransport {
  const { transport, fetch, dispatcher } = choice;
  const problem = (path: string, message: string) => void issues.push({ path, message });
  if (transport !== undefined && !transports.includes(transport))
    problem('transport', `must be 'undici' or 'fetch' (got ${describe(transport)})`);
  if (dispatcher !== undefined && typeof (dispatcher as Partial<NimDispatcher> | null)?.dispatch !== 'function') {
    problem('dispatcher', `must be an undici Dispatcher (got ${describe(dispatcher)})`);
  }
  const name =
    (transport as NimTransport | undefined) ??
    (fetch ? 'fetch' : dispatcher || (hasUndici && isNodeRuntime()) ? 'undici' : 'fetch');
  if (name === 'undici' && fetch !== undefined)
    problem('transport', "'undici' cannot use the fetch option: leave transport out to send with your fetch");
  if (name === 'fetch' && dispatcher !== undefined)
    problem('dispatcher', 'is for the undici transport only: with fetch, give a fetch that uses it');
  if (name === 'undici' && !hasUndici)
    problem('transport', `'undici' is only in the Node build, not on ${runtimeName()}`);
  return name;
}
