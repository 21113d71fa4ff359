// How every hostile property runs: seeded fast-check, a fixed number of runs, and a census mode.
//   pnpm vitest run --project client test/hostile                      normal: stop at the first failure, shrink it
//   HOSTILE_CENSUS=census.jsonl pnpm vitest run --project client test/hostile
//                                                                      census: run every case, count the failures by
//                                                                      kind, append one JSON line per property
// HOSTILE_SEED (or FC_SEED, the seed of every property suite of the repository) overrides the seed (default below).
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

export const seed = Number(process.env.HOSTILE_SEED || process.env.FC_SEED || 20_261_126);
const censusFile = process.env.HOSTILE_CENSUS;

/** Marks `value` with a short description that fast-check prints instead of the (possibly 1 MB) value. */
export function described<T extends object>(value: T, desc: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => desc });
}

/** The `[kind]` of a broken invariant (see outcome.ts), or the error's own first words. */
const kindOf = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return /^\[([^\]]+)\]/.exec(message)?.[1] ?? message.slice(0, 60);
};

/** Runs `check` on `numRuns` cases of `cases`; fails the test on the first broken invariant (or, in census mode, after all). */
export async function runProperty<T>(
  name: string,
  cases: fc.Arbitrary<T>,
  check: (testCase: T) => Promise<void>,
  numRuns: number,
): Promise<void> {
  if (!censusFile) {
    await fc.assert(fc.asyncProperty(cases, check), { seed, numRuns });
    return;
  }
  const kinds = new Map<string, { count: number; example: string; detail: string }>();
  let failed = 0;
  const verdicts: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(cases, async (testCase) => {
      const verdict = String((testCase as { verdict?: unknown }).verdict ?? 'n/a');
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
      try {
        await check(testCase);
      } catch (error) {
        failed += 1;
        const kind = kindOf(error);
        const entry = kinds.get(kind) ?? {
          count: 0,
          example: fc.stringify(testCase).slice(0, 300),
          detail: String(error).slice(0, 300),
        };
        entry.count += 1;
        kinds.set(kind, entry);
      }
    }),
    { seed, numRuns },
  );
  appendFileSync(
    censusFile,
    `${JSON.stringify({ name, numRuns, failed, verdicts, kinds: Object.fromEntries(kinds) })}\n`,
  );
  if (failed)
    throw new Error(
      `${failed}/${numRuns} cases broke an invariant: ${[...kinds].map(([k, v]) => `${k} ×${v.count}`).join(', ')}`,
    );
}
