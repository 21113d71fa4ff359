import fc from 'fast-check';
import { fcParams } from '../support/fc.js';
import { describe, expect, it } from 'vitest';
import { logValue, requestLine } from '../../src/front/log-line.js';
import type { SandboxRequestRecord } from '../../src/index.js';

const record = (fields: Partial<SandboxRequestRecord>): SandboxRequestRecord => ({
  at: 0,
  method: 'GET',
  path: '/im/v2/conversation_groups',
  query: {},
  body: undefined,
  operation: 'listConversationGroups',
  account: 'alice',
  traceId: 'trace-1',
  signature: 'valid',
  code: 200,
  status: 200,
  fault: undefined,
  ...fields,
});

describe('the request log line', () => {
  it('prints plain values as they are', () => {
    expect(requestLine(record({}))).toBe(
      '1970-01-01T00:00:00.000Z GET    listConversationGroups      account=alice signature=valid code=200 http=200 trace=trace-1',
    );
  });

  it('quotes a value that could end the line, forge a field or drive the terminal', () => {
    expect(logValue('a\nFAKE LINE')).toBe('"a\\nFAKE LINE"');
    expect(logValue('evil\u001b[31mRED')).toBe('"evil\\u001b[31mRED"');
    expect(logValue('x code=200')).toBe('"x code=200"');
    expect(logValue('\u2028\u0085')).toBe('"\\u2028\\u0085"');
    expect(logValue('')).toBe('""');
  });

  it('is one line with a fixed set of fields, whatever the account, trace id, path and method are (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (account, traceId, path, method) => {
        const line = requestLine(record({ account, traceId, path, method, operation: undefined }));
        expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085\u001b]/);
        // Fields are split by spaces outside quotes: always the eight of a request without a fault.
        expect(line.match(/(?:[^ "]|"(?:[^"\\]|\\.)*")+/g)).toHaveLength(8);
      }),
      fcParams(5, 300),
    );
  });
});
