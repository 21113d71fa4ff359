import { operationIds, responseShapes } from '@nim-api/types';
import { describe, expect, it } from 'vitest';
import { checkResponseData, ResponseShapeError } from '../../src/pipeline/response-check.js';

const group = { group_id: '1001', name: 'Work', create_time: 1, update_time: 2 };
const problem = (operationId: string, data: unknown) => {
  try {
    checkResponseData(operationId, data);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseShapeError);
    return (error as Error).message;
  }
};

describe('checkResponseData', () => {
  it('has a shape for every operation of the spec, generated from it', () => {
    // Keyed by the generated operation table: every operation of the spec, no hand list to keep.
    expect(Object.keys(responseShapes.byOperation).sort()).toEqual([...operationIds].sort());
  });

  it('accepts data as the spec describes it, and passes unknown extra fields through', () => {
    expect(problem('getConversationGroup', { ...group, extra: { anything: [1] } })).toBeUndefined();
    expect(problem('listConversationGroups', { conversation_groups: [group] })).toBeUndefined();
    expect(
      problem('listGroupConversations', { has_more: false, items: [{ conversation_id: 'a|1|b', pinned: true }] }),
    ).toBeUndefined();
    expect(problem('deleteConversationGroup', {})).toBeUndefined();
  });

  it('names the first field that is wrong', () => {
    expect(problem('getConversationGroup', 5)).toBe('data must be an object (got 5)');
    expect(problem('getConversationGroup', { ...group, group_id: undefined })).toBe('data.group_id is missing');
    expect(problem('getConversationGroup', { ...group, group_id: '-5' })).toBe(
      'data.group_id must be a positive int64 group id written as an integer (got "-5")',
    );
    // A number survives the exact-id parse only when written otherwise (1.0): it would reach the caller as a number.
    expect(problem('getConversationGroup', { ...group, group_id: 1 })).toBe(
      'data.group_id must be a positive int64 group id written as an integer (got 1)',
    );
    expect(problem('getConversationGroup', { ...group, group_id: '1'.repeat(30) })).toMatch(
      /^data\.group_id must be a positive int64/,
    );
    expect(problem('getConversationGroup', { ...group, name: 7 })).toBe('data.name must be a string (got 7)');
    expect(problem('listConversationGroups', { conversation_groups: {} })).toBe(
      'data.conversation_groups must be an array (got an object)',
    );
    expect(problem('createConversationGroup', { conversation_group: group, failed_list: [null] })).toBe(
      'data.failed_list[0] must be an object (got null)',
    );
    expect(problem('listGroupConversations', { has_more: 'yes', items: [] })).toBe(
      'data.has_more must be a boolean (got "yes")',
    );
    expect(problem('listGroupConversations', { has_more: true, next_token: '\uD800', items: [] })).toBe(
      'data.next_token must be valid Unicode (it holds a lone surrogate)',
    );
  });

  it('walks a 250,000-item list without recursion into arguments', () => {
    const items = Array.from({ length: 250_000 }, (_, i) => ({ conversation_id: `a|1|b${i}` }));
    expect(problem('listGroupConversations', { has_more: false, items })).toBeUndefined();
  });
});
