import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { schemaProblem, validateRequest } from '../../src/rules/schema-validation.js';
import { specOperations, specSchemas } from '../../src/spec/spec.js';

const operation = (id: string) => specOperations.find((o) => o.operationId === id)!;
const parts = (
  query: string,
  pathParams: Record<string, string> = {},
  body?: unknown,
  headers: Record<string, string> = {},
) => ({
  pathParams,
  query: new URLSearchParams(query),
  header: (name: string) => headers[name.toLowerCase()],
  body,
});
const accountPattern = new RegExp(specSchemas.AccountId!.pattern as string);

describe('validateRequest', () => {
  it('accepts exactly the account ids the spec pattern accepts (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_@.-]{1,32}$/), fc.string({ maxLength: 40 })), (accountId) => {
        const checked = validateRequest(
          operation('listConversationGroups'),
          parts(new URLSearchParams({ account_id: accountId }).toString()),
        );
        expect(checked.ok).toBe(accountPattern.test(accountId));
      }),
      fcParams(21, 300),
    );
  });

  it('keeps int64 ids exact as decimal strings and refuses what is not a positive int64', () => {
    const get = operation('getConversationGroup');
    const ok = validateRequest(get, parts('account_id=alice', { group_id: '9007199254740993' }));
    expect(ok).toEqual({ ok: true, params: { account_id: 'alice', group_id: '9007199254740993' }, body: undefined });
    expect(validateRequest(get, parts('account_id=alice', { group_id: '9223372036854775807' })).ok).toBe(true);
    for (const id of ['9223372036854775808', '0', '-3', '1e3', '0x10', ' 1', '']) {
      expect(validateRequest(get, parts('account_id=alice', { group_id: id })), id).toMatchObject({ ok: false });
    }
    const batch = validateRequest(
      operation('batchGetConversationGroups'),
      parts('account_id=alice&group_ids=1,9007199254740993&group_ids=007'),
    );
    expect(batch).toMatchObject({ ok: true, params: { group_ids: ['1', '9007199254740993', '7'] } });
  });

  it('names a missing parameter with where it belongs, not as a property of the body', () => {
    for (const id of ['listConversationGroups', 'getConversationGroup', 'deleteConversationGroup']) {
      const checked = validateRequest(operation(id), parts('', { group_id: '1' }));
      expect(checked, id).toEqual({ ok: false, problem: 'query parameter account_id is required' });
    }
  });

  it('reads limit as an integer within the bounds of the spec', () => {
    const page = operation('listGroupConversations');
    expect(validateRequest(page, parts('account_id=a&limit=100', { group_id: '1' }))).toMatchObject({
      ok: true,
      params: { limit: 100 },
    });
    expect(validateRequest(page, parts('account_id=a&limit=101', { group_id: '1' }))).toEqual({
      ok: false,
      problem: 'limit must be <= 100',
    });
    expect(validateRequest(page, parts('account_id=a&limit=x', { group_id: '1' }))).toEqual({
      ok: false,
      problem: 'limit must be integer',
    });
  });

  it('checks the trace-id header length and names where a body is wrong', () => {
    const create = operation('createConversationGroup');
    const body = { account_id: 'alice', name: 'W', conversation_ids: ['alice|1|bob', 'nope'] };
    expect(validateRequest(create, parts('', {}, body))).toEqual({
      ok: false,
      problem: expect.stringMatching(/^conversation_ids\[1\] must match pattern/),
    });
    expect(
      validateRequest(
        create,
        parts('', {}, { account_id: 'alice', name: 'W' }, { 'x-custom-traceid': 'x'.repeat(129) }),
      ),
    ).toEqual({
      ok: false,
      problem: 'X-custom-traceid must NOT have more than 128 characters',
    });
    expect(validateRequest(create, parts('', {}, undefined))).toEqual({
      ok: false,
      problem: 'the request body is missing',
    });
  });

  it('copies only the fields the spec names out of the body', () => {
    const body = JSON.parse('{"account_id":"alice","name":"W","__proto__":{"polluted":true},"extra":1}');
    const checked = validateRequest(operation('createConversationGroup'), parts('', {}, body));
    expect(checked).toEqual({ ok: true, params: {}, body: { account_id: 'alice', name: 'W' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a result, never throws, whatever the query and body (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...specOperations),
        fc.string({ maxLength: 60 }),
        fc.jsonValue(),
        fc.string({ maxLength: 30 }),
        (op, query, body, groupId) => {
          const checked = validateRequest(op, parts(query, { group_id: groupId }, body));
          expect(typeof checked.ok).toBe('boolean');
        },
      ),
      fcParams(22, 300),
    );
  });
});

describe('schemaProblem', () => {
  it('checks a value against one component schema of the spec', () => {
    expect(schemaProblem('ConversationId', 'alice|1|bob')).toBeUndefined();
    expect(schemaProblem('ConversationId', 'alice|9|bob')).toMatch(/must match pattern/);
    expect(schemaProblem('GroupName', '')).toMatch(/fewer than 1/);
    expect(() => schemaProblem('NoSuchSchema', 1)).toThrow(/no schema/);
  });
});
