// The curl sample of every operation, rendered from the spec at docs build (not kept by hand in x-codeSamples): the
// signing lines once, here; the method, path, parameters and body from the operation and its examples. Used by
// build.mjs (the site) and by the docs tests (which run every sample against a loopback server).

/** The lines every sample starts with: the CheckSum of the guide (hex SHA-1 of AppSecret + Nonce + CurTime). */
const signing = `BASE=https://open.yunxinapi.com
# CheckSum: hex SHA-1 of AppSecret + Nonce + CurTime
NONCE=$(head -c16 /dev/urandom | sha1sum | cut -c-32)
CURTIME=$(date +%s)
CHECKSUM=$(printf %s "$NIM_APP_SECRET$NONCE$CURTIME" |
  sha1sum | cut -d' ' -f1)
TRACE_ID=$(head -c16 /dev/urandom | sha1sum | cut -c-32)
`;

const headers = [
  '  -H "AppKey: $NIM_APP_KEY" -H "Nonce: $NONCE"',
  '  -H "CurTime: $CURTIME" -H "CheckSum: $CHECKSUM"',
  '  -H "X-custom-traceid: $TRACE_ID"',
];

/** The widest line the site's code panel shows whole. */
const width = 60;

const shellQuote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * @param {Record<string, any>} spec the whole document (for `$ref`s)
 * @param {string} path the path template
 * @param {string} method lower-case HTTP method
 * @param {Record<string, any>} operation
 * @param {Record<string, any>[]} pathItemParameters the path item's own parameters
 * @returns {string} the sample, ending with a newline
 */
export function renderCurl(spec, path, method, operation, pathItemParameters = []) {
  const resolve = (node) => {
    while (node?.$ref)
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key], spec);
    return node;
  };
  const params = [...pathItemParameters, ...(operation.parameters ?? [])].map(resolve);
  const exampleOf = (param) => {
    const value = param.example ?? resolve(param.schema)?.examples?.[0];
    if (value === undefined)
      throw new Error(`${operation.operationId}: parameter ${param.name} has no example for its curl sample`);
    return Array.isArray(value) ? value.join(',') : String(value);
  };
  const tokenIn = operation['x-nim-pagination']?.tokenIn;
  let url = `$BASE${path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(exampleOf(params.find((p) => p.in === 'path' && p.name === name))))}`;
  const query = params
    .filter((p) => p.in === 'query' && p.name !== tokenIn)
    .map((p) => {
      const value = exampleOf(p);
      return /^[A-Za-z0-9_.,-]*$/.test(value)
        ? `-d ${p.name}=${value}`
        : `--data-urlencode ${shellQuote(`${p.name}=${value}`)}`;
    });
  const upper = method.toUpperCase();
  const flags = [upper === 'GET' ? '' : `-X ${upper}`, query.length ? '-G' : ''].filter(Boolean).join(' ');
  const lines = [];
  // A URL too wide for one line is built in steps, one path segment group per line.
  if (`  "${url}" \\`.length > width) {
    const segments = url.split('/');
    let line = 'URL="';
    const parts = [];
    for (const segment of segments) {
      const next = line.endsWith('"') ? `${line}${segment}` : `${line}/${segment}`;
      if (`${next}"`.length > width && !line.endsWith('"')) {
        parts.push(`${line}"`);
        line = `URL="$URL/${segment}`;
      } else line = next;
    }
    parts.push(`${line}"`);
    lines.push(...parts);
    url = '$URL';
  }
  const head = `curl -sS${flags ? ` ${flags}` : ''} "${url}" \\`;
  if (head.length <= width) lines.push(head);
  else lines.push(`curl -sS${flags ? ` ${flags}` : ''} \\`, `  "${url}" \\`);
  // Query arguments, several to a line while they fit.
  let row = '';
  for (const argument of query) {
    if (`  ${argument} \\`.length > width && argument.startsWith('--data-urlencode ')) {
      // Too wide even alone: the option on one line, its value on the next.
      if (row) lines.push(`  ${row} \\`);
      lines.push('  --data-urlencode \\', `    ${argument.slice('--data-urlencode '.length)} \\`);
      row = '';
    } else if (row && `  ${row} ${argument} \\`.length > width) {
      lines.push(`  ${row} \\`);
      row = argument;
    } else row = row ? `${row} ${argument}` : argument;
  }
  if (row) lines.push(`  ${row} \\`);
  const body = resolve(operation.requestBody)?.content?.['application/json'];
  const example = body && (body.example ?? resolve(Object.values(body.examples ?? {})[0])?.value);
  if (body && example === undefined)
    throw new Error(`${operation.operationId}: the request body has no example for its curl sample`);
  lines.push(...headers.map((line, index) => (index < headers.length - 1 || body ? `${line} \\` : line)));
  if (body) {
    lines.push("  -H 'Content-Type: application/json;charset=utf-8' \\");
    const json = JSON.stringify(example, null, 2).replaceAll("'", "'\\''");
    lines.push(`  -d '${json.split('\n').join('\n    ')}'`);
  }
  return `${signing}\n${lines.join('\n')}\n`;
}

/**
 * The spec with a curl sample appended to every operation's x-codeSamples (the hand-kept samples are TypeScript).
 * @param {Record<string, any>} spec parsed document; not modified
 */
export function withCurlSamples(spec) {
  const copy = structuredClone(spec);
  for (const [path, item] of Object.entries(copy.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method];
      if (!operation) continue;
      const source = renderCurl(copy, path, method, operation, item.parameters);
      operation['x-codeSamples'] = [...(operation['x-codeSamples'] ?? []), { lang: 'Shell', label: 'curl', source }];
    }
  }
  return copy;
}
