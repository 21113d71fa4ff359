import { control, controlPrefix } from './front/control.js';
import { allocate, allocatePath, health, healthPath } from './front/discovery.js';
import { recordedBody, recordedQuery } from './front/recorded.js';
import {
  createRequestLog,
  recordedBodyMaxBytes,
  type RequestLog,
  type SandboxRequestRecord,
} from './front/request-log.js';
import { type BodyRead, gatewayPage, type IncomingRequest, jsonWithExactIds, type Outcome } from './front/wire.js';
import { handlers } from './handlers/index.js';
import type { FaultKind, SandboxOperation } from './options.js';
import type { ResolvedFault } from './rules/fault-rules.js';
import { type ChosenFault, createFaultPlan, type FaultPlan, type InjectedFault } from './rules/faults.js';
import { createRandom, type Random } from './rules/random.js';
import { createRateLimiter, type RateLimiter } from './rules/rate-limit.js';
import { validateRequest } from './rules/schema-validation.js';
import { checkSignature, type SignatureVerdict } from './rules/signature.js';
import { StateCapReached } from './rules/state-caps.js';
import { illFormedPath, percentDecodesToUtf8 } from './rules/well-formed.js';
import type { SandboxSettings } from './settings.js';
import { messageOf } from './spec/spec.js';
import { route } from './spec/routes.js';
import { type AppState, createAppState } from './state/app-state.js';

/**
 * The sandbox behind its fronts: state, rules and handlers, and the order they run in.
 * @example
 * ```ts
 * const core: SandboxCore = createCore(resolveSettings({}));
 * const outcome = await core.handle(incoming);
 * ```
 */
export interface SandboxCore {
  readonly settings: SandboxSettings;
  readonly log: RequestLog;
  /** The app's current state (replaced by `reset`). */
  app(): AppState;
  /**
   * Answers one request: route → faults → signature → rate limit → UTF-8 → body (read only now) → schema → handler.
   * A control path (`/_sandbox/…`) goes to the control front instead and is not logged.
   */
  handle(request: IncomingRequest): Promise<Outcome>;
  /** Back to the seeded state; log, rate limit, fault counts and the random stream start over; injected rules go. */
  reset(): void;
  /** Adds a checked rule in front of the others (until `reset()`); the handle reads its hits and takes it out. */
  injectResolved(rule: ResolvedFault): CoreFaultHandle;
  /** The injected rules still in force, the most recent first. */
  injectedFaults(): InjectedFault[];
  /** Takes the injected rule `id` out; `false` when there is none (any more). */
  removeFault(id: number): boolean;
  /** Takes every injected rule out; returns how many there were. */
  clearInjected(): number;
}

/**
 * An injected rule as the core hands it out.
 * @example
 * ```ts
 * const handle: CoreFaultHandle = core.injectResolved(rule);
 * handle.remove();
 * ```
 */
export interface CoreFaultHandle {
  readonly id: number;
  /** Requests it has hit so far (also after it was taken out). */
  readonly hits: number;
  remove(): void;
}

/**
 * The origin of a sandbox reached in process (`sandbox.fetch`, `sandbox.dispatcher`): a `.invalid` name never
 * resolves, so a client given it as `baseUrl` without the sandbox fails at once instead of calling a real host.
 * @example
 * ```ts
 * const nim = createNimClient({ appKey, appSecret, baseUrl: inProcessOrigin, fetch: sandbox.fetch });
 * ```
 */
export const inProcessOrigin = 'https://sandbox.invalid';

const traceIdHeader = 'X-custom-traceid';
const requestLogCapacity = 10_000;
const envelopeHeaders = { 'content-type': 'application/json;charset=utf-8' };

/** What reset() replaces: the state and every rule's counters, drawn from one random stream. */
interface World {
  readonly random: Random;
  readonly app: AppState;
  readonly faults: FaultPlan;
  readonly rateLimiter: RateLimiter;
}

interface Trail {
  body: unknown;
  bodyBytes: number;
  operation: SandboxOperation | undefined;
  account: string | undefined;
  traceId: string | undefined;
  signature: SignatureVerdict;
  code: number | undefined;
  fault: FaultKind | undefined;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function faultOutcome(kind: Exclude<FaultKind, 416 | { readonly code: number }>): Outcome {
  if (kind === 'reset') return { kind: 'reset' };
  if (kind === 'hang') return { kind: 'hang' };
  if (kind === 'malformed-json') {
    return {
      kind: 'response',
      status: 200,
      headers: envelopeHeaders,
      body: '{"code":200,"msg":"success","data":{"conversation_gr',
    };
  }
  return gatewayPage(kind as number);
}

function traceIdOf(request: IncomingRequest, random: Random): string {
  const given = request.header(traceIdHeader);
  return given && given.length <= 128 ? given : random.hex(32);
}

function accountField(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 64) : undefined;
}

/**
 * Creates the core from checked settings.
 * @example
 * ```ts
 * const core = createCore(resolveSettings({ seed: 1 }));
 * const outcome = await core.handle(incoming);
 * ```
 */
export function createCore(settings: SandboxSettings, onRecord?: (record: SandboxRequestRecord) => void): SandboxCore {
  const log = createRequestLog(requestLogCapacity, onRecord);
  const secretOf = (appKey: string) => (appKey === settings.appKey ? settings.appSecret : undefined);

  // Seeded groups without times get the creation time of the sandbox, also after a reset.
  const createdAt = Date.now();
  const start = (): World => {
    const random = createRandom(settings.seed);
    return {
      random,
      app: createAppState(settings, random, createdAt),
      faults: createFaultPlan(settings.faults, random),
      rateLimiter: createRateLimiter(settings.rateLimit),
    };
  };
  let current = start();

  const envelope = (
    trail: Trail,
    code: number,
    data: unknown = {},
    detail?: string,
    message = messageOf(code),
  ): Outcome => {
    trail.code = code;
    const msg = detail ? `${message}: ${detail}` : message;
    const headers = trail.traceId ? { ...envelopeHeaders, [traceIdHeader]: trail.traceId } : envelopeHeaders;
    return { kind: 'response', status: 200, headers, body: jsonWithExactIds({ code, msg, data }) };
  };

  async function answer(request: IncomingRequest, url: URL, trail: Trail, world: World): Promise<Outcome> {
    const { random, app, faults, rateLimiter } = world;
    const { pathname } = url;
    const method = request.method.toUpperCase();
    let operationId: SandboxOperation;
    let match: Extract<ReturnType<typeof route>, { kind: 'operation' }> | undefined;
    if (pathname === healthPath || pathname === allocatePath) {
      if (method !== 'GET') return gatewayPage(405, { allow: 'GET' });
      operationId = pathname === healthPath ? 'health' : 'allocate';
    } else {
      const routed = route(method, pathname);
      // Not the API's business: a gateway answers a path or method it does not route (see README).
      if (routed.kind === 'not-found') return gatewayPage(404);
      if (routed.kind === 'method-not-allowed') return gatewayPage(405, { allow: routed.allowed.join(', ') });
      match = routed;
      operationId = routed.operation.operationId;
    }
    trail.operation = operationId;

    const chosen: ChosenFault[] = faults.choose(operationId);
    for (const fault of chosen) {
      trail.fault = fault.kind;
      if (fault.kind === 'latency') await delay(fault.ms, request.signal);
      // 416 as the rate limit answers it; a business code in its envelope; both with HTTP 200 and a trace id.
      else if (fault.kind === 416 || typeof fault.kind === 'object') {
        const code = fault.kind === 416 ? 416 : fault.kind.code;
        trail.traceId = traceIdOf(request, random);
        return envelope(
          trail,
          code,
          {},
          undefined,
          typeof fault.kind === 'object' ? (fault.kind.msg ?? messageOf(code)) : messageOf(code),
        );
      } else return faultOutcome(fault.kind);
    }
    if (operationId === 'health') return health();
    if (operationId === 'allocate') {
      // Over HTTP, the sandbox's own origin. In process (sandbox.fetch, sandbox.dispatcher, or behind MSW/nock), the
      // origin the caller addressed: its next requests go the same in-process way, so a mocked production host stays
      // mocked, and a client's endpoint vetting (https, the vendor's domains) sees the host it asked.
      const endpoints = settings.discovery.endpoints ?? [request.origin ?? url.origin];
      return allocate(url.searchParams, endpoints, settings.discovery.ttl, (key) => secretOf(key) !== undefined);
    }
    const { operation, pathParams } = match!;

    trail.traceId = traceIdOf(request, random);
    trail.account = accountField(url.searchParams.get('account_id') ?? undefined);

    // Headers only, before a byte of the body is read: an unsigned or throttled caller costs no memory.
    const now = Date.now();
    const { verdict } = checkSignature(request.header, secretOf, now);
    trail.signature = verdict;
    if (verdict !== 'valid') return envelope(trail, 403);
    if (!rateLimiter.admit(operation.operationId, now)) return envelope(trail, 416);
    // What the real API refuses as text: %-escapes that are not UTF-8 (a lone surrogate cannot come any other way).
    if (!percentDecodesToUtf8(url.search)) return envelope(trail, 414, {}, 'the query is not UTF-8');
    if (!percentDecodesToUtf8(url.pathname)) return envelope(trail, 414, {}, 'the path is not UTF-8');

    let body: unknown;
    if (operation.requestBody) {
      const read: BodyRead = await request.readBody(settings.limits.maxBodyBytes);
      if ('tooLarge' in read)
        return envelope(trail, 414, {}, `the body is larger than ${settings.limits.maxBodyBytes} bytes`);
      if ('notUtf8' in read) return envelope(trail, 414, {}, 'the body is not UTF-8');
      if (read.text.trim() !== '') {
        try {
          body = JSON.parse(read.text);
        } catch {
          return envelope(trail, 414, {}, 'the body is not JSON');
        }
        if (read.text.length <= recordedBodyMaxBytes) {
          trail.body = recordedBody(body, settings.appSecret);
          trail.bodyBytes = read.text.length;
        }
        if (typeof body === 'object' && body !== null)
          trail.account = accountField((body as { account_id?: unknown }).account_id);
        const illFormed = illFormedPath(body);
        if (illFormed !== undefined)
          return envelope(trail, 414, {}, `${illFormed} holds a lone surrogate (not Unicode text)`);
      }
    }
    const checked = validateRequest(operation, {
      pathParams,
      query: url.searchParams,
      header: request.header,
      body,
    });
    if (!checked.ok) return envelope(trail, 414, {}, checked.problem);

    let result;
    try {
      result = handlers[operation.operationId]({ app, settings, params: checked.params, body: checked.body, now });
    } catch (error) {
      // A state cap is reached before anything changed: the caller gets a clear answer, the process stays small.
      if (error instanceof StateCapReached) return envelope(trail, 500, {}, error.message);
      throw error;
    }
    return envelope(trail, result.code, result.code === 200 ? result.data : {}, result.detail);
  }

  const core: SandboxCore = {
    settings,
    log,
    app: () => current.app,
    async handle(request) {
      if (request.url.pathname.startsWith(controlPrefix)) return control(core, request, request.url);
      const at = Date.now();
      // A request runs in the world it arrived in: after a reset() it still gets an answer, but what it changes is
      // the discarded state, and it is left out of the fresh log.
      const world = current;
      const trail: Trail = {
        body: undefined,
        bodyBytes: 0,
        operation: undefined,
        account: undefined,
        traceId: undefined,
        signature: 'unchecked',
        code: undefined,
        fault: undefined,
      };
      const { url } = request;
      const record = (status: number | undefined): SandboxRequestRecord =>
        Object.freeze({
          at,
          method: request.method,
          path: url.pathname,
          query: recordedQuery(url.searchParams, settings.appSecret),
          body: trail.body,
          operation: trail.operation,
          account: trail.account,
          traceId: trail.traceId,
          signature: trail.signature,
          code: trail.code,
          status,
          fault: trail.fault,
        });
      try {
        const outcome = await answer(request, url, trail, world);
        if (world === current)
          log.add(record(outcome.kind === 'response' ? outcome.status : undefined), trail.bodyBytes);
        return outcome;
      } catch (error) {
        // The caller aborted during a latency fault: logged too, it is part of what happened.
        if (world === current) log.add(record(undefined), trail.bodyBytes);
        throw error;
      }
    },
    reset() {
      log.clear();
      current = start();
    },
    injectResolved(rule) {
      const { faults } = current;
      const id = faults.inject(rule);
      let lastHits = 0;
      return {
        id,
        get hits() {
          lastHits = faults.hits(id) ?? lastHits;
          return lastHits;
        },
        remove() {
          lastHits = faults.hits(id) ?? lastHits;
          faults.remove(id);
        },
      };
    },
    injectedFaults: () => current.faults.injected(),
    removeFault: (id) => current.faults.remove(id),
    clearInjected: () => current.faults.clearInjected(),
  };
  return core;
}
