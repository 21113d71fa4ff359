// Builds the docs site into site/: the bundled spec (openapi.yaml, openapi.json; its curl samples rendered from the
// spec here) and index.html rendered by `redocly build-docs --inlineBundle` (Redoc inlined, no CDN, no web fonts), and
// the SDK reference in site/sdk/, rendered by TypeDoc from the TSDoc of @nim-api/client, @nim-api/sandbox and
// @nim-api/redis (typedoc.json; each package's page is its README, with its own search). Run by `pnpm docs`.
import { spawn } from 'node:child_process';
import { readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { quietToolEnv } from '../../../scripts/tool-env.mjs';
import { withCurlSamples } from './curl-samples.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('../', import.meta.url));
// NIM_SPEC_PATH and NIM_DOCS_OUT: another spec and output folder (the adding-an-operation walk builds a temp copy).
const site = process.env.NIM_DOCS_OUT ? `${process.env.NIM_DOCS_OUT.replace(/\/$/, '')}/` : `${here}site/`;
const redocly = `${root}node_modules/.bin/redocly`;
const typedoc = `${here}node_modules/.bin/typedoc`;
// The spec with a curl sample per operation rendered from it (curl-samples.mjs), written beside the site.
const specFile = process.env.NIM_SPEC_PATH ?? `${root}openapi/conversation-groups.yaml`;
const api = `${site}.openapi-with-samples.yaml`;
const config = `${root}redocly.yaml`;

function run(args, command = redocly) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, command === redocly ? [...args, '--config', config] : args, {
      cwd: root,
      env: { ...process.env, ...quietToolEnv, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

const started = performance.now();
const { description } = JSON.parse(await readFile(`${root}package.json`, 'utf8'));
await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });
await writeFile(api, stringify(withCurlSamples(parse(await readFile(specFile, 'utf8'))), { lineWidth: 0 }));

await Promise.all([
  run(['bundle', api, '-o', `${site}openapi.yaml`]),
  run(['bundle', api, '--ext', 'json', '-o', `${site}openapi.json`]),
  run([
    'build-docs',
    api,
    '--inlineBundle',
    '--output',
    `${site}index.html`,
    '--template',
    `${here}template.hbs`,
    `--templateOptions.description=${description}`,
    '--openapi',
    `${here}redoc-options.json`,
  ]),
  // TypeDoc runs from this package's directory: typedoc.json's paths are relative to it.
  run(['--options', `${here}typedoc.json`], typedoc).then((output) => {
    if (output.trim()) console.log(output.trim());
  }),
]);

// Redoc's "API docs by Redocly" footer loads its logo from cdn.redoc.ly; the site must make no outside request.
const html = await readFile(`${site}index.html`, 'utf8');
const logo =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='16'%3E%3Ctext x='0' y='12' font-family='sans-serif' font-size='12' fill='%23666'%3ERedoc%3C/text%3E%3C/svg%3E";
const offline = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, logo);
await writeFile(`${site}index.html`, offline);
await rm(api, { force: true });

const kib = (Buffer.byteLength(offline) / 1024).toFixed(0);
console.log(
  `docs site built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${site}index.html (${kib} KiB), openapi.yaml, openapi.json, sdk/index.html`,
);
