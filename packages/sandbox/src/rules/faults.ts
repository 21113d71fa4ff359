import type { FaultKind, SandboxOperation } from '../options.js';
import type { ResolvedFault } from '../settings.js';
import type { Random } from './random.js';

/**
 * A fault chosen for one request.
 * @example
 * ```ts
 * const fault: ChosenFault = { kind: 'latency', ms: 50 };
 * ```
 */
export interface ChosenFault {
  readonly kind: FaultKind;
  /** The delay of a latency fault, in ms. */
  readonly ms: number;
}

/**
 * Picks the faults of each request from the rules, in rule order; counts what each rule has matched and hit.
 * @example
 * ```ts
 * const plan: FaultPlan = createFaultPlan(settings.faults, random);
 * for (const fault of plan.choose('getConversationGroup')) console.log(fault.kind);
 * ```
 */
export interface FaultPlan {
  /** The faults for one request to `operation`: any latency first, then at most one other fault. */
  choose(operation: SandboxOperation): ChosenFault[];
  clear(): void;
}

/**
 * A plan over the rules; probabilistic rules draw from `random`, so the same seed and the same request order give
 * the same faults.
 * @example
 * ```ts
 * const plan = createFaultPlan([{ operation: '*', kind: 503, times: 1, after: 0, probability: undefined, ms: 100 }], random);
 * plan.choose('getConversationGroup'); // [{ kind: 503, ms: 100 }], then [] for every later request
 * ```
 */
export function createFaultPlan(rules: readonly ResolvedFault[], random: Random): FaultPlan {
  const matched = rules.map(() => 0);
  const hits = rules.map(() => 0);
  return {
    choose(operation) {
      if (rules.length === 0) return [];
      const chosen: ChosenFault[] = [];
      let terminal = false;
      rules.forEach((rule, i) => {
        if (rule.operation !== '*' && rule.operation !== operation) return;
        matched[i]! += 1;
        if (matched[i]! <= rule.after || hits[i]! >= rule.times) return;
        if (rule.kind !== 'latency' && terminal) return;
        if (rule.probability !== undefined && random.next() >= rule.probability) return;
        hits[i]! += 1;
        if (rule.kind !== 'latency') terminal = true;
        chosen.push({ kind: rule.kind, ms: rule.ms });
      });
      // Latency first, whatever the rule order: a 503 rule listed before a latency rule still answers late.
      return terminal && chosen.length > 1 ? [...chosen.filter((f) => f.kind === 'latency'), ...chosen.filter((f) => f.kind !== 'latency')] : chosen;
    },
    clear() {
      matched.fill(0);
      hits.fill(0);
    },
  };
}
