import { createSandboxDispatcher } from './front/dispatcher.js';
import { listenHttp } from './front/http-server.js';
import type { SandboxOptions } from './options.js';
import { createSandboxWith, type Sandbox, type SandboxFronts } from './sandbox.js';

/**
 * The Node fronts: `sandbox.listen()` on `node:http`, `sandbox.dispatcher` for undici (Node, Bun and Deno).
 * @example
 * ```ts
 * const sandbox = createSandboxWith({}, {}, nodeFronts);
 * ```
 */
export const nodeFronts: SandboxFronts = { listen: listenHttp, dispatcher: createSandboxDispatcher };

/**
 * Creates a sandbox: a second, independent implementation of `openapi/conversation-groups.yaml` that keeps state
 * in memory and follows the API's documented rules, codes and limits. Options are checked first
 * (`NimSandboxOptionsError` lists every problem). This is the build for Node, Bun and Deno (the `node` export
 * condition): in process (`sandbox.fetch`, `sandbox.dispatcher`) and over HTTP (`sandbox.listen()`).
 * @example
 * ```ts
 * import { createSandbox } from '@nim-api/sandbox';
 *
 * const sandbox = createSandbox({ accounts: ['alice'], limits: { groupsPerAccount: 3 } });
 * const server = await sandbox.listen();        // or use sandbox.fetch in process
 * console.log(server.url, sandbox.appKey);
 * await server.close();
 * ```
 */
export function createSandbox(options?: SandboxOptions): Sandbox {
  return createSandboxWith(options, {}, nodeFronts);
}
