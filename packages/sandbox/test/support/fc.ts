// The seed of every fast-check suite of this package: FC_SEED from the environment (to replay a failure, or to try
// a new seed), else the suite's own fixed one. fast-check prints the seed and path of a failure in its message.
import type fc from 'fast-check';

const fromEnv =
  process.env.FC_SEED === undefined || process.env.FC_SEED === '' ? undefined : Number(process.env.FC_SEED);
if (fromEnv !== undefined && !Number.isInteger(fromEnv))
  throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);

/** `{ seed, numRuns }` for `fc.assert`: FC_SEED when set, else `fallbackSeed`. */
export function fcParams(fallbackSeed: number, numRuns: number): fc.Parameters<unknown> {
  return { seed: fromEnv ?? fallbackSeed, numRuns };
}
