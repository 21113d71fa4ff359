// Renders the runtime facts of the spec (patterns, limits, hosts, endpoint discovery) that the client validates
// against and connects with, so a limit or a host name is written once, in the spec.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specUrl } from './render-types.mjs';

const banner = `/**
 * GENERATED FILE — DO NOT EDIT.
 * Runtime facts read from openapi/conversation-groups.yaml (\`pnpm generate\`).
 */

`;

/**
 * The business error codes the spec documents: the `code` of every error envelope in its examples (an object with a
 * numeric `code` other than 200 and a string `msg`), every `error_code` of a partial failure there, and the codes
 * the guide's "## Errors…" section lists (its `- 102404, 108404 … not found` lines), sorted.
 */
function errorCodesOf(spec) {
  const codes = new Set();
  const guide = /^## Errors[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(spec.info?.description ?? '')?.[1] ?? '';
  for (const line of guide.split('\n').filter((l) => /^\s*- /.test(l) || /^\s{2,}\S/.test(l))) {
    for (const [code] of line.matchAll(/\b[1-9]\d{2,5}\b/g)) if (Number(code) !== 200) codes.add(Number(code));
  }
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Number.isInteger(node.code) && node.code !== 200 && typeof node.msg === 'string') codes.add(node.code);
    if (Number.isInteger(node.error_code)) codes.add(node.error_code);
    for (const value of Object.values(node)) visit(value);
  };
  const examplesIn = (node) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const example of Object.values(value)) visit(example?.value);
      } else if (key === 'example') visit(value);
      else examplesIn(value);
    }
  };
  examplesIn(spec.components);
  examplesIn(spec.paths);
  return [...codes].sort((a, b) => a - b);
}

/** @returns {Promise<string>} the generated module text */
export async function renderConstraints() {
  const spec = parse(await readFile(specUrl, 'utf8'));
  const { schemas, parameters } = spec.components;
  const hostsOf = (region) => spec.servers.filter((s) => s['x-nim-region'] === region).map((s) => s.url);
  const discovery = spec['x-nim-discovery'];
  const constraints = {
    specVersion: spec.info.version,
    accountId: { pattern: schemas.AccountId.pattern, maxLength: schemas.AccountId.maxLength },
    conversationId: { pattern: schemas.ConversationId.pattern },
    maxConversationIdsPerCall: schemas.ConversationIdList.maxItems,
    pageLimit: { minimum: parameters.Limit.schema.minimum, maximum: parameters.Limit.schema.maximum },
    traceId: { maxLength: parameters.TraceId.schema.maxLength },
    errorCodes: errorCodesOf(spec),
    hosts: { cn: hostsOf('cn'), sg: hostsOf('sg') },
    discovery: {
      allocationUrls: { cn: discovery?.allocationUrls?.cn, sg: discovery?.allocationUrls?.sg },
      biz: discovery?.biz,
      healthPath: discovery?.healthPath,
      ttlSeconds: discovery?.ttlSeconds,
      // Host patterns only; each one's source is its `description` in the spec.
      endpointHosts: discovery?.endpointHosts?.map((entry) => entry?.host),
    },
  };
  if (!constraints.errorCodes.length) throw new Error('spec lacks error examples (no code other than 200)');
  for (const [key, value] of Object.entries(constraints)) {
    if (value === undefined || JSON.stringify(value).includes('null')) throw new Error(`spec lacks ${key}`);
  }
  // JSON.stringify drops undefined fields, so check the nested ones by name.
  const { allocationUrls, biz, healthPath, ttlSeconds } = constraints.discovery;
  const urls = [...(allocationUrls.cn ?? []), ...(allocationUrls.sg ?? [])];
  if (!allocationUrls.cn?.length || !allocationUrls.sg?.length || urls.some((url) => !/^https:\/\/[^/]/.test(url))) {
    throw new Error('spec lacks x-nim-discovery.allocationUrls (https URLs for cn and sg)');
  }
  if (!Number.isInteger(biz) || typeof healthPath !== 'string' || !healthPath.startsWith('/')) {
    throw new Error('spec lacks x-nim-discovery.biz (an integer) or healthPath (a path)');
  }
  const { endpointHosts } = constraints.discovery;
  const hostPattern = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
  if (!endpointHosts?.length || endpointHosts.some((host) => typeof host !== 'string' || !hostPattern.test(host))) {
    throw new Error(
      'spec lacks x-nim-discovery.endpointHosts (host names or *.domain patterns, lower case, each with a source)',
    );
  }
  if (
    discovery.endpointHosts.some((entry) => typeof entry.description !== 'string' || !/Source:/.test(entry.description))
  ) {
    throw new Error('every x-nim-discovery.endpointHosts entry must name its source (a description with "Source:")');
  }
  const { default: ttl, minimum, maximum } = ttlSeconds ?? {};
  if (![ttl, minimum, maximum].every(Number.isInteger) || !(minimum <= ttl && ttl <= maximum)) {
    throw new Error('spec lacks x-nim-discovery.ttlSeconds {default, minimum, maximum}');
  }
  return `${banner}/** Patterns, limits, hosts and endpoint discovery stated by the spec. */
export const constraints = ${JSON.stringify(constraints, null, 2)} as const;
`;
}
