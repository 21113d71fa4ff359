// What an editor shows when hovering a field: every property of every schema of the spec carries its description
// in the published declarations (packages/types/dist), asked of the TypeScript language service as an editor does.
// A property written `{ $ref }` gets the referenced schema's description (scripts/render-types.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const spec = parse(readFileSync(new URL('../../../openapi/conversation-groups.yaml', import.meta.url), 'utf8'));
const declarations = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));

type Schema = { $ref?: string; description?: string; properties?: Record<string, Schema> };
const schemas = spec.components.schemas as Record<string, Schema>;
const targetOf = (ref: string) => schemas[ref.replace('#/components/schemas/', '')];
/** The description a hover should show: the property's own, else its `$ref` target's. */
const expectedOf = (property: Schema) =>
  property.description ?? (property.$ref ? targetOf(property.$ref)?.description : undefined);

const cases = Object.entries(schemas).flatMap(([name, schema]) =>
  Object.entries(schema.properties ?? {}).map(([property, value]) => ({ name, property, expected: expectedOf(value) })),
);

/** The hover text (documentation and tags) of `schema.property`, from a language service over one virtual file. */
function hovers(): Map<string, string> {
  const file = fileURLToPath(new URL('./__hover__.ts', import.meta.url));
  const lines = [`import type { components } from ${JSON.stringify(declarations)};`];
  const positions = new Map<string, number>();
  let text = `${lines[0]}\n`;
  cases.forEach(({ name, property }, index) => {
    const line = `declare const v${index}: components['schemas'][${JSON.stringify(name)}]; v${index}.${property};\n`;
    positions.set(`${name}.${property}`, text.length + line.lastIndexOf(`.${property}`) + 1);
    text += line;
  });
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => {
      if (path === file) return ts.ScriptSnapshot.fromString(text);
      return existsSync(path) ? ts.ScriptSnapshot.fromString(readFileSync(path, 'utf8')) : undefined;
    },
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (path) => path === file || ts.sys.fileExists(path),
    readFile: (path) => (path === file ? text : ts.sys.readFile(path)),
  };
  const service = ts.createLanguageService(host);
  const result = new Map<string, string>();
  for (const [key, position] of positions) {
    const info = service.getQuickInfoAtPosition(file, position);
    const docs = ts.displayPartsToString(info?.documentation);
    const tags = (info?.tags ?? []).map((tag) => ts.displayPartsToString(tag.text)).join('\n');
    result.set(key, `${docs}\n${tags}`);
  }
  return result;
}

/** Whitespace-insensitive: the generator re-wraps long descriptions. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('hovering a field of a generated type', () => {
  it('shows the spec’s description of every property that has one', () => {
    expect(existsSync(declarations), 'packages/types is built (pnpm build)').toBe(true);
    const described = cases.filter((c) => c.expected);
    expect(described.length).toBeGreaterThan(30);
    const shown = hovers();
    const missing = described.filter(
      ({ name, property, expected }) => !flat(shown.get(`${name}.${property}`) ?? '').includes(flat(expected!)),
    );
    expect(missing.map(({ name, property }) => `${name}.${property}`)).toEqual([]);
  });

  it('explains account_id of a create body, not only its type', () => {
    const shown = hovers().get('CreateConversationGroupRequest.account_id') ?? '';
    expect(shown).toContain('An IM account id');
  });
});
