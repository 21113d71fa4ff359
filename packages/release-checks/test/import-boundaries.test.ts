// The one-way imports between source folders (packages/client/src/README.md, packages/sandbox/src/README.md) are
// Biome rules (noRestrictedImports per folder in biome.jsonc). This proves the rules are live: the real biome.jsonc
// lints probe files laid out like the sources in a temporary folder — a backward import is refused, a forward one
// passes. (`pnpm lint` applies the same rules to the real sources.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');

// [file, what it imports, refused?]
const probes: ReadonlyArray<readonly [string, string, boolean]> = [
  ['packages/client/src/http/probe.js', '../pipeline/call.js', true],
  ['packages/client/src/http/probe-ok.js', '../config/options.js', false],
  ['packages/client/src/pipeline/probe.js', '../resources/conversation-groups.js', true],
  ['packages/client/src/pipeline/probe-ok.js', '../http/fetch.js', false],
  ['packages/client/src/protocol/probe.js', '../config/options.js', true],
  ['packages/client/src/config/probe.js', '../http/select.js', true],
  ['packages/client/src/config/probe-ok.js', '../protocol/validation.js', false],
  ['packages/client/src/endpoints/probe.js', '../rate-limit/guard.js', true],
  ['packages/client/src/rate-limit/probe.js', '../pipeline/call.js', true],
  ['packages/client/src/observability/probe.js', '../protocol/int64.js', true],
  ['packages/client/src/errors/probe.js', '../observability/describe.js', true],
  ['packages/client/src/resources/probe.js', '../client.js', true],
  ['packages/client/src/resources/probe-ok.js', '../pipeline/call.js', false],
  ['packages/sandbox/src/state/probe.js', '../handlers/index.js', true],
  ['packages/sandbox/src/state/probe-ok.js', '../rules/random.js', false],
  ['packages/sandbox/src/rules/probe.js', '../front/wire.js', true],
  ['packages/sandbox/src/handlers/probe.js', '../pipeline.js', true],
  ['packages/sandbox/src/front/probe.js', '../state/group.js', true],
];

const work = mkdtempSync(join(tmpdir(), 'nim-boundaries-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('one-way imports between source folders (biome.jsonc)', () => {
  it('refuses each backward import and lets each forward one pass', () => {
    copyFileSync(join(root, 'biome.jsonc'), join(work, 'biome.jsonc'));
    for (const [file, target] of probes) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), `import { x } from '${target}';\n\nexport const y = x;\n`);
    }
    const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', '.'], {
      cwd: work,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as {
      diagnostics: Array<{ category?: string; location?: { path?: string | { file: string } } }>;
    };
    const refused = new Set(
      report.diagnostics
        .filter((d) => d.category === 'lint/style/noRestrictedImports')
        .map((d) => (typeof d.location?.path === 'string' ? d.location.path : d.location?.path?.file)),
    );
    for (const [file, target, shouldRefuse] of probes) {
      expect(refused.has(file), `${file} importing ${target}`).toBe(shouldRefuse);
    }
  });
});
