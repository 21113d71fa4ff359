// The spec as the tests see it: the operations with their parameters, body schema and code samples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { renderCurl } from '../../scripts/curl-samples.mjs';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const specPath = `${repoRoot}openapi/conversation-groups.yaml`;

type Json = Record<string, any>;
export const spec: Json = parse(readFileSync(specPath, 'utf8'));

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  parameters: Json[];
  requestBody: Json | undefined;
  successExample: unknown;
  codeSamples: CodeSample[];
  /** `x-nim-sdk.resource`: the client resource that calls it (`conversationGroups`, `conversations`). */
  sdkResource: string | undefined;
}

/** Follows a local `$ref` (`#/components/...`). */
export function deref(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
  return deref(target);
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];

export const operations: Operation[] = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  methods
    .filter((method) => item[method])
    .map((method) => {
      const op = item[method];
      const content = op.responses['200'].content['application/json'];
      return {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        tag: op.tags[0],
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref),
        requestBody: op.requestBody ? deref(op.requestBody) : undefined,
        successExample: deref(content.examples.success).value,
        // The TypeScript sample is kept in the spec; the curl one is rendered from it at docs build.
        codeSamples: [
          ...(op['x-codeSamples'] ?? []),
          { lang: 'Shell', label: 'curl', source: renderCurl(spec, path, method, op, item.parameters) as string },
        ],
        sdkResource: op['x-nim-sdk']?.resource,
      };
    }),
);

/** The source of an operation's sample labelled `label` (TypeScript or curl); throws when there is none. */
export function sampleOf(op: Operation, label: 'TypeScript' | 'curl'): string {
  const found = op.codeSamples.filter((s) => s.label === label);
  if (found.length !== 1) throw new Error(`${op.operationId} has ${found.length} ${label} samples, expected 1`);
  return found[0]!.source;
}
