import type { SandboxDispatcher } from './front/dispatcher.js';
import { createSandboxFetch, type SandboxFetch } from './front/fetch.js';
import type { ListenOptions, SandboxServer } from './front/http-server.js';
import type { SandboxRequestRecord } from './front/request-log.js';
import { NimSandboxOptionsError, readingOptions } from './errors.js';
import { findRequests, type RequestMatch, waitForRequest, type WaitForRequestOptions } from './inspection.js';
import type { FaultRule, SandboxOptions } from './options.js';
import { createCore, inProcessOrigin, type SandboxCore } from './pipeline.js';
import { resolveFaultRule } from './rules/fault-rules.js';
import { resolveSettings } from './settings.js';
import { type SandboxSnapshot, snapshotOf } from './state/app-state.js';

/**
 * A stateful, in-memory Yunxin conversation-groups API (see `createSandbox`).
 * @example
 * ```ts
 * const sandbox: Sandbox = createSandbox();
 * const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * ```
 */
export interface Sandbox {
  /** The AppKey a client signs with. */
  readonly appKey: string;
  /** The AppSecret a client signs with (not enumerable: left out of `JSON.stringify` and `console.log`). */
  readonly appSecret: string;
  /**
   * The sandbox's origin in process, `'https://sandbox.invalid'`: give it to the client as `baseUrl` with
   * `sandbox.fetch` or `sandbox.dispatcher`, so that its errors name the sandbox (`GET https://sandbox.invalid`)
   * rather than the client's default production host. `.invalid` never resolves: a client given it without the
   * sandbox fails at once. Over HTTP, use the `url` of `listen()` instead.
   */
  readonly baseUrl: string;
  /** The sandbox as a `fetch`, in process, no sockets. */
  readonly fetch: SandboxFetch;
  /**
   * The sandbox as an undici `Dispatcher`, in process, no sockets: for a client on the undici transport (the
   * default on Node), and faster than `fetch` (no WHATWG `Request`/`Response` per call). Pass `discovery: false`
   * (or a `baseUrl`) with it: every origin reaches the sandbox.
   */
  readonly dispatcher: SandboxDispatcher;
  /** Serves the same sandbox over HTTP (127.0.0.1 and a free port by default). */
  listen(options?: ListenOptions): Promise<SandboxServer>;
  /**
   * Every request so far, oldest first (the most recent 10,000 at least): a frozen copy of the log with frozen
   * records, the same array until another request is logged or `reset()` clears it.
   */
  readonly requests: readonly SandboxRequestRecord[];
  /** The state as a plain, JSON-safe object (group ids as strings, no secrets). */
  snapshot(): SandboxSnapshot;
  /**
   * Back to the state it was created with: seeded accounts and groups, empty log, fresh rate limit and faults;
   * rules added with `inject` are gone.
   */
  reset(): void;
  /**
   * Adds a fault rule at run time (a per-test override), in front of every other rule, until `remove()` or
   * `reset()`. The rule has the shape of the `faults` option and is checked the same way (a
   * `NimSandboxOptionsError` lists its problems).
   * @example
   * ```ts
   * const fault = sandbox.inject({ operation: 'createConversationGroup', kind: 416, times: 2 });
   * // … the next two creates answer {code: 416} …
   * fault.remove();
   * ```
   */
  inject(rule: FaultRule): FaultHandle;
  /** The logged requests that match (an operation, or a test of a record), oldest first. */
  findRequests(match: RequestMatch): SandboxRequestRecord[];
  /**
   * The first logged request that matches, or the next one to be logged (requests are logged once answered);
   * rejects after `timeoutMs` (default 5000; its timer runs on vitest's fake clock when timers are faked).
   */
  waitForRequest(match: RequestMatch, options?: WaitForRequestOptions): Promise<SandboxRequestRecord>;
}

/**
 * A rule added with `sandbox.inject`.
 * @example
 * ```ts
 * const fault: FaultHandle = sandbox.inject({ operation: '*', kind: { code: 500 } });
 * await callTheService();
 * expect(fault.hits).toBe(1);
 * fault.remove();
 * ```
 */
export interface FaultHandle {
  /** Its id (the one the HTTP control path lists). */
  readonly id: number;
  /** Requests it has hit so far. */
  readonly hits: number;
  /** Takes it out (nothing happens when it is gone already, e.g. after `reset()`). */
  remove(): void;
}

/**
 * Hooks of the sandbox's own tools (the CLI), not part of the public options.
 * @example
 * ```ts
 * const internals: SandboxInternals = { onRecord: (record) => console.log(record.operation) };
 * ```
 */
export interface SandboxInternals {
  readonly onRecord?: (record: SandboxRequestRecord) => void;
}

/**
 * The fronts that need Node (its `http` module, undici's dispatcher interface): given by the Node entry
 * (`index.ts`), refused with a typed error naming the runtime by the portable one (`portable.ts`).
 * @example
 * ```ts
 * const fronts: SandboxFronts = { listen: listenHttp, dispatcher: createSandboxDispatcher };
 * ```
 */
export interface SandboxFronts {
  listen(core: SandboxCore, options: ListenOptions | undefined): Promise<SandboxServer>;
  dispatcher(core: SandboxCore): SandboxDispatcher;
}

/**
 * `createSandbox` with internal hooks (the CLI) and the fronts of the entry it was imported from.
 * @example
 * ```ts
 * const sandbox = createSandboxWith({}, { onRecord: (r) => console.log(r.operation, r.code) }, nodeFronts);
 * ```
 */
export function createSandboxWith(
  options: SandboxOptions | undefined,
  internals: SandboxInternals,
  fronts: SandboxFronts,
): Sandbox {
  const settings = resolveSettings(options);
  const core = createCore(settings, internals.onRecord);
  const sandbox = {
    appKey: settings.appKey,
    baseUrl: inProcessOrigin,
    fetch: createSandboxFetch(core),
    dispatcher: fronts.dispatcher(core),
    listen: (listenOptions?: ListenOptions) => fronts.listen(core, listenOptions),
    get requests(): readonly SandboxRequestRecord[] {
      return core.log.records;
    },
    snapshot: () => snapshotOf(core.app()),
    reset: () => core.reset(),
    inject(rule: FaultRule): FaultHandle {
      const resolved = readingOptions('the fault rule', () => {
        const issues: string[] = [];
        const checked = resolveFaultRule(issues, rule, 'rule');
        if (!checked) throw new NimSandboxOptionsError(issues);
        return checked;
      });
      return core.injectResolved(resolved);
    },
    findRequests: (match: RequestMatch) => findRequests(core.log, match),
    waitForRequest: (match: RequestMatch, waitOptions?: WaitForRequestOptions) =>
      waitForRequest(core.log, match, waitOptions),
  };
  Object.defineProperty(sandbox, 'appSecret', { value: settings.appSecret, enumerable: false });
  return sandbox as Sandbox;
}
