// `pnpm release`: refuses to run in CI without an explicit registry, and runs version → build → publish.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without declarations
import {
  checkReleaseAllowed,
  hasOidc,
  isCi,
  parseReleaseArgs,
  releaseEnv,
  releasePlan,
} from '../../../scripts/release.mjs';
import { cleanEnv, run } from '../src/run.js';

const release = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['scripts/release.mjs', ...args], { env: cleanEnv({ CI: '', ...env }) });

describe('pnpm release', () => {
  it('refuses with CI=true and no registry, before running anything', async () => {
    const result = await release([], { CI: 'true' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/refusing to release with CI=true and no explicit registry/);
    expect(result.output).not.toMatch(/▶|changeset/);
  });

  it('runs in CI when a registry is given by --registry or NPM_CONFIG_REGISTRY (dry run)', async () => {
    const byFlag = await release(['--dry-run', '--registry', 'http://127.0.0.1:4873'], { CI: 'true' });
    expect(byFlag.code, byFlag.output).toBe(0);
    expect(byFlag.output).toContain('release → http://127.0.0.1:4873/');
    const byEnv = await release(['--dry-run'], { CI: 'true', NPM_CONFIG_REGISTRY: 'https://npm.example.test/' });
    expect(byEnv.code, byEnv.output).toBe(0);
    expect(byEnv.output).toContain('release → https://npm.example.test/');
  });

  it('versions (changeset version, spec sync, regenerate), builds, then publishes with changeset publish', () => {
    const plan = releasePlan(parseReleaseArgs([], {}));
    expect(plan.map((step: { title: string }) => step.title)).toEqual([
      'version packages',
      'spec info.version := package version',
      'regenerate types',
      'build',
      'publish',
    ]);
    expect(plan[0].args).toEqual(['version']);
    expect(plan[1].args).toEqual(['scripts/sync-spec-version.mjs']);
    expect(plan.at(-1).args).toEqual(['publish']);
    const publishOnly = releasePlan(parseReleaseArgs(['--skip-version', '--skip-build', '--no-git-tag'], {}));
    expect(publishOnly.map((step: { args: string[] }) => step.args)).toEqual([['publish', '--no-git-tag']]);
  });

  it('publishes with --provenance when the CI offers an OIDC token, and tags afterwards', async () => {
    const github = {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example.test/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    };
    expect(hasOidc(github)).toBe(true);
    expect(hasOidc({ SIGSTORE_ID_TOKEN: 'x' })).toBe(true);
    expect(hasOidc({})).toBe(false);
    const signed = releasePlan(parseReleaseArgs(['--skip-version', '--skip-build'], github));
    expect(
      signed.map((step: { command: string; args: string[] }) => [step.command.split('/').at(-1), ...step.args]),
    ).toEqual([
      ['pnpm', '-r', 'publish', '--provenance', '--access', 'public', '--no-git-checks'],
      ['changeset', 'tag'],
    ]);
    const untagged = releasePlan(parseReleaseArgs(['--skip-version', '--skip-build', '--no-git-tag'], github));
    expect(untagged.map((step: { args: string[] }) => step.args)).toEqual([
      ['-r', 'publish', '--provenance', '--access', 'public', '--no-git-checks'],
    ]);
    // Opting out, and no OIDC token: changeset publish without provenance.
    expect(
      releasePlan(parseReleaseArgs(['--skip-version', '--skip-build', '--no-provenance'], github)).map(
        (s: { args: string[] }) => s.args,
      ),
    ).toEqual([['publish']]);
    expect(
      releasePlan(parseReleaseArgs(['--skip-version', '--skip-build'], {})).map((s: { args: string[] }) => s.args),
    ).toEqual([['publish']]);
    // Asking for it without a token is refused before anything runs (npm could not sign).
    expect(() => parseReleaseArgs(['--provenance'], {})).toThrow(/OIDC/);
    const dry = await release(['--dry-run', '--registry', 'http://127.0.0.1:4873'], { CI: 'true', ...github });
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('with an npm provenance statement');
    expect(dry.output).toMatch(/publish with provenance: pnpm -r publish --provenance/);
  });

  it('treats CI=1 as CI and CI=false as not', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
    expect(() => checkReleaseAllowed({}, { CI: '1' })).toThrow(/CI=true/);
    expect(checkReleaseAllowed({}, { CI: 'false' })).toBeUndefined();
  });

  it('points the whole @nim-api scope at the given registry', () => {
    const env = releaseEnv('http://127.0.0.1:4873/', { NPM_CONFIG_REGISTRY: 'https://elsewhere.test/', PATH: '/bin' });
    expect(env.NPM_CONFIG_REGISTRY).toBeUndefined();
    expect(env.npm_config_registry).toBe('http://127.0.0.1:4873/');
    expect(env['npm_config_@nim-api:registry']).toBe('http://127.0.0.1:4873/');
  });

  it('rejects an unknown flag and a non-http registry', () => {
    expect(() => parseReleaseArgs(['--yes'], {})).toThrow(/unknown argument/);
    expect(() => checkReleaseAllowed({ registry: 'file:///tmp/x' }, {})).toThrow(/http/);
  });
});
