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
    throw new Error('spec lacks x-nim-discovery.endpointHosts (host names or *.domain patterns, lower case, each with a source)');
  }
  if (discovery.endpointHosts.some((entry) => typeof entry.description !== 'string' || !/Source:/.test(entry.description))) {
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
