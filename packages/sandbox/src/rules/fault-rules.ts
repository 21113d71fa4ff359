import { quote } from '../errors.js';
import { integer, isRecord } from '../option-values.js';
import type { BusinessCodeFault, FaultKind, FaultRule, SandboxOperation } from '../options.js';
import { specOperations } from '../spec/spec.js';
import { isWellFormed } from './well-formed.js';

/**
 * A fault rule after checking, every default filled in.
 * @example
 * ```ts
 * const fault: ResolvedFault = { operation: '*', kind: 503, times: 1, after: 0, probability: undefined, ms: 100 };
 * ```
 */
export interface ResolvedFault {
  readonly operation: SandboxOperation | '*';
  readonly kind: FaultKind;
  readonly times: number;
  readonly after: number;
  readonly probability: number | undefined;
  readonly ms: number;
}

const namedKinds = new Set<unknown>(['latency', 'hang', 'reset', 416, 500, 502, 503, 504, 'malformed-json']);
const kindList = "'latency', 'hang', 'reset', 416, 500, 502, 503, 504, 'malformed-json' or { code, msg? }";
const operations = new Set<string>([...specOperations.map((o) => o.operationId), 'health', 'allocate', '*']);
const ruleFields = ['operation', 'kind', 'times', 'after', 'probability', 'ms'];
const maxMessageLength = 1024;

/** `{ code, msg? }`: any business code but 200 (a success is no fault), answered in an envelope with HTTP 200. */
function businessCode(issues: string[], value: Record<string, unknown>, where: string): BusinessCodeFault | undefined {
  const before = issues.length;
  for (const key of Object.keys(value))
    if (key !== 'code' && key !== 'msg')
      issues.push(`${where}.${key} is not a field of a business-code fault (code, msg)`);
  const { code, msg } = value;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 1 || code > 2 ** 31 - 1 || code === 200) {
    issues.push(`${where}.code must be an integer from 1 to 2147483647 other than 200, got ${quote(code)}`);
  }
  if (msg !== undefined && (typeof msg !== 'string' || msg.length > maxMessageLength || !isWellFormed(msg))) {
    issues.push(
      `${where}.msg must be a well-formed string of at most ${maxMessageLength} characters, got ${quote(msg)}`,
    );
  }
  if (issues.length > before) return undefined;
  return Object.freeze(msg === undefined ? { code: code as number } : { code: code as number, msg: msg as string });
}

/**
 * Checks one fault rule (of `faults`, `inject()`, the CLI or the control path) and fills in its defaults; the
 * problems go to `issues` (then the result is `undefined`).
 * @example
 * ```ts
 * const issues: string[] = [];
 * const rule = resolveFaultRule(issues, { operation: '*', kind: { code: 116435 } }, 'rule');
 * ```
 */
export function resolveFaultRule(issues: string[], value: unknown, where: string): ResolvedFault | undefined {
  const before = issues.length;
  if (!isRecord(value)) {
    issues.push(`${where} must be an object, got ${quote(value)}`);
    return undefined;
  }
  const f: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!ruleFields.includes(key)) issues.push(`${where}.${key} is not an option`);
    else f[key] = value[key];
  }
  if (typeof f.operation !== 'string' || !operations.has(f.operation))
    issues.push(`${where}.operation must be an operationId, 'health', 'allocate' or '*', got ${quote(f.operation)}`);
  let kind: FaultKind | undefined;
  if (namedKinds.has(f.kind)) kind = f.kind as FaultKind;
  else if (isRecord(f.kind)) kind = businessCode(issues, f.kind, `${where}.kind`);
  else issues.push(`${where}.kind must be ${kindList}, got ${quote(f.kind)}`);
  let probability: number | undefined;
  if (f.probability !== undefined) {
    if (typeof f.probability !== 'number' || !(f.probability > 0 && f.probability <= 1))
      issues.push(`${where}.probability must be a number in (0, 1], got ${quote(f.probability)}`);
    else probability = f.probability;
  }
  // `ms` is the wait of a latency fault; on another kind it would do nothing, so it is a mistake.
  if (f.ms !== undefined && kind !== undefined && kind !== 'latency')
    issues.push(
      `${where}.ms only applies to kind 'latency', got kind ${typeof kind === 'object' ? 'a business code' : quote(kind)}`,
    );
  let times = probability === undefined ? 1 : Infinity;
  if (f.times !== undefined) {
    if (f.times === Infinity) times = Infinity;
    else times = integer(issues, f.times, `${where}.times`, times, 1);
  }
  const after = integer(issues, f.after, `${where}.after`, 0, 0);
  const ms = integer(issues, f.ms, `${where}.ms`, 100, 0, 600_000);
  if (issues.length > before || kind === undefined) return undefined;
  return Object.freeze({ operation: f.operation as SandboxOperation | '*', kind, times, after, probability, ms });
}

/**
 * Checks a list of fault rules (`faults`); the problems go to `issues`, each named by its index.
 * @example
 * ```ts
 * const rules = resolveFaultRules(issues, options.faults, 'faults');
 * ```
 */
export function resolveFaultRules(issues: string[], value: unknown, where: string): ResolvedFault[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(`${where} must be an array of rules, got ${quote(value)}`);
    return [];
  }
  const rules: ResolvedFault[] = [];
  for (let i = 0; i < value.length; i += 1) {
    if (!(i in value)) {
      issues.push(`${where}[${i}] is a hole`);
      continue;
    }
    const rule = resolveFaultRule(issues, value[i], `${where}[${i}]`);
    if (rule) rules.push(rule);
  }
  return rules;
}

/**
 * A fault kind as one word for log lines and messages: `503`, `latency`, `code=116435`.
 * @example
 * ```ts
 * faultLabel({ code: 116435 }); // 'code=116435'
 * ```
 */
export function faultLabel(kind: FaultKind): string {
  return typeof kind === 'object' ? `code=${kind.code}` : String(kind);
}

/**
 * Parses the CLI's short form of a rule, `operation:kind[:key=value…]`: kind is `latency`, `hang`, `reset`,
 * `malformed-json`, `416`, `500`, `502`, `503`, `504` or `code=N` (a business code); keys are `times`, `after`,
 * `probability`, `ms` and `msg` (last: the rest of the text, colons included, is the message). The result still
 * goes through {@link resolveFaultRule}.
 * @example
 * ```ts
 * parseFaultText('createConversationGroup:503:times=2'); // { operation: 'createConversationGroup', kind: 503, times: 2 }
 * parseFaultText('*:code=116435:msg=full');              // { operation: '*', kind: { code: 116435, msg: 'full' } }
 * ```
 */
export function parseFaultText(text: string): Record<string, unknown> {
  const msgAt = text.indexOf(':msg=');
  const head = msgAt >= 0 ? text.slice(0, msgAt) : text;
  const msg = msgAt >= 0 ? text.slice(msgAt + ':msg='.length) : undefined;
  const [operation, kindText = '', ...pairs] = head.split(':');
  // No prototype: a key named `__proto__` is an own field (refused by the check), not a prototype.
  const rule: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, { operation });
  const number = (value: string) =>
    /^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(value) ? Number(value) : value === 'Infinity' ? Infinity : value;
  if (kindText.startsWith('code='))
    rule.kind = { code: number(kindText.slice(5)), ...(msg !== undefined ? { msg } : {}) };
  else {
    rule.kind = /^[0-9]+$/.test(kindText) ? Number(kindText) : kindText;
    if (msg !== undefined) rule.msg = msg; // refused by the check: msg only goes with code=N
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    rule[key] = eq < 0 ? `(no value for ${key})` : number(pair.slice(eq + 1));
  }
  return rule;
}
