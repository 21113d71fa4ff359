import type { NimClientOptions, NimDispatcher, NimTransport } from '../config/options.js';
import { checkTransport, type TransportChoice } from '../config/transport-option.js';
import { NimValidationError, type NimValidationIssue } from '../errors/errors.js';
import { describe } from '../observability/describe.js';
import { createFetchSend, type Send } from './fetch.js';

/**
 * undici could not be loaded: what `require` threw.
 * @example
 * ```ts
 * const made = createUndiciSend(undefined);
 * if (typeof made !== 'function') console.error('no undici:', made.missing);
 * ```
 */
export interface UndiciMissing {
  readonly missing: unknown;
}

/**
 * Makes the undici transport, or says why undici cannot be loaded. Only the Node build has one; the build for edge
 * runtimes and browsers passes none.
 */
export type UndiciFactory = (dispatcher: NimDispatcher | undefined) => Send | UndiciMissing;

/** The transport a client sends with. */
export interface SelectedTransport {
  readonly name: NimTransport;
  readonly send: Send;
}

/** Opens the transport {@link checkTransport} chose. */
export function openTransport(
  name: NimTransport,
  choice: TransportChoice,
  undici: UndiciFactory | undefined,
): SelectedTransport {
  const viaUndici = name === 'undici' ? undici?.(choice.dispatcher as NimDispatcher | undefined) : undefined;
  if (typeof viaUndici === 'function') return { name, send: viaUndici };
  // undici is a dependency, but a Node app bundled into one file may ship without it: the default falls back to
  // fetch; asked for by name, it is a NimValidationError at creation (nothing was sent) with require's error as cause.
  if (name === 'undici' && choice.transport === 'undici') {
    const issue = {
      path: 'transport',
      message: "'undici' cannot be used: the undici package cannot be loaded (see cause)",
    };
    throw new NimValidationError([issue], { operationId: 'createNimClient', cause: viaUndici?.missing });
  }
  return {
    name: 'fetch',
    send: createFetchSend(choice.fetch as ((request: Request) => Promise<Response>) | undefined),
  };
}

/**
 * Checks and opens the transport in one step, throwing NimValidationError naming every conflict.
 *
 * @example
 * ```ts
 * selectTransport({ appKey, appSecret, fetch: myFetch }, undefined).name; // 'fetch'
 * ```
 */
export function selectTransport(options: NimClientOptions, undici: UndiciFactory | undefined): SelectedTransport {
  const issues: NimValidationIssue[] = [];
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    issues.push({ path: 'fetch', message: `must be a function (got ${describe(options.fetch)})` });
  const name = checkTransport(issues, options, undici !== undefined);
  if (issues.length) throw new NimValidationError(issues, { operationId: 'createNimClient' });
  return openTransport(name, options, undici);
}
