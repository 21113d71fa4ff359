// The seed of the client's fast-check suites: FC_SEED from the environment (to replay a failure, or to explore with a
// new seed before a release), else the suite's own fixed seed, so a plain run is repeatable.
const fromEnv =
  process.env.FC_SEED === undefined || process.env.FC_SEED === '' ? undefined : Number(process.env.FC_SEED);
if (fromEnv !== undefined && !Number.isInteger(fromEnv))
  throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);

/** FC_SEED when set, else `fallback`. */
export const seedOr = (fallback: number): number => fromEnv ?? fallback;
