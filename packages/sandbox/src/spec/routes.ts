import { type SpecOperation, specOperations } from './spec.js';

/**
 * What a method and path are: an operation with its path parameters, a known path with another method, or nothing.
 * @example
 * ```ts
 * const match: RouteMatch = route('DELETE', '/im/v2/conversation_groups/1');
 * ```
 */
export type RouteMatch =
  | {
      readonly kind: 'operation';
      readonly operation: SpecOperation;
      readonly pathParams: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

interface CompiledPath {
  readonly segments: readonly string[];
  readonly operations: Map<string, SpecOperation>;
}

// Literal segments win over parameters (`actions/group_ids` is not a group id), as in OpenAPI path matching.
const compiled: CompiledPath[] = [];
for (const operation of specOperations) {
  const segments = operation.path.split('/').slice(1);
  let entry = compiled.find((c) => c.segments.join('/') === segments.join('/'));
  if (!entry) compiled.push((entry = { segments, operations: new Map() }));
  entry.operations.set(operation.method, operation);
}
const literalCount = (c: CompiledPath) => c.segments.filter((s) => !s.startsWith('{')).length;
compiled.sort((a, b) => literalCount(b) - literalCount(a));

function matchPath(path: CompiledPath, parts: readonly string[]): Record<string, string> | undefined {
  if (parts.length !== path.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const template = path.segments[i]!;
    const part = parts[i]!;
    if (template.startsWith('{')) {
      if (part === '') return undefined;
      params[template.slice(1, -1)] = part;
    } else if (template !== part) {
      return undefined;
    }
  }
  return params;
}

/**
 * Matches a method and a URL path (not decoded) against the spec's paths.
 * @example
 * ```ts
 * const match = route('GET', '/im/v2/conversation_groups/1001');
 * if (match.kind === 'operation') console.log(match.operation.operationId, match.pathParams.group_id);
 * ```
 */
export function route(method: string, pathname: string): RouteMatch {
  const key = `${method} ${pathname}`;
  let match = recent.get(key);
  if (!match) {
    match = matchRoute(method, pathname);
    // Tests call the same few paths again and again: a small cache takes the matching off the hot path.
    if (recent.size >= recentCapacity) recent.delete(recent.keys().next().value!);
    recent.set(key, match);
  }
  return match;
}

const recentCapacity = 1024;
const recent = new Map<string, RouteMatch>();

function matchRoute(method: string, pathname: string): RouteMatch {
  const parts = pathname.split('/').slice(1);
  let allowed: string[] | undefined;
  for (const path of compiled) {
    const params = matchPath(path, parts);
    if (!params) continue;
    const operation = path.operations.get(method.toUpperCase());
    if (!operation) {
      allowed = [...(allowed ?? []), ...path.operations.keys()];
      continue;
    }
    const decoded: Record<string, string> = {};
    for (const [name, raw] of Object.entries(params)) {
      try {
        decoded[name] = decodeURIComponent(raw);
      } catch {
        decoded[name] = raw; // a broken %-escape: the schema check refuses it
      }
    }
    return { kind: 'operation', operation, pathParams: decoded };
  }
  return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
