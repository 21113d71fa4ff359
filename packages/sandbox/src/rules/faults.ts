import type { FaultKind, SandboxOperation } from '../options.js';
import type { ResolvedFault } from './fault-rules.js';
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
 * A rule added at run time, as the plan reports it.
 * @example
 * ```ts
 * const [first]: InjectedFault[] = plan.injected();
 * console.log(first?.id, first?.hits);
 * ```
 */
export interface InjectedFault {
  readonly id: number;
  readonly rule: ResolvedFault;
  /** Requests it has hit so far. */
  readonly hits: number;
}

/**
 * Picks the faults of each request from the rules; counts what each rule has matched and hit. Rules injected at
 * run time come first, the most recent first (a per-test override wins over the creation's rules, as MSW's
 * `server.use()` does), then the creation's rules in their order.
 * @example
 * ```ts
 * const plan: FaultPlan = createFaultPlan(settings.faults, random);
 * for (const fault of plan.choose('getConversationGroup')) console.log(fault.kind);
 * ```
 */
export interface FaultPlan {
  /** The faults for one request to `operation`: any latency first, then at most one other fault. */
  choose(operation: SandboxOperation): ChosenFault[];
  /** Adds a rule in front of the others; returns its id. */
  inject(rule: ResolvedFault): number;
  /** Takes an injected rule out; `false` when there is none with that id (any more). */
  remove(id: number): boolean;
  /** How many requests the injected rule `id` has hit; `undefined` once it was removed. */
  hits(id: number): number | undefined;
  /** The injected rules still in the plan, the most recent first. */
  injected(): InjectedFault[];
  /** Takes every injected rule out; returns how many there were. */
  clearInjected(): number;
}

interface Entry {
  readonly id: number;
  readonly rule: ResolvedFault;
  readonly injected: boolean;
  matched: number;
  hits: number;
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
  let nextId = 1;
  let entries: Entry[] = rules.map((rule) => ({ id: 0, rule, injected: false, matched: 0, hits: 0 }));
  const byId = new Map<number, Entry>();
  return {
    choose(operation) {
      if (entries.length === 0) return [];
      const chosen: ChosenFault[] = [];
      let terminal = false;
      for (const entry of entries) {
        const { rule } = entry;
        if (rule.operation !== '*' && rule.operation !== operation) continue;
        entry.matched += 1;
        if (entry.matched <= rule.after || entry.hits >= rule.times) continue;
        if (rule.kind !== 'latency' && terminal) continue;
        if (rule.probability !== undefined && random.next() >= rule.probability) continue;
        entry.hits += 1;
        if (rule.kind !== 'latency') terminal = true;
        chosen.push({ kind: rule.kind, ms: rule.ms });
      }
      // Latency first, whatever the rule order: a 503 rule listed before a latency rule still answers late.
      return terminal && chosen.length > 1
        ? [...chosen.filter((f) => f.kind === 'latency'), ...chosen.filter((f) => f.kind !== 'latency')]
        : chosen;
    },
    inject(rule) {
      const entry: Entry = { id: nextId++, rule, injected: true, matched: 0, hits: 0 };
      entries = [entry, ...entries];
      byId.set(entry.id, entry);
      return entry.id;
    },
    remove(id) {
      const entry = byId.get(id);
      if (!entry) return false;
      byId.delete(id);
      entries = entries.filter((e) => e !== entry);
      return true;
    },
    hits: (id) => byId.get(id)?.hits,
    injected: () => entries.filter((e) => e.injected).map(({ id, rule, hits }) => ({ id, rule, hits })),
    clearInjected() {
      const count = byId.size;
      byId.clear();
      entries = entries.filter((e) => !e.injected);
      return count;
    },
  };
}
