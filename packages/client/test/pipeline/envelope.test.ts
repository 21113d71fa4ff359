import { describe, expect, it } from 'vitest';
import { unwrapEnvelope } from '../../src/pipeline/envelope.js';
import { NimApiError, NimNotFoundError, NimRateLimitError, NimResponseError } from '../../src/errors/errors.js';

const context = {
  operationId: 'getConversationGroup',
  method: 'GET',
  host: 'https://h',
  traceId: 'trace-1',
  attempts: 1,
};
const secret = 'envelope-secret-123';
const unwrap = (body: string | undefined) => unwrapEnvelope(body, context, [secret]);
const thrown = (body: string | undefined) => {
  try {
    unwrap(body);
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('unwrapEnvelope', () => {
  it('code 200 → data', () => {
    expect(unwrap('{"code":200,"msg":"success","data":{"name":"Work"}}')).toEqual({ name: 'Work' });
  });

  it('code 200 without data, or with null data → {}', () => {
    expect(unwrap('{"code":200,"msg":"success"}')).toEqual({});
    expect(unwrap('{"code":200,"msg":"success","data":null}')).toEqual({});
  });

  it('keeps int64 group ids of data exact', () => {
    expect(unwrap('{"code":200,"msg":"success","data":{"group_id":9007199254740993}}')).toEqual({
      group_id: '9007199254740993',
    });
  });

  it('code ≠ 200 → the class of the code table, with the context, code, msg and httpStatus 200', () => {
    const error = thrown('{"code":116404,"msg":"conversation group not found","data":{}}');
    expect(error).toBeInstanceOf(NimNotFoundError);
    expect(error).toMatchObject({ ...context, code: 116404, msg: 'conversation group not found', httpStatus: 200 });
    expect(thrown('{"code":416,"msg":"too frequently"}')).toBeInstanceOf(NimRateLimitError);
    expect(Object.getPrototypeOf(thrown('{"code":999,"msg":"?"}'))).toBe(NimApiError.prototype);
  });

  it('redacts secrets from msg, and reads a non-string msg as empty', () => {
    expect(thrown(`{"code":414,"msg":"bad ${secret}"}`)).toMatchObject({ msg: 'bad [redacted]' });
    expect(thrown('{"code":414,"msg":{"nested":true}}')).toMatchObject({ msg: '' });
  });

  it('a body that is not JSON → NimResponseError with the parse error as cause and a redacted, bounded excerpt', () => {
    const body = `<html>${secret}${'x'.repeat(5000)}</html>`;
    const error = thrown(body) as NimResponseError;
    expect(error).toBeInstanceOf(NimResponseError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.bodyExcerpt.startsWith('<html>[redacted]xxx')).toBe(true);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(513);
    expect(error).toMatchObject(context);
  });

  it('JSON that is not an envelope → NimResponseError', () => {
    for (const body of ['{}', '{"msg":"success"}', '{"code":"200"}', '[]', '"text"', '200', 'null', 'true']) {
      expect(thrown(body), body).toBeInstanceOf(NimResponseError);
    }
  });

  it('no body at all → NimResponseError', () => {
    expect(thrown(undefined)).toBeInstanceOf(NimResponseError);
    expect(thrown('')).toBeInstanceOf(NimResponseError);
  });
});
