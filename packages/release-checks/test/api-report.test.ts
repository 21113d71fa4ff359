// The committed public-API report of @nim-api/client must match the built declarations: every API change shows
// up in review as a diff of packages/client/etc/client.api.md. Refresh it with `pnpm api:update`.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs helper without declarations
import { runApiReport } from '../../../scripts/api-report.mjs';

describe('@nim-api/client public API report', () => {
  it('matches packages/client/etc/client.api.md (API Extractor, non-local mode)', async () => {
    const report = await runApiReport({ update: false });
    // Any warning fails, not only errors: e.g. an internal type reachable from the public API (ae-forgotten-export).
    expect(report.messages).toEqual([]);
    expect(report.fresh).not.toMatch(/^\/\/ Warning:/m);
    // On failure: the public API changed. Run `pnpm api:update`, review and commit etc/client.api.md.
    expect(report.committed, 'etc/client.api.md is missing: run `pnpm api:update`').not.toBe('');
    expect(report.fresh, 'the public API changed: run `pnpm api:update` and commit etc/client.api.md').toBe(
      report.committed,
    );
    expect(report.reportChanged).toBe(false);
  }, 60_000);
});
