// Keeps the spec's `info.version` in step with the package versions.
//
// Direction: changesets owns the version. `changeset version` bumps @nim-api/types, @nim-api/client and
// @nim-api/sandbox together (a `fixed` group); this script then copies the @nim-api/types version into `info.version` of
// openapi/conversation-groups.yaml, touching only that line. `pnpm version-packages` (and so `pnpm release`)
// runs it right after `changeset version`, followed by `pnpm generate` (the generated constraints carry
// `specVersion`).
//
//   node scripts/sync-spec-version.mjs            write info.version
//   node scripts/sync-spec-version.mjs --check    exit 1 when spec, types, client and sandbox versions differ
//   --root <dir>                                  a workspace other than this one (tests use a copy)
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const defaultRoot = fileURLToPath(new URL('..', import.meta.url));
export const specRelativePath = 'openapi/conversation-groups.yaml';

/**
 * Returns `specText` with the `version:` line of the top-level `info:` map set to `version`; every other byte
 * stays as it was (comments, quoting, order).
 * @param {string} specText
 * @param {string} version
 */
export function setInfoVersion(specText, version) {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`not a semver version: ${version}`);
  const lines = specText.split('\n');
  const infoIndex = lines.findIndex((line) => /^info:\s*(#.*)?$/.test(line));
  if (infoIndex < 0) throw new Error('the spec has no top-level `info:` map');
  let versionIndex = -1;
  for (let i = infoIndex + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (/^\S/.test(line)) break; // next top-level key: end of info
    if (/^ {2}version:/.test(line)) {
      versionIndex = i;
      break;
    }
  }
  if (versionIndex < 0) throw new Error('the spec has no `info.version` line (two-space indented) to update');
  lines[versionIndex] = `  version: ${version}`;
  const updated = lines.join('\n');
  const parsed = parse(updated);
  if (String(parsed?.info?.version) !== version) throw new Error('updating info.version produced a different value');
  return updated;
}

/** @param {string} root */
export async function readVersions(root = defaultRoot) {
  const readJson = async (path) => JSON.parse(await readFile(join(root, path), 'utf8'));
  const spec = parse(await readFile(join(root, specRelativePath), 'utf8'));
  return {
    spec: String(spec.info.version),
    types: (await readJson('packages/types/package.json')).version,
    client: (await readJson('packages/client/package.json')).version,
    sandbox: (await readJson('packages/sandbox/package.json')).version,
  };
}

/**
 * Copies the @nim-api/types version into the spec. Throws when the client's version differs (the fixed group
 * should make that impossible).
 * @param {{ root?: string }} [options]
 * @returns {Promise<{ from: string, to: string, changed: boolean }>}
 */
export async function syncSpecVersion({ root = defaultRoot } = {}) {
  const versions = await readVersions(root);
  for (const name of ['client', 'sandbox']) {
    if (versions[name] !== versions.types) {
      throw new Error(
        `@nim-api/${name} is at ${versions[name]} but @nim-api/types at ${versions.types}; they are released together`,
      );
    }
  }
  const specPath = join(root, specRelativePath);
  const before = await readFile(specPath, 'utf8');
  const after = setInfoVersion(before, versions.types);
  if (after !== before) await writeFile(specPath, after);
  return { from: versions.spec, to: versions.types, changed: after !== before };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const rootFlag = args.indexOf('--root');
  const root = rootFlag >= 0 ? resolve(args[rootFlag + 1]) : defaultRoot;
  if (args.includes('--check')) {
    const versions = await readVersions(root);
    if (versions.spec !== versions.types || versions.client !== versions.types || versions.sandbox !== versions.types) {
      console.error(
        `versions out of step: spec info.version ${versions.spec}, @nim-api/types ${versions.types}, ` +
          `@nim-api/client ${versions.client}, @nim-api/sandbox ${versions.sandbox}. ` +
          'Run `node scripts/sync-spec-version.mjs && pnpm generate`.',
      );
      process.exit(1);
    }
    console.log(`spec, @nim-api/types, @nim-api/client and @nim-api/sandbox are all at ${versions.types}`);
  } else {
    const { from, to, changed } = await syncSpecVersion({ root });
    console.log(changed ? `spec info.version ${from} → ${to}` : `spec info.version already ${to}`);
  }
}
