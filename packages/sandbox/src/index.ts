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
export { createSandbox, type FaultHandle, type Sandbox } from './sandbox.js';
export type { RequestMatch, WaitForRequestOptions } from './inspection.js';
export type {
  BusinessCodeFault,
  FaultKind,
  FaultRule,
  SandboxDiscovery,
  SandboxLimits,
  SandboxOperation,
  SandboxOptions,
  SandboxRateLimit,
  SeedAccount,
  SeedConversation,
  SeedGroup,
  UnconfirmedBehaviour,
} from './options.js';
export { NimSandboxOptionsError } from './errors.js';
export type { SandboxDispatcher, SandboxDispatchHandler, SandboxDispatchOptions } from './front/dispatcher.js';
export type { SandboxFetch } from './front/fetch.js';
export type { ListenOptions, SandboxServer } from './front/http-server.js';
export type { SandboxRequestRecord } from './front/request-log.js';
export type { SignatureVerdict } from './rules/signature.js';
export type { SandboxSnapshot, SnapshotConversation, SnapshotGroup } from './state/app-state.js';
