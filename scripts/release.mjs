// `pnpm release`: version → build → publish @nim-api/types, @nim-api/client, @nim-api/sandbox and @nim-api/redis
// (see README, "Releasing").
//
//   1. version   `changeset version` (consumes .changeset/*.md, bumps the fixed group, writes CHANGELOG.md),
//                then scripts/sync-spec-version.mjs (spec info.version := @nim-api/types version) and
//                `pnpm generate` (the generated constraints carry the spec version)
//   2. build     `pnpm build` (turbo)
//   3. publish   `changeset publish` (runs `pnpm publish` per public package, skips versions already on the
//                registry, tags git unless --no-git-tag). With provenance (below): `pnpm -r publish --provenance`
//                (also skips versions already there), then `changeset tag` unless --no-git-tag, because
//                `changeset publish` cannot pass `--provenance` on and pnpm's own publish ignores
//                NPM_CONFIG_PROVENANCE.
//
// Flags: --registry <url>   publish there (also read from NPM_CONFIG_REGISTRY / npm_config_registry)
//        --skip-version     steps 2–3 only (e.g. CI after the version commit landed)
//        --skip-build       do not rebuild (the publish test builds once for the whole test run)
//        --no-git-tag       passed to `changeset publish`
//        --dry-run          print the plan and exit
//        --provenance       publish with an npm provenance statement; the default when the CI offers an OIDC
//                           token (GitHub Actions: ACTIONS_ID_TOKEN_REQUEST_URL, with `permissions: id-token:
//                           write`; GitLab: SIGSTORE_ID_TOKEN). Without one it is refused: npm could not sign.
//        --no-provenance    never
//
// Guards: with CI=true the release refuses to run unless a registry is given explicitly, so a CI job cannot
// publish to whatever registry happens to be configured. With NIM_RELEASE_LOCAL_ONLY=1 (set by the tests) it
// refuses any registry that is not on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quietToolEnv } from './tool-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const changesetBin = fileURLToPath(new URL('../node_modules/.bin/changeset', import.meta.url));
const scope = '@nim-api';

/** CI=true, CI=1, … count as CI; unset, empty, "false" and "0" do not. */
export function isCi(env = process.env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

/** Whether the CI offers the OIDC token npm signs a provenance statement with. */
export function hasOidc(env = process.env) {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL || env.SIGSTORE_ID_TOKEN);
}

/**
 * @param {string[]} argv arguments after the script name
 * @param {NodeJS.ProcessEnv} env
 */
export function parseReleaseArgs(argv, env = process.env) {
  const options = {
    registry: undefined,
    skipVersion: false,
    skipBuild: false,
    gitTag: true,
    dryRun: false,
    provenance: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--registry') {
      options.registry = argv[i + 1];
      i += 1;
      if (!options.registry) throw new Error('--registry needs a URL');
    } else if (arg.startsWith('--registry=')) options.registry = arg.slice('--registry='.length);
    else if (arg === '--skip-version') options.skipVersion = true;
    else if (arg === '--skip-build') options.skipBuild = true;
    else if (arg === '--no-git-tag') options.gitTag = false;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--provenance') options.provenance = true;
    else if (arg === '--no-provenance') options.provenance = false;
    else if (arg === '--')
      continue; // `pnpm release -- --flag`
    else throw new Error(`unknown argument: ${arg}`);
  }
  options.registry ??= env.NPM_CONFIG_REGISTRY || env.npm_config_registry || undefined;
  if (options.provenance === true && !hasOidc(env)) {
    throw new Error(
      '--provenance needs the OIDC token of a CI (GitHub Actions with `id-token: write`, GitLab SIGSTORE_ID_TOKEN)',
    );
  }
  options.provenance ??= hasOidc(env);
  return options;
}

/**
 * Throws when the release must not run. Returns the normalised registry URL (or undefined: npm's default).
 * @param {{ registry?: string }} options
 * @param {NodeJS.ProcessEnv} env
 */
export function checkReleaseAllowed({ registry }, env = process.env) {
  if (!registry) {
    if (isCi(env)) {
      throw new Error(
        'refusing to release with CI=true and no explicit registry. Give one: ' +
          '`pnpm release --registry <url>` or NPM_CONFIG_REGISTRY=<url>.',
      );
    }
    if (env.NIM_RELEASE_LOCAL_ONLY === '1') throw new Error('NIM_RELEASE_LOCAL_ONLY=1 needs a 127.0.0.1 registry');
    return undefined;
  }
  let url;
  try {
    url = new URL(registry);
  } catch {
    throw new Error(`not a registry URL: ${registry}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) registry: ${registry}`);
  if (env.NIM_RELEASE_LOCAL_ONLY === '1' && url.hostname !== '127.0.0.1') {
    throw new Error(`NIM_RELEASE_LOCAL_ONLY=1: refusing to publish to ${registry} (only 127.0.0.1 is allowed)`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The commands of a release, in order.
 * @param {{ skipVersion: boolean, skipBuild: boolean, gitTag: boolean, provenance?: boolean }} options
 * @returns {Array<{ title: string, command: string, args: string[] }>}
 */
export function releasePlan({ skipVersion, skipBuild, gitTag, provenance = false }) {
  const steps = [];
  if (!skipVersion) {
    steps.push({ title: 'version packages', command: changesetBin, args: ['version'] });
    steps.push({
      title: 'spec info.version := package version',
      command: process.execPath,
      args: ['scripts/sync-spec-version.mjs'],
    });
    steps.push({ title: 'regenerate types', command: 'pnpm', args: ['generate'] });
  }
  if (!skipBuild) steps.push({ title: 'build', command: 'pnpm', args: ['build'] });
  if (provenance) {
    // Private workspace packages are skipped by `pnpm -r publish`, as are versions already on the registry.
    steps.push({
      title: 'publish with provenance',
      command: 'pnpm',
      args: ['-r', 'publish', '--provenance', '--access', 'public', '--no-git-checks'],
    });
    if (gitTag) steps.push({ title: 'tag', command: changesetBin, args: ['tag'] });
  } else {
    steps.push({ title: 'publish', command: changesetBin, args: ['publish', ...(gitTag ? [] : ['--no-git-tag'])] });
  }
  return steps;
}

/**
 * The environment of every step: quiet tools, and when a registry is given, that registry for both the
 * default and the @nim-api scope (changesets checks `npm info` against it, pnpm publishes to it, and a
 * scoped registry from some .npmrc cannot redirect the publish elsewhere).
 */
export function releaseEnv(registry, env = process.env) {
  const out = { ...env, ...quietToolEnv };
  if (registry) {
    for (const key of Object.keys(out)) {
      if (/^npm_config_(@[^:]+:)?registry$/i.test(key)) delete out[key];
    }
    out.npm_config_registry = registry;
    out[`npm_config_${scope}:registry`] = registry;
  }
  return out;
}

export function runRelease(argv = process.argv.slice(2), env = process.env) {
  const options = parseReleaseArgs(argv, env);
  const registry = checkReleaseAllowed(options, env);
  const steps = releasePlan(options);
  const childEnv = releaseEnv(registry, env);
  console.log(`release → ${registry ?? 'the registry of your npm config (default https://registry.npmjs.org/)'}`);
  console.log(
    options.provenance
      ? '  with an npm provenance statement (OIDC token present)'
      : '  without provenance (no OIDC token)',
  );
  for (const step of steps) console.log(`  ${step.title}: ${step.command} ${step.args.join(' ')}`);
  if (options.dryRun) {
    console.log('dry run: nothing done');
    return 0;
  }
  for (const step of steps) {
    console.log(`\n▶ ${step.title}`);
    const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: childEnv });
    if (result.status !== 0) {
      console.error(`✖ ${step.title} failed (exit ${result.status ?? result.signal})`);
      return result.status || 1;
    }
  }
  if (!options.skipVersion) {
    console.log('\n✔ released. Commit the version bump (package.json, CHANGELOG.md, spec, generated files, consumed');
    console.log('  changesets) and push the tags: git push --follow-tags');
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = runRelease();
  } catch (error) {
    console.error(`✖ pnpm release: ${error.message}`);
    process.exitCode = 1;
  }
}
