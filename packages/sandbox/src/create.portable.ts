import { NimSandboxUnsupportedError } from './errors.js';
import type { SandboxDispatcher } from './front/dispatcher.js';
import type { SandboxOptions } from './options.js';
import { detectRuntime } from './runtime.js';
import { createSandboxWith, type Sandbox, type SandboxFronts } from './sandbox.js';

const instead = 'Use sandbox.fetch (in process) here, or run the sandbox under Node and call it over HTTP.';

/**
 * The fronts off Node: each says, in a {@link NimSandboxUnsupportedError} naming the runtime, that it needs Node.
 * @example
 * ```ts
 * const sandbox = createSandboxWith({}, {}, portableFronts);
 * ```
 */
export const portableFronts: SandboxFronts = {
  listen: async () => {
    throw new NimSandboxUnsupportedError('sandbox.listen()', detectRuntime(), instead);
  },
  dispatcher: (): SandboxDispatcher => {
    const refuse = (): never => {
      throw new NimSandboxUnsupportedError('sandbox.dispatcher', detectRuntime(), instead);
    };
    return { dispatch: refuse, close: async () => {}, destroy: async () => {} };
  },
};

/**
 * Creates a sandbox: a second, independent implementation of `openapi/conversation-groups.yaml` that keeps state
 * in memory and follows the API's documented rules, codes and limits. This is the build for runtimes without Node's
 * `http` (Cloudflare's workerd, Vercel's edge runtime, browsers; the default export condition): `sandbox.fetch`
 * serves in process, while `listen()` and `dispatcher` throw {@link NimSandboxUnsupportedError} naming the runtime.
 * @example
 * ```ts
 * import { createSandbox } from '@nim-api/sandbox';
 *
 * export default {
 *   async fetch() {
 *     const sandbox = createSandbox({ accounts: ['alice'] });
 *     const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
 *     return Response.json(await nim.conversationGroups.list({ account_id: 'alice' }));
 *   },
 * };
 * ```
 */
export function createSandbox(options?: SandboxOptions): Sandbox {
  return createSandboxWith(options, {}, portableFronts);
}
