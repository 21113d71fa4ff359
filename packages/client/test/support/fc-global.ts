// Set up before every client test file: with FC_SEED in the environment, fast-check properties that name no seed of
// their own run with it too (those that do read it through `seedOr`), so one variable re-seeds the whole suite.
import fc from 'fast-check';

if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
