import type { SandboxCore } from '../pipeline.js';
import { faultLabel, resolveFaultRule } from '../rules/fault-rules.js';
import { checkSignature } from '../rules/signature.js';
import { type IncomingRequest, type Outcome } from './wire.js';

// The control path: what a test in another language (Go, Java, curl) needs to steer a sandbox it reaches over HTTP —
// faults at run time, a reset, the request log. Only the sandbox's own AppKey, rightly signed, may call it; the
// answers are envelopes like the API's (`{code, msg, data}`), and the calls are not logged as requests.

/**
 * The prefix of every control path. No path of the API starts with it.
 * @example
 * ```ts
 * if (url.pathname.startsWith(controlPrefix)) return control(core, request, url);
 * ```
 */
export const controlPrefix = '/_sandbox/';

const faultsPath = '/_sandbox/faults';
const maxControlBody = 64 * 1024;
const json = (code: number, msg: string, data: unknown = {}): Outcome => ({
  kind: 'response',
  status: 200,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: JSON.stringify({ code, msg, data }),
});
const notFound = () =>
  json(
    404,
    'no such control path: POST|GET|DELETE /_sandbox/faults, DELETE /_sandbox/faults/{id}, POST /_sandbox/reset, GET /_sandbox/requests',
  );
const ruleJson = (rule: { readonly times: number; readonly probability: number | undefined }) => ({
  ...rule,
  // JSON has no Infinity: a rule without an end says so with null.
  times: Number.isFinite(rule.times) ? rule.times : null,
  probability: rule.probability ?? null,
});

/**
 * Answers one control request (signature first: anything but the sandbox's own AppKey, rightly signed, is 403):
 * - `POST /_sandbox/faults` with a rule (the shape of `faults`, `kind` a business code as `{code, msg?}`,
 *   `times: null` for no end) or an array of them → `data.ids`; a rule that does not check is 414 with the problems;
 * - `GET /_sandbox/faults` → `data.faults`: the injected rules (`id`, `rule`, `hits`), the most recent first;
 * - `DELETE /_sandbox/faults/{id}` → 200, or 404 for an id not injected (any more); `DELETE /_sandbox/faults` → all;
 * - `POST /_sandbox/reset` → the state, log, rate limit and faults start over;
 * - `GET /_sandbox/requests?operation=&limit=` → `data.requests`: the most recent records (default 100).
 * @example
 * ```ts
 * if (url.pathname.startsWith(controlPrefix)) return control(core, request, url);
 * ```
 */
export async function control(core: SandboxCore, request: IncomingRequest, url: URL): Promise<Outcome> {
  const { settings } = core;
  const { verdict } = checkSignature(
    request.header,
    (key) => (key === settings.appKey ? settings.appSecret : undefined),
    Date.now(),
  );
  if (verdict !== 'valid')
    return json(403, `authentication failed (${verdict}): the control path takes the sandbox's own AppKey, signed`);
  const method = request.method.toUpperCase();
  const path = url.pathname.replace(/\/+$/, '');

  if (path === faultsPath && method === 'POST') {
    const read = await request.readBody(maxControlBody);
    if (!('text' in read))
      return json(414, `parameter error: the body must be UTF-8 JSON of at most ${maxControlBody} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(read.text);
    } catch {
      return json(414, 'parameter error: the body is not JSON');
    }
    // JSON has no Infinity: `"times": null` is a rule without an end (as GET /_sandbox/faults shows one).
    const endless = (rule: unknown) =>
      typeof rule === 'object' && rule !== null && (rule as { times?: unknown }).times === null
        ? { ...rule, times: Infinity }
        : rule;
    const list = (Array.isArray(body) ? body : [body]).map(endless);
    const issues: string[] = [];
    const rules = list.map((rule, i) => resolveFaultRule(issues, rule, Array.isArray(body) ? `rule[${i}]` : 'rule'));
    if (issues.length > 0 || list.length === 0)
      return json(414, `parameter error: ${issues.join('; ') || 'no rule given'}`);
    const ids = rules.map((rule) => core.injectResolved(rule!).id);
    return json(200, 'success', { ids });
  }
  if (path === faultsPath && method === 'GET') {
    return json(200, 'success', {
      faults: core
        .injectedFaults()
        .map(({ id, rule, hits }) => ({ id, label: faultLabel(rule.kind), rule: ruleJson(rule), hits })),
    });
  }
  if (path === faultsPath && method === 'DELETE') return json(200, 'success', { removed: core.clearInjected() });
  if (path.startsWith(`${faultsPath}/`) && method === 'DELETE') {
    const id = Number(path.slice(faultsPath.length + 1));
    return Number.isSafeInteger(id) && core.removeFault(id)
      ? json(200, 'success')
      : json(404, 'no injected fault with this id');
  }
  if (path === '/_sandbox/reset' && method === 'POST') {
    core.reset();
    return json(200, 'success');
  }
  if (path === '/_sandbox/requests' && method === 'GET') {
    const operation = url.searchParams.get('operation');
    const limitText = url.searchParams.get('limit') ?? '100';
    const limit = /^[0-9]{1,5}$/.test(limitText) ? Math.min(Number(limitText), 10_000) : 100;
    const records = core.log.records.filter((r) => !operation || r.operation === operation);
    return json(200, 'success', {
      requests:
        limit === 0
          ? []
          : records
              .slice(-limit)
              .map((r) => ({ ...r, fault: r.fault === undefined ? undefined : faultLabel(r.fault) })),
    });
  }
  return notFound();
}
