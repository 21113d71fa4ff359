// Typed shortcuts for the seven operations over `call`, for handler and model tests.
import type { Sandbox } from '../../src/index.js';
import { call, type CallInit, type Credentials, type Reply } from './signed.js';

export interface Api {
  create(body: Record<string, unknown>): Promise<Reply>;
  update(groupId: string, body: Record<string, unknown>): Promise<Reply>;
  remove(groupId: string, accountId: string): Promise<Reply>;
  get(groupId: string, accountId: string): Promise<Reply>;
  batchGet(accountId: string, groupIds: readonly string[]): Promise<Reply>;
  list(accountId: string): Promise<Reply>;
  page(groupId: string, accountId: string, query?: { limit?: number; page_token?: string }): Promise<Reply>;
  raw(method: string, path: string, init?: CallInit): Promise<Reply>;
}

export function apiOf(
  target: { fetch: (request: Request) => Promise<Response>; base?: string },
  credentials: Credentials,
): Api {
  const raw = (method: string, path: string, init?: CallInit) => call(target, credentials, method, path, init);
  const groups = '/im/v2/conversation_groups';
  return {
    raw,
    create: (body) => raw('POST', groups, { body }),
    update: (groupId, body) => raw('PATCH', `${groups}/${groupId}`, { body }),
    remove: (groupId, account_id) => raw('DELETE', `${groups}/${groupId}`, { query: { account_id } }),
    get: (groupId, account_id) => raw('GET', `${groups}/${groupId}`, { query: { account_id } }),
    batchGet: (account_id, group_ids) =>
      raw('GET', `${groups}/actions/group_ids`, { query: { account_id, group_ids } }),
    list: (account_id) => raw('GET', groups, { query: { account_id } }),
    page: (groupId, account_id, query = {}) =>
      raw('GET', `${groups}/${groupId}/conversations`, {
        query: {
          account_id,
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.page_token !== undefined ? { page_token: query.page_token } : {}),
        },
      }),
  };
}

/** The API of an in-process sandbox. */
export const inProcess = (sandbox: Sandbox): Api => apiOf({ fetch: sandbox.fetch }, sandbox);

/** Walks every page of a group; returns the conversation ids in order (fails the walk on a non-200 page). */
export async function walk(api: Api, groupId: string, accountId: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 10_000; guard += 1) {
    const reply = await api.page(groupId, accountId, { limit, ...(token ? { page_token: token } : {}) });
    if (reply.json?.code !== 200) throw new Error(`page failed: ${reply.text}`);
    ids.push(...reply.json.data.items.map((item: { conversation_id: string }) => item.conversation_id));
    if (!reply.json.data.has_more) return ids;
    token = reply.json.data.next_token;
  }
  throw new Error('the walk does not end');
}
