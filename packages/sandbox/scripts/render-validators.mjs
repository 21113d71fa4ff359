// Compiles the spec's schemas into validators at generate time (ajv standalone code), into
// src/generated/validators.ts: the sandbox never compiles code at run time, so it runs where `new Function` is
// refused (Cloudflare's workerd, Vercel's edge runtime, a CSP page). One validator per operation's parameters
// (`params_<operationId>`) and request body (`body_<operationId>`), and one per component schema (`schema_<Name>`).
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { specBundle } from './render-spec.mjs';

const banner = `// @ts-nocheck -- GENERATED FILE — DO NOT EDIT.
// The spec's schemas compiled by ajv (standalone code) at generate time (\`pnpm generate\`,
// scripts/render-validators.mjs): no code is compiled at run time. Edit the spec and regenerate instead; the test
// run fails when this file is stale.
`;

const defsId = 'spec-defs';
const withDefs = (schema) => JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${defsId}#/$defs/`));

/** The parameters of an operation as one object schema (what schema-validation.ts checks them as). */
export function parametersSchema(operation) {
  const properties = {};
  const required = [];
  for (const parameter of operation.parameters) {
    properties[parameter.name] = parameter.schema;
    if (parameter.required) required.push(parameter.name);
  }
  return { type: 'object', properties, required };
}

/** @returns {Promise<string>} the generated module text */
export async function renderValidators() {
  const bundle = await specBundle();
  const ajv = new Ajv2020({
    strict: true,
    allErrors: false,
    strictTypes: false,
    logger: false,
    // int64 needs no code of its own: `type: integer` beside it already holds every value to an integer.
    formats: { int64: true },
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  ajv.addSchema({ $id: defsId, $defs: bundle.schemas });
  const exports = {};
  for (const operation of bundle.operations) {
    const id = `params_${operation.operationId}`;
    ajv.addSchema({ $id: id, ...withDefs(parametersSchema(operation)) });
    exports[id] = id;
    if (operation.requestBody) {
      const bodyId = `body_${operation.operationId}`;
      ajv.addSchema({ $id: bodyId, ...withDefs(operation.requestBody.schema) });
      exports[bodyId] = bodyId;
    }
  }
  for (const name of Object.keys(bundle.schemas)) {
    const id = `schema_${name}`;
    ajv.addSchema({ $id: id, $ref: `${defsId}#/$defs/${name}` });
    exports[id] = id;
  }
  let code = standaloneCode(ajv, exports);
  if (/\brequire\(/.test(code)) {
    // ajv's runtime helpers: ucs2length (string lengths in code points, as JSON Schema counts them).
    code = code.replace(
      /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;?/g,
      'const $1 = ucs2length;',
    );
    if (/\brequire\(/.test(code))
      throw new Error(
        `the standalone validators need a runtime helper not handled here: ${code.match(/require\([^)]*\)/)[0]}`,
      );
    code = `${code}\n\n${ucs2lengthSource}`;
  }
  return `${banner}${code}\n`;
}

// JSON Schema's string length: code points, a surrogate pair counting once (ajv's runtime helper, rewritten).
const ucs2lengthSource = `function ucs2length(text) {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    length += 1;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i += 1;
    }
  }
  return length;
}`;
