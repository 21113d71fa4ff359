// Parsing must be linear in the body's size. Not a timed benchmark: each call has a deadline (timeoutMs) and a
// valid envelope padded with up to 64 KB of whitespace must resolve, with the right data, within it. A parser
// that backtracks over whitespace blocks the event loop for seconds here, so no deadline can fire meanwhile.
// The margin is large: a linear parse of 64 KB takes well under 10 ms even on a busy machine.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkAnswers } from './support/harness.js';
import { described, runProperty } from './support/property.js';
import { answer, bodyText } from './support/responses.js';
import { exact } from './support/response-data.js';
import { wireGroup } from './support/wire.js';

const deadlineMs = 2_000;
const maxPadding = 64 * 1024;
const data = { conversation_groups: [wireGroup(9007199254740993n), wireGroup(1n, 'Home')] };
const expected = exact(data);

const cases = fc
  .record({
    padding: fc.integer({ min: 1024, max: maxPadding }),
    unit: fc.constantFrom(' ', '\t', '\n', '\r\n'),
    where: fc.constantFrom('after the envelope', 'before the envelope', 'before each group_id'),
  })
  .map(({ padding, unit, where }) => {
    const pad = unit.repeat(Math.ceil(padding / unit.length));
    const compact = bodyText({ code: 200, msg: 'success', data });
    const text =
      where === 'after the envelope'
        ? `${compact}${pad}`
        : where === 'before the envelope'
          ? `${pad}${compact}`
          : compact.replaceAll('{"group_id"', `{${pad}"group_id"`);
    return described({ text }, `${Math.round(pad.length / 1024)} KB of ${JSON.stringify(unit)} ${where}`);
  });

describe('parsing a padded envelope', () => {
  it(`resolves an envelope with up to 64 KB of whitespace within the call's ${deadlineMs} ms deadline`, async () => {
    await runProperty(
      'linear parse: list',
      cases,
      ({ text }) =>
        checkAnswers(
          'list',
          { responder: answer(200, text), mustResolve: true, expected },
          { maxRetries: 0, timeoutMs: deadlineMs, withinMs: deadlineMs },
        ),
      12,
    );
  }, 180_000);

  it(`resolves the issue's case, 64 KB of spaces after a valid envelope, within the ${deadlineMs} ms deadline`, async () => {
    const text = `${bodyText({ code: 200, msg: 'success', data })}${' '.repeat(maxPadding)}`;
    await checkAnswers(
      'list',
      { responder: answer(200, text), mustResolve: true, expected },
      { maxRetries: 0, timeoutMs: deadlineMs, withinMs: deadlineMs },
    );
  }, 60_000);
});
