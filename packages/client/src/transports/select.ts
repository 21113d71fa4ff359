import { NimValidationError, type NimValidationIssue } from '../errors.js';
import type { NimClientOptions, NimDispatcher, NimTransport } from '../options.js';
import { createFetchSend, type Send } from './fetch.js';

/**
 * Makes the undici transport, or `undefined` when undici cannot be loaded. Only the Node build has one; the build
 * for edge runtimes and browsers passes none.
 */
export type UndiciFactory = (dispatcher: NimDispatcher | undefined) => Send | undefined;

/** The transport a client sends with. */
export interface SelectedTransport {
  readonly name: NimTransport;
  readonly send: Send;
}

const transports: readonly string[] = ['undici', 'fetch'] satisfies NimTransport[];

/** Node itself: Bun and Deno define `process.versions.node` too, and keep their own fetch by default. */
export function isNodeRuntime(): boolean {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  return typeof versions?.node === 'string' && versions.bun === undefined && !('Deno' in globalThis);
}

const shown = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : value === null ? 'null' : typeof value;

/**
 * Picks and validates the transport: `transport`, `fetch` and `dispatcher` must agree, and `'undici'` needs the
 * Node build. Without `transport`: a `fetch` selects the fetch path, a `dispatcher` undici, and otherwise undici
 * on Node (when this build has it) and the fetch path everywhere else.
 * Throws NimValidationError naming every conflict.
 *
 * @example
 * ```ts
 * selectTransport({ appKey, appSecret, fetch: myFetch }, undefined).name; // 'fetch'
 * ```
 */
export function selectTransport(options: NimClientOptions, undici: UndiciFactory | undefined): SelectedTransport {
  const { transport, fetch, dispatcher } = options;
  const issues: NimValidationIssue[] = [];
  const problem = (path: string, message: string) => void issues.push({ path, message });
  if (transport !== undefined && !transports.includes(transport as string)) {
    problem('transport', `must be 'undici' or 'fetch' (got ${shown(transport)})`);
  }
  if (fetch !== undefined && typeof fetch !== 'function') problem('fetch', `must be a function (got ${shown(fetch)})`);
  if (dispatcher !== undefined && typeof (dispatcher as Partial<NimDispatcher> | null)?.dispatch !== 'function') {
    problem('dispatcher', `must be an undici Dispatcher (got ${shown(dispatcher)})`);
  }
  const name: NimTransport = transport ?? (fetch ? 'fetch' : (dispatcher || (undici && isNodeRuntime())) ? 'undici' : 'fetch');
  if (name === 'undici' && fetch !== undefined) {
    problem('transport', "'undici' cannot use the fetch option: leave transport out to send with your fetch");
  }
  if (name === 'fetch' && dispatcher !== undefined) {
    problem('dispatcher', "is for the undici transport only: with fetch, give a fetch that uses it");
  }
  if (name === 'undici' && !undici) {
    problem('transport', "'undici' is only in the Node build; this runtime loaded the fetch build");
  }
  if (issues.length) throw new NimValidationError(issues, { operationId: 'createNimClient' });
  const viaUndici = name === 'undici' ? undici!(dispatcher) : undefined;
  if (viaUndici) return { name, send: viaUndici };
  // undici is a dependency, but a Node app bundled into one file may ship without it: the default falls back to fetch.
  if (name === 'undici' && transport === 'undici') throw new Error("transport 'undici': the undici package cannot be loaded");
  return { name: 'fetch', send: createFetchSend(fetch) };
}
