// The npm page of each package is its manual: every API name its README documents in a table of options, methods,
// members, classes or exports (the code in the first column) exists in the package's published declarations
// (dist/index.d.ts, what the tarball ships). A renamed option or a removed export then fails here, not on npm.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../src/run.js';

const packages = ['types', 'client', 'sandbox', 'redis'] as const;

/** The cells of a markdown table row (`\|` is a pipe inside a cell). */
const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '|').trim());

/** Tables of API names: their header's first cell (other tables, of figures or rules, are prose). */
const apiTables = /^(option|method|member|class|export|field)s?$/i;

/** The API names in the first column of every API table: `name`, `a.b.name`, `name(args)` → `name`. */
export function documentedNames(markdown: string): string[] {
  const names = new Set<string>();
  let inFence = false;
  let rowOfTable = 0;
  let apiTable = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (inFence || !line.trim().startsWith('|')) {
      rowOfTable = 0;
      continue;
    }
    rowOfTable += 1;
    if (rowOfTable === 1) apiTable = apiTables.test(cellsOf(line)[0] ?? '');
    if (rowOfTable <= 2 || !apiTable) continue; // the header and the |---| line
    const first = cellsOf(line)[0] ?? '';
    for (const [, code] of first.matchAll(/`([^`]+)`/g)) {
      const name = /^(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)(?:\(.*\))?$/.exec(code!.trim())?.[1];
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** Whether `name` is declared in the text: as an identifier, not inside a longer one. */
const declares = (declarations: string, name: string) =>
  new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(declarations);

describe.each(packages)('the README of @nim-api/%s', (pkg) => {
  const dir = join(workspaceRoot, 'packages', pkg);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  // Every published declaration file: tsup splits shared declarations into chunks (`runtime-*.d.ts`).
  const declarations = () =>
    readdirSync(join(dir, 'dist'))
      .filter((name) => name.endsWith('.d.ts'))
      .map((name) => readFileSync(join(dir, 'dist', name), 'utf8'))
      .join('\n');

  it('documents only names its published .d.ts declares', () => {
    const names = documentedNames(readme);
    expect(names.length, 'names found in the README tables').toBeGreaterThanOrEqual(
      { types: 15, client: 40, sandbox: 20, redis: 10 }[pkg],
    );
    const text = declarations();
    expect(names.filter((name) => !declares(text, name))).toEqual([]);
  });

  it('is a manual: install, a first example, errors or limits, and the security policy', () => {
    expect(readme).toContain(`npm install`);
    expect(readme).toContain(`@nim-api/${pkg}`);
    expect(readme).toMatch(/```ts\n/);
    expect(readme).toMatch(/## (Limits|Errors)|## Limits worth knowing/);
    expect(readme).toContain('SECURITY.md');
  });
});

describe('the README check', () => {
  it('finds the names of the first column and reports one the declarations lack', () => {
    const markdown = [
      '| option | default |',
      '|---|---|',
      '| `timeoutMs` | `10000` |',
      '| `appKey`, `appSecret` | required |',
      '| `nim.metrics()` | — |',
      '| `update(groupId, { account_id })` | `a\\|b` |',
      '| `noSuchOption` | — |',
      "| plain text, `'cn'` | — |",
      '',
      '```md',
      '| `insideAFence` | x |',
      '```',
      '',
      '| run | p50 |',
      '|---|---|',
      '| a bucket (`notAnApiTable`) | 1 µs |',
    ].join('\n');
    expect(documentedNames(markdown)).toEqual([
      'timeoutMs',
      'appKey',
      'appSecret',
      'metrics',
      'update',
      'noSuchOption',
    ]);
    const dts =
      'export interface O { timeoutMs?: number; appKey: string; appSecret: string; metrics(): void; update(): void; }';
    expect(documentedNames(markdown).filter((name) => !declares(dts, name))).toEqual(['noSuchOption']);
    expect(declares('retryUnsafe?: boolean', 'retry')).toBe(false);
  });
});
