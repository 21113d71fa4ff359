// Renders the part of openapi/conversation-groups.yaml the sandbox runs on into src/generated/spec.ts, so the
// published package carries the spec without reading the repository: operations (method, path, parameters, body
// schema), the component schemas (prose and examples dropped: they do not validate anything), the message of every
// error code named in the examples, the security headers, the documented limits (x-nim-limits) and the paths of
// endpoint discovery (x-nim-discovery).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

// NIM_SPEC_PATH: another spec file (a temp copy: the adding-an-operation walk).
export const specUrl = process.env.NIM_SPEC_PATH
  ? new URL(`file://${process.env.NIM_SPEC_PATH}`)
  : new URL('../../../openapi/conversation-groups.yaml', import.meta.url);

const banner = `/**
 * GENERATED FILE — DO NOT EDIT.
 * The parts of openapi/conversation-groups.yaml the sandbox runs on (\`pnpm generate\`, scripts/render-spec.mjs).
 * Edit the spec and regenerate instead; the test run fails when this file is stale.
 */

`;

const httpMethods = ['get', 'put', 'post', 'patch', 'delete'];
// Keywords that carry no validation: left out of the bundle.
const proseKeys = new Set(['description', 'summary', 'example', 'examples', 'externalDocs']);

function resolver(spec) {
  return (node) => {
    while (node && typeof node.$ref === 'string') {
      if (!node.$ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${node.$ref}`);
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
      if (node === undefined) throw new Error('dangling $ref');
    }
    return node;
  };
}

/** A schema without prose and vendor extensions; `#/components/schemas/X` becomes `#/$defs/X`. */
function validationSchema(schema) {
  if (Array.isArray(schema)) return schema.map(validationSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (proseKeys.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref') {
      if (!value.startsWith('#/components/schemas/')) throw new Error(`unexpected schema $ref ${value}`);
      out.$ref = value.replace('#/components/schemas/', '#/$defs/');
    } else if (key === 'properties' || key === '$defs') {
      // Property names are data here, not keywords: keep every one of them.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, validationSchema(sub)]));
    } else {
      out[key] = validationSchema(value);
    }
  }
  return out;
}

/** @returns {Promise<string>} the generated module text */
export async function renderSpec() {
  return `${banner}/** The spec, as the sandbox runs on it. */
export const spec = ${JSON.stringify(await specBundle(), null, 2)};
`;
}

/** The parts of the spec the sandbox runs on, as a plain object (also what the validators are compiled from). */
export async function specBundle() {
  const spec = parse(await readFile(specUrl, 'utf8'));
  const resolve = resolver(spec);

  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    httpMethods
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method];
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => {
          const parameter = resolve(p);
          return {
            name: parameter.name,
            in: parameter.in,
            required: parameter.required === true,
            ...(parameter.style ? { style: parameter.style } : {}),
            ...(parameter.explode !== undefined ? { explode: parameter.explode } : {}),
            schema: validationSchema(parameter.schema),
          };
        });
        const body = operation.requestBody ? resolve(operation.requestBody) : undefined;
        const bodySchema = body?.content?.['application/json']?.schema;
        return {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          parameters,
          ...(body ? { requestBody: { required: body.required === true, schema: validationSchema(bodySchema) } } : {}),
        };
      }),
  );

  // Every error envelope the spec names, code → message (the sandbox answers with the spec's own words).
  const messages = {};
  for (const example of Object.values(spec.components.examples ?? {})) {
    const { code, msg } = example.value ?? {};
    if (typeof code === 'number' && code !== 200 && typeof msg === 'string') messages[code] = msg;
  }
  // The message of a success, as the spec's `success` examples write it.
  const successMessages = new Set(
    Object.values(spec.paths).flatMap((item) =>
      httpMethods.flatMap((method) => {
        const examples = resolve(item[method]?.responses?.['200'])?.content?.['application/json']?.examples ?? {};
        return examples.success ? [resolve(examples.success).value.msg] : [];
      }),
    ),
  );
  if (successMessages.size !== 1) throw new Error('the success examples disagree on msg');
  const [successMessage] = successMessages;

  const requirement = spec.security?.[0] ?? {};
  const securityHeaders = Object.keys(requirement).map((name) => {
    const scheme = spec.components.securitySchemes[name];
    if (scheme?.type !== 'apiKey' || scheme.in !== 'header')
      throw new Error(`security scheme ${name} is not an apiKey header`);
    return scheme.name;
  });

  const limits = Object.fromEntries(
    Object.entries(spec['x-nim-limits'] ?? {}).map(([name, { value }]) => [name, value]),
  );
  for (const name of [
    'groupsPerConversation',
    'groupsPerAccount',
    'conversationsPerGroup',
    'checkSumValiditySeconds',
    'callsPerSecondPerApi',
  ]) {
    if (typeof limits[name] !== 'number') throw new Error(`spec lacks x-nim-limits.${name}`);
  }

  // Endpoint discovery (x-nim-discovery): the allocation service's path, the health path and the ttl bounds.
  const discoverySpec = spec['x-nim-discovery'];
  const allocatePaths = new Set(
    Object.values(discoverySpec?.allocationUrls ?? {})
      .flat()
      .map((url) => new URL(url).pathname),
  );
  if (allocatePaths.size !== 1 || typeof discoverySpec.healthPath !== 'string')
    throw new Error('spec lacks x-nim-discovery (one allocation path, a health path)');
  const discovery = {
    allocatePath: [...allocatePaths][0],
    healthPath: discoverySpec.healthPath,
    ttlSeconds: discoverySpec.ttlSeconds,
  };

  const bundle = {
    version: String(spec.info.version),
    successMessage,
    securityHeaders,
    limits,
    discovery,
    messages,
    operations,
    schemas: validationSchema({ $defs: spec.components.schemas }).$defs,
  };
  return bundle;
}
