// iterateConversations over generated chains of pages (valid ones, and a lone surrogate, a repeated, a missing or
// an empty next_token), and every operation answering with lists of 250,000 items.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type AnswerCase, checkAnswers } from './support/harness.js';
import type { ExpectedRequest } from './support/outcome.js';
import { described, runProperty } from './support/property.js';
import { tick } from './support/recording-fetch.js';
import { exact } from './support/response-data.js';
import type { MethodName } from './support/result-schemas.js';
import { toWellFormed } from './support/validity.js';
import { envelopeText, textResponse } from './support/wire.js';

const conversationsPath = '/im/v2/conversation_groups/1001/conversations';
type Page = { has_more: unknown; next_token?: unknown; items: unknown[] };
const variants = ['valid', 'lone surrogate token', 'repeated token', 'missing token', 'empty token'] as const;

function chainCase(tokens: string[], items: unknown[][], variant: (typeof variants)[number]): AnswerCase {
  const pages: Page[] = items.map((pageItems, i) => ({
    has_more: i < tokens.length,
    ...(i < tokens.length && { next_token: tokens[i] }),
    items: pageItems,
  }));
  if (variant === 'lone surrogate token') pages[0]!.next_token = tokens[0] = `${tokens[0]}\ud800`;
  if (variant === 'repeated token') pages[1] = { has_more: true, next_token: tokens[0], items: pages[1]!.items };
  if (variant === 'missing token') delete pages[0]!.next_token;
  if (variant === 'empty token') pages[0]!.next_token = '';
  const pageOf = (token: string | undefined) =>
    token === undefined ? 0 : tokens.findIndex((t) => t === token || toWellFormed(t) === token) + 1;
  const slots: ExpectedRequest[][] = pages.map((_, i) =>
    [undefined, tokens[i - 1], toWellFormed(tokens[i - 1] ?? '')].map((pageToken) => ({
      method: 'GET',
      path: conversationsPath,
      query: { account_id: 'alice', page_token: i === 0 ? undefined : pageToken },
    })),
  );
  const valid = variant === 'valid';
  return described<AnswerCase>(
    {
      responder: async ({ request }) => {
        const sent = await request;
        await tick();
        const index = pageOf(sent.query.page_token);
        return textResponse(
          index > 0 || sent.query.page_token === undefined
            ? envelopeText(pages[index])
            : envelopeText({}, 414, 'unknown page token'),
        );
      },
      mustResolve: valid,
      ...(valid ? { expected: exact(items.flat()) } : { errorNames: ['NimResponseError'] }),
      slots,
    },
    `${pages.length} page(s), ${variant}, tokens ${JSON.stringify(tokens)}`,
  );
}

const chains = fc
  .tuple(
    fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/), { minLength: 1, maxLength: 4 }),
    fc.constantFrom(...variants),
  )
  .chain(([tokens, variant]) =>
    fc
      .array(
        fc.array(
          fc.stringMatching(/^[a-z]{1,8}$/).map((peer) => ({ conversation_id: `alice|1|${peer}` })),
          { maxLength: 3 },
        ),
        { minLength: tokens.length + 1, maxLength: tokens.length + 1 },
      )
      .map((items) => chainCase([...tokens], items, variant)),
  );

const count = 250_000;
const ids = () => Array.from({ length: count }, (_, i) => `alice|1|peer${i}`);
const groups = () =>
  Array.from({ length: count }, (_, i) => ({ group_id: BigInt(i + 1), name: 'g', create_time: 1, update_time: 1 }));
const group = { group_id: 9007199254740993n, name: 'Work', create_time: 1, update_time: 1 };
const huge: Partial<Record<MethodName, { data: () => unknown; length: (value: never) => number }>> = {
  create: {
    data: () => ({ conversation_group: group, success_list: ids(), failed_list: [] }),
    length: (v: { success_list: unknown[] }) => v.success_list.length,
  },
  update: {
    data: () => ({
      conversation_group: group,
      success_list: [],
      failed_list: ids().map((conversation_id) => ({ conversation_id, error_code: 1 })),
    }),
    length: (v: { failed_list: unknown[] }) => v.failed_list.length,
  },
  addConversations: {
    data: () => ({ conversation_group: group, success_list: ids(), failed_list: [] }),
    length: (v: { success_list: unknown[] }) => v.success_list.length,
  },
  removeConversations: {
    data: () => ({
      conversation_group: group,
      success_list: [],
      failed_list: ids().map((conversation_id) => ({ conversation_id, error_code: 1 })),
    }),
    length: (v: { failed_list: unknown[] }) => v.failed_list.length,
  },
  get: {
    data: () => ({ ...group, conversation_ids: ids() }),
    length: (v: { conversation_ids: unknown[] }) => v.conversation_ids.length,
  },
  batchGet: {
    data: () => ({
      success_list: [],
      failed_list: groups().map(({ group_id }) => ({ group_id, error_code: 116404, error_msg: 'x' })),
    }),
    length: (v: { failed_list: unknown[] }) => v.failed_list.length,
  },
  list: {
    data: () => ({ conversation_groups: groups() }),
    length: (v: { conversation_groups: unknown[] }) => v.conversation_groups.length,
  },
  listConversations: {
    data: () => ({ has_more: false, items: ids().map((conversation_id) => ({ conversation_id })) }),
    length: (v: { items: unknown[] }) => v.items.length,
  },
  iterateConversations: {
    data: () => ({ has_more: false, items: ids().map((conversation_id) => ({ conversation_id })) }),
    length: (v: unknown[]) => v.length,
  },
};

describe('pages and huge lists', () => {
  it('iterateConversations yields every item of a valid chain of pages, and stops with NimResponseError on a broken one', async () => {
    await runProperty(
      'pages: iterateConversations',
      chains,
      (answers) => checkAnswers('iterateConversations', answers, { maxRetries: 0, timeoutMs: 2_000 }),
      150,
    );
  }, 120_000);

  for (const [method, { data, length }] of Object.entries(huge) as Array<
    [MethodName, NonNullable<(typeof huge)[MethodName]>]
  >) {
    it(`${method} resolves with all ${count.toLocaleString('en')} items of a huge list`, async () => {
      const body = envelopeText(data());
      await checkAnswers(
        method,
        {
          responder: async () => {
            await tick();
            return textResponse(body);
          },
          mustResolve: true,
          check: (value) =>
            length(value as never) === count
              ? undefined
              : `resolved with ${length(value as never)} items, not ${count}`,
        },
        { maxRetries: 0, timeoutMs: 30_000, slackMs: 30_000 },
      );
    }, 120_000);
  }
});
