/**
 * `@nim-api/sandbox`: a stateful, in-memory NetEase Yunxin IM server API v2 (conversation groups and conversations), made from the same
 * OpenAPI spec as `@nim-api/client`, to test your own code against — in process (`sandbox.fetch`, `sandbox.dispatcher`) or over HTTP
 * (`sandbox.listen()`, the `nim-sandbox` CLI).
 *
 * @example
 * ```ts
 * import { createSandbox } from '@nim-api/sandbox';
 *
 * const sandbox = createSandbox({ accounts: ['alice'] });
 * const response = await sandbox.fetch('http://sandbox/health/liveness.action');
 * ```
 *
 * @packageDocumentation
 */
export { createSandbox } from './create.node.js';
export * from './public.js';
