import { constraints } from '@nim-api/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationId, parseConversationId } from '../../src/protocol/conversation-id.js';
import { NimValidationError } from '../../src/errors/errors.js';

const pattern = new RegExp(constraints.conversationId.pattern);
const accountIdChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@.-'.split('');

/** Arbitrary valid account ids: strings over `[A-Za-z0-9_@.-]` of 1–32 characters. */
const accountId = fc.string({ unit: fc.constantFrom(...accountIdChars), minLength: 1, maxLength: 32 });
/** Arbitrary team ids the builders must accept: digit strings of 1–32 characters, bigints and safe integers. */
const teamIdString = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: 32 });
const teamIdBigInt = fc.bigInt({ min: 0n, max: 10n ** 32n - 1n });
const teamIdNumber = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

function throwsValidation(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (error instanceof NimValidationError) return true;
    throw error;
  }
}

describe('conversationId builders', () => {
  it('build the documented examples', () => {
    expect(conversationId.p2p('alice', 'bob')).toBe('alice|1|bob');
    expect(conversationId.team('alice', 6001)).toBe('alice|2|6001');
    expect(conversationId.team('alice', 6001n)).toBe('alice|2|6001');
    expect(conversationId.superTeam('alice', '7001')).toBe('alice|3|7001');
  });

  it('p2p round-trips through parseConversationId for any two valid account ids', () => {
    fc.assert(
      fc.property(accountId, accountId, (owner, peer) => {
        const id = conversationId.p2p(owner, peer);
        expect(id).toBe(`${owner}|1|${peer}`);
        expect(parseConversationId(id)).toEqual({ ownerId: owner, type: 1, targetId: peer });
      }),
      { numRuns: 300 },
    );
  });

  it('team and superTeam round-trip for any valid owner and any team id (digit string, bigint, number)', () => {
    fc.assert(
      fc.property(
        accountId,
        fc.oneof(teamIdString, teamIdBigInt, teamIdNumber),
        fc.constantFrom(2, 3),
        (owner, teamId, type) => {
          const id = type === 2 ? conversationId.team(owner, teamId) : conversationId.superTeam(owner, teamId);
          expect(id).toBe(`${owner}|${type}|${String(teamId)}`);
          expect(parseConversationId(id)).toEqual({ ownerId: owner, type, targetId: String(teamId) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('only ever make ids that match the spec pattern; anything else is a NimValidationError', () => {
    const anyPart = fc.oneof(
      accountId,
      fc.string({ maxLength: 40 }),
      teamIdString,
      fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 30, maxLength: 40 }),
    );
    const anyTeamId = fc.oneof(anyPart, teamIdBigInt, fc.bigInt(), fc.integer(), fc.double());
    fc.assert(
      fc.property(anyPart, anyPart, anyTeamId, (owner, peer, teamId) => {
        for (const build of [
          () => conversationId.p2p(owner, peer),
          () => conversationId.team(owner, teamId),
          () => conversationId.superTeam(owner, teamId),
        ]) {
          let id: string | undefined;
          try {
            id = build();
          } catch (error) {
            expect(error).toBeInstanceOf(NimValidationError);
          }
          if (id !== undefined) expect(id).toMatch(pattern);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuse a team id of more than 32 digits, which the spec pattern (and the parser) would not accept', () => {
    const teamId = '1'.repeat(33);
    expect(() => conversationId.team('alice', teamId)).toThrow(NimValidationError);
    expect(() => conversationId.superTeam('alice', 10n ** 40n)).toThrow(NimValidationError);
  });

  it('refuse a malformed owner, peer or team id, naming the part', () => {
    const issuesOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as NimValidationError).issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(issuesOf(() => conversationId.p2p('al ice', 'bob'))).toEqual(['ownerId']);
    expect(issuesOf(() => conversationId.p2p('alice', 'b|ob'))).toEqual(['peerId']);
    expect(issuesOf(() => conversationId.team('alice', 'x1'))).toEqual(['teamId']);
    expect(issuesOf(() => conversationId.superTeam('', -1))).toEqual(['ownerId', 'teamId']);
    expect(issuesOf(() => conversationId.team('alice', 1.5))).toEqual(['teamId']);
  });
});

describe('parseConversationId', () => {
  it('takes the documented example apart', () => {
    expect(parseConversationId('alice|2|6001')).toEqual({ ownerId: 'alice', type: 2, targetId: '6001' });
  });

  it('throws NimValidationError for exactly the strings that do not match the spec pattern', () => {
    const near = fc
      .tuple(
        fc.string({ maxLength: 34 }),
        fc.constantFrom('1', '2', '3', '4', '0', '', '12', 'a'),
        fc.string({ maxLength: 34 }),
      )
      .map(([owner, type, target]) => `${owner}|${type}|${target}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), near, fc.stringMatching(pattern)), (value) => {
        const matches = pattern.test(value);
        if (matches) {
          const parsed = parseConversationId(value);
          return `${parsed.ownerId}|${parsed.type}|${parsed.targetId}` === value && [1, 2, 3].includes(parsed.type);
        }
        return throwsValidation(() => parseConversationId(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('throws NimValidationError (not a TypeError) for a non-string', () => {
    for (const value of [undefined, null, 42, {}, ['alice', 1, 'bob']]) {
      expect(() => parseConversationId(value as never)).toThrow(NimValidationError);
    }
  });

  it('does not accept a trailing newline or surrounding spaces', () => {
    for (const value of ['alice|1|bob\n', ' alice|1|bob', 'alice|1|bob ', 'alice| 1|bob']) {
      expect(() => parseConversationId(value)).toThrow(NimValidationError);
    }
  });
});
