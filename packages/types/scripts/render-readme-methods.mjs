// Renders the rows of the README's method table for the operations of the generated layer (every resource but the
// hand-written conversationGroups), between the markers `<!-- generated methods: start -->` and `… end -->`, from
// the operation table: the call with its path parameters and input fields, the operationId, the summary.
import { readFile } from 'node:fs/promises';
import { readOperationTable } from './render-operations.mjs';
import { specUrl } from './render-types.mjs';
import { parse } from 'yaml';

export const readmeUrl = new URL('../../client/README.md', import.meta.url);
const start = '<!-- generated methods: start (pnpm generate, packages/types/scripts/render-readme-methods.mjs) -->';
const end = '<!-- generated methods: end -->';
const handWritten = new Set(['conversationGroups']);

const camelCase = (name) => name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());

/** @returns {Promise<string>} README.md with its generated rows rendered afresh */
export async function renderReadmeMethods() {
  const readme = await readFile(readmeUrl, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  const spec = parse(await readFile(specUrl, 'utf8'));
  const summaries = {};
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item))
      if (operation?.operationId) summaries[operation.operationId] = operation.summary;
  }
  const { table } = await readOperationTable();
  const rows = [];
  for (const [id, row] of Object.entries(table)) {
    if (handWritten.has(row.sdk.resource)) continue;
    const path = row.params.filter((p) => p.in === 'path').map((p) => camelCase(p.name));
    const fieldsOf = (skip) =>
      row.params.filter((p) => p.in !== 'path' && p.name !== skip).map((p) => `${p.name}${p.required ? '' : '?'}`);
    const call = (method, fields) =>
      `${row.sdk.resource}.${method}(${[...path, ...(fields.length ? [`{ ${fields.join(', ')} }`] : [])].join(', ')})`;
    const notes = [summaries[id]];
    if (row.unsafe) notes.push('never retried after a timeout/5xx unless `retryUnsafe`');
    if (row.lists.length) notes.push(`${row.lists.map((list) => `\`${list}\``).join(', ')} always arrays`);
    rows.push(`| \`${call(row.sdk.method, fieldsOf())}\` | \`${id}\` | ${notes.join('; ')} |`);
    if (row.pagination)
      rows.push(
        `| \`${call(row.pagination.iterator, fieldsOf(row.pagination.tokenIn))}\` | \`${id}\` | async iterator over all pages |`,
      );
  }
  const header = '| method | operation | notes |\n|---|---|---|';
  return `${readme.slice(0, from + start.length)}\n${header}\n${rows.join('\n')}\n${readme.slice(to)}`;
}
