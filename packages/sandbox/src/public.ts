// What both entries export besides `createSandbox`: `index.ts` (Node, Bun, Deno) and `portable.ts` (workerd, edge,
// browsers).
export type { FaultHandle, Sandbox } from './sandbox.js';
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
export { NimSandboxOptionsError, NimSandboxUnsupportedError } from './errors.js';
export { detectRuntime } from './runtime.js';
export type { SandboxDispatcher, SandboxDispatchHandler, SandboxDispatchOptions } from './front/dispatcher.js';
export type { SandboxFetch } from './front/fetch.js';
export type { ListenOptions, SandboxServer } from './front/http-server.js';
export type { SandboxRequestRecord } from './front/request-log.js';
export type { SignatureVerdict } from './rules/signature.js';
export type { SandboxSnapshot, SnapshotConversation, SnapshotGroup } from './state/app-state.js';
