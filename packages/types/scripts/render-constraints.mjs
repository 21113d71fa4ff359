// Renders the runtime facts of the spec (patterns, limits, hosts) that the client validates against,
// so a limit is written once, in the spec.
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
  const constraints = {
    specVersion: spec.info.version,
    accountId: { pattern: schemas.AccountId.pattern, maxLength: schemas.AccountId.maxLength },
    conversationId: { pattern: schemas.ConversationId.pattern },
    maxConversationIdsPerCall: schemas.ConversationIdList.maxItems,
    pageLimit: { minimum: parameters.Limit.schema.minimum, maximum: parameters.Limit.schema.maximum },
    traceId: { maxLength: parameters.TraceId.schema.maxLength },
    hosts: { cn: hostsOf('cn'), sg: hostsOf('sg') },
  };
  for (const [key, value] of Object.entries(constraints)) {
    if (value === undefined || JSON.stringify(value).includes('null')) throw new Error(`spec lacks ${key}`);
  }
  return `${banner}/** Patterns, limits and hosts stated by the spec. */
export const constraints = ${JSON.stringify(constraints, null, 2)} as const;
`;
}
