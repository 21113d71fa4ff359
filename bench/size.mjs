// 4. Bundle size of the client runtime, min+gzip, with and without openapi-fetch. The measurement is the one of the
// size budget (scripts/bundle-size.mjs, esbuild + gzip -9), so both report the same bytes. Deterministic: one run.
export async function run() {
  const { measureBundleSize, clientSizeBudget } = await import('../scripts/bundle-size.mjs');
  const size = await measureBundleSize();
  return {
    withDepsBytes: size.withDeps,
    withoutDepsBytes: size.withoutDeps,
    dependencyBytes: size.withDeps - size.withoutDeps,
    minifiedWithDepsBytes: size.details.withDeps.minified,
    /** The target (6 kB); the size test's budget (clientSizeBudget) is looser, see its comment. */
    targetBytes: 6144,
    budgetBytes: clientSizeBudget,
    bundledFiles: size.details.withDeps.inputs.map((p) =>
      p.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''),
    ),
  };
}
