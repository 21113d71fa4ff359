import type { SandboxDispatcher } from './front/dispatcher.js';
import { createSandboxFetch, type SandboxFetch } from './front/fetch.js';
import type { ListenOptions, SandboxServer } from './front/http-server.js';
import type { SandboxRequestRecord } from './front/request-log.js';
import type { SandboxOptions } from './options.js';
import { createCore, type SandboxCore } from './pipeline.js';
import { resolveSettings } from './settings.js';
import { type SandboxSnapshot, snapshotOf } from './state/app-state.js';

/**
 * A stateful, in-memory Yunxin conversation-groups API (see `createSandbox`).
 * @example
 * ```ts
 * const sandbox: Sandbox = createSandbox();
 * const nim = createNimClient({ appKey: sandbox.appKey, appSecret: sandbox.appSecret, fetch: sandbox.fetch });
 * ```
 */
export interface Sandbox {
  /** The AppKey a client signs with. */
  readonly appKey: string;
  /** The AppSecret a client signs with (not enumerable: left out of `JSON.stringify` and `console.log`). */
  readonly appSecret: string;
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
  /** Back to the state it was created with: seeded accounts and groups, empty log, fresh rate limit and faults. */
  reset(): void;
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
export function createSandboxWith(options: SandboxOptions | undefined, internals: SandboxInternals, fronts: SandboxFronts): Sandbox {
  const settings = resolveSettings(options);
  const core = createCore(settings, internals.onRecord);
  const sandbox = {
    appKey: settings.appKey,
    fetch: createSandboxFetch(core),
    dispatcher: fronts.dispatcher(core),
    listen: (listenOptions?: ListenOptions) => fronts.listen(core, listenOptions),
    get requests(): readonly SandboxRequestRecord[] {
      return core.log.records;
    },
    snapshot: () => snapshotOf(core.app()),
    reset: () => core.reset(),
  };
  Object.defineProperty(sandbox, 'appSecret', { value: settings.appSecret, enumerable: false });
  return sandbox as Sandbox;
}
