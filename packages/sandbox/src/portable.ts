/**
 * `@nim-api/sandbox` for runtimes without Node's `http` module — Cloudflare's workerd, Vercel's edge runtime,
 * browsers (the default export condition; Node, Bun and Deno get the full build through the `node` condition):
 * the same sandbox in process through `sandbox.fetch`, nothing compiled at run time, no Node built-in imported.
 * `sandbox.listen()` and `sandbox.dispatcher` throw `NimSandboxUnsupportedError` naming the runtime.
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
export { createSandbox } from './create.portable.js';
export * from './public.js';
