import { allocate, allocatePath, health, healthPath } from './front/discovery.js';
import { createRequestLog, type RequestLog, type SandboxRequestRecord } from './front/request-log.js';
import { type BodyRead, gatewayPage, type IncomingRequest, jsonWithExactIds, type Outcome } from './front/wire.js';
import { handlers } from './handlers/index.js';
import type { FaultKind, SandboxOperation } from './options.js';
import { type ChosenFault, createFaultPlan, type FaultPlan } from './rules/faults.js';
import { createRandom, type Random } from './rules/random.js';
import { createRateLimiter, type RateLimiter } from './rules/rate-limit.js';
import { validateRequest } from './rules/schema-validation.js';
import { checkSignature, type SignatureVerdict } from './rules/signature.js';
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
  /** Answers one request: route → faults → signature → rate limit → schema → handler. */
  handle(request: IncomingRequest): Promise<Outcome>;
  /** Back to the seeded state; log, rate limit, fault counts and the random stream start over. */
  reset(): void;
}

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

function faultOutcome(kind: FaultKind): Outcome {
  if (kind === 'reset') return { kind: 'reset' };
  if (kind === 'hang') return { kind: 'hang' };
  if (kind === 'malformed-json') {
    return { kind: 'response', status: 200, headers: envelopeHeaders, body: '{"code":200,"msg":"success","data":{"conversation_gr' };
  }
  return gatewayPage(kind as number);
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
    return { random, app: createAppState(settings, random, createdAt), faults: createFaultPlan(settings.faults, random), rateLimiter: createRateLimiter(settings.rateLimit) };
  };
  let current = start();

  const envelope = (trail: Trail, code: number, data: unknown = {}, detail?: string): Outcome => {
    trail.code = code;
    const msg = detail ? `${messageOf(code)}: ${detail}` : messageOf(code);
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
      else return faultOutcome(fault.kind);
    }
    if (operationId === 'health') return health();
    if (operationId === 'allocate') {
      const endpoints = settings.discovery.endpoints ?? [url.origin];
      return allocate(url.searchParams, endpoints, settings.discovery.ttl, (key) => secretOf(key) !== undefined);
    }
    const { operation, pathParams } = match!;

    const givenTraceId = request.header(traceIdHeader);
    trail.traceId = givenTraceId && givenTraceId.length <= 128 ? givenTraceId : random.hex(32);
    trail.account = accountField(url.searchParams.get('account_id') ?? undefined);
    const read: BodyRead | undefined = operation.requestBody ? await request.readBody(settings.limits.maxBodyBytes) : undefined;

    const now = Date.now();
    const { verdict } = checkSignature(request.header, secretOf, now);
    trail.signature = verdict;
    if (verdict !== 'valid') return envelope(trail, 403);
    if (!rateLimiter.admit(operation.operationId, now)) return envelope(trail, 416);

    let body: unknown;
    if (read) {
      if ('tooLarge' in read) return envelope(trail, 414, {}, `the body is larger than ${settings.limits.maxBodyBytes} bytes`);
      if (read.text.trim() !== '') {
        try {
          body = JSON.parse(read.text);
        } catch {
          return envelope(trail, 414, {}, 'the body is not JSON');
        }
        if (typeof body === 'object' && body !== null) trail.account = accountField((body as { account_id?: unknown }).account_id);
      }
    }
    const checked = validateRequest(operation, {
      pathParams,
      query: url.searchParams,
      header: request.header,
      body,
    });
    if (!checked.ok) return envelope(trail, 414, {}, checked.problem);

    const result = handlers[operation.operationId]({ app, settings, params: checked.params, body: checked.body, now });
    return envelope(trail, result.code, result.code === 200 ? result.data : {}, result.detail);
  }

  return {
    settings,
    log,
    app: () => current.app,
    async handle(request) {
      const at = Date.now();
      // A request runs in the world it arrived in: after a reset() it still gets an answer, but what it changes is
      // the discarded state, and it is left out of the fresh log.
      const world = current;
      const trail: Trail = { operation: undefined, account: undefined, traceId: undefined, signature: 'unchecked', code: undefined, fault: undefined };
      const { url } = request;
      const record = (status: number | undefined): SandboxRequestRecord =>
        Object.freeze({ at, method: request.method, path: url.pathname, ...trail, status });
      try {
        const outcome = await answer(request, url, trail, world);
        if (world === current) log.add(record(outcome.kind === 'response' ? outcome.status : undefined));
        return outcome;
      } catch (error) {
        // The caller aborted during a latency fault: logged too, it is part of what happened.
        if (world === current) log.add(record(undefined));
        throw error;
      }
    },
    reset() {
      log.clear();
      current = start();
    },
  };
}
