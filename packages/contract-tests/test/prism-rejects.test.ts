// The mock is strict where the client validates: raw `fetch` requests that bypass the client and break the spec
// are refused — 401 without a signing header, 422 for an invalid body or path (the spec declares no 4xx).
import { describe, expect, inject, it } from 'vitest';

const prismUrl = inject('prismUrl');

const signing = { AppKey: 'contract-test-app-key', Nonce: 'n0nce', CurTime: '1764115200', CheckSum: '0'.repeat(40) };
const json = { 'Content-Type': 'application/json' };
const ids = (count: number) => Array.from({ length: count }, (_, i) => `alice|1|user${i}`);

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(new URL(path, prismUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const problem = response.headers.get('content-type')?.includes('json')
    ? (JSON.parse(text) as Record<string, any>)
    : {};
  return { status: response.status, problem, text };
}

describe('missing signing headers → 401', () => {
  it('a fully signed request passes (the control)', async () => {
    const { status } = await send('GET', '/im/v2/conversation_groups?account_id=alice', signing);
    expect(status).toBe(200);
  });

  it.each(Object.keys(signing))('without %s', async (header) => {
    const headers: Record<string, string> = { ...signing };
    delete headers[header];
    const { status, problem } = await send('GET', '/im/v2/conversation_groups?account_id=alice', headers);
    expect(status).toBe(401);
    expect(problem.type).toMatch(/UNAUTHORIZED/);
  });

  it('with no header at all', async () => {
    expect((await send('DELETE', '/im/v2/conversation_groups/1001?account_id=alice', {})).status).toBe(401);
  });
});

describe('requests the spec forbids → 422', () => {
  const cases: { title: string; method: string; path: string; body?: unknown; location: string[] }[] = [
    {
      title: 'a create body without name',
      method: 'POST',
      path: '/im/v2/conversation_groups',
      body: { account_id: 'alice', conversation_ids: ['alice|1|bob'] },
      location: ['body'],
    },
    {
      title: 'a create body with 101 conversation ids',
      method: 'POST',
      path: '/im/v2/conversation_groups',
      body: { account_id: 'alice', name: 'Work', conversation_ids: ids(101) },
      location: ['body', 'conversation_ids'],
    },
    {
      title: 'an update body with 101 conversation ids',
      method: 'PATCH',
      path: '/im/v2/conversation_groups/1001',
      body: { account_id: 'alice', conversations: { type: 1, conversation_ids: ids(101) } },
      location: ['body', 'conversations', 'conversation_ids'],
    },
    {
      title: 'a non-integer group id (letters)',
      method: 'GET',
      path: '/im/v2/conversation_groups/abc?account_id=alice',
      location: ['path', 'group_id'],
    },
    {
      title: 'a non-integer group id (a fraction)',
      method: 'DELETE',
      path: '/im/v2/conversation_groups/10.5?account_id=alice',
      location: ['path', 'group_id'],
    },
    {
      title: 'a non-integer group id in group_ids',
      method: 'GET',
      path: '/im/v2/conversation_groups/actions/group_ids?account_id=alice&group_ids=1001,abc',
      location: ['query', 'group_ids'],
    },
  ];

  it.each(cases)('$title', async ({ method, path, body, location }) => {
    const { status, problem, text } = await send(
      method,
      path,
      body === undefined ? signing : { ...signing, ...json },
      body,
    );
    expect(status, text).toBe(422);
    expect(problem.type).toMatch(/UNPROCESSABLE_ENTITY/);
    const locations = (problem.validation as { location: string[] }[]).map((issue) => issue.location.join('.'));
    expect(
      locations.some((where) => where.startsWith(location.join('.'))),
      locations.join(', '),
    ).toBe(true);
  });

  it('100 conversation ids are accepted (the limit itself)', async () => {
    const { status, text } = await send(
      'POST',
      '/im/v2/conversation_groups',
      { ...signing, ...json },
      {
        account_id: 'alice',
        name: 'Work',
        conversation_ids: ids(100),
      },
    );
    expect(status, text).toBe(200);
  });
});
