// The docs site's "Hosts" section (the spec's info.description, rendered by packages/docs) states the https rule and
// lists every host pattern of x-nim-discovery.endpointHosts, the list the client vets discovered endpoints against
// (generated into constraints.discovery.endpointHosts). Written by hand in the description, so checked here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { constraints } from '../src/index.js';

const spec = parse(readFileSync(new URL('../../../openapi/conversation-groups.yaml', import.meta.url), 'utf8'));
const hosts = (spec.info.description as string).split(/^## /m).find((section) => section.startsWith('Hosts'))!;

describe('the Hosts section of the spec', () => {
  it('states the https rule and its loopback and allowHttp exceptions', () => {
    expect(hosts).toContain('**https only.**');
    for (const words of ['127.0.0.0/8', '`::1`', '`localhost`', '`allowHttp: true`', 'never probed, never called'])
      expect(hosts).toContain(words);
  });

  it('lists every endpointHosts pattern of x-nim-discovery, each with its source, and the generated list matches', () => {
    const entries = spec['x-nim-discovery'].endpointHosts as Array<{ host: string; description: string }>;
    expect(entries.map((entry) => entry.host)).toEqual([...constraints.discovery.endpointHosts]);
    for (const { host, description } of entries) {
      expect(hosts).toContain(`\`${host}\``);
      expect(description).toMatch(/Source: .*official server SDKs/);
    }
  });
});
