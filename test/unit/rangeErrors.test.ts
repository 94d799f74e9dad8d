import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { evaluateRange, MAX_RANGE_LENGTH, parseRange } from '../../src/domain/ranges/rangeExpression.js';

const resolve = (source: string, timeZone: string, now: string) =>
  evaluateRange(source, { now: new Date(now), timeZone });
const NOW = '2026-05-13T12:00:00Z';

const errorOf = (evaluate: () => unknown): UserInputError => {
  try {
    evaluate();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
};

const expectRangeError = (error: UserInputError, message: string): void => {
  expect(error.message).toBe(message);
  expect(error.details).toEqual({ field: 'range', position: Number(/^at (\d+):/.exec(message)?.[1]) });
};

describe('range expression errors', () => {
  const forms = 'a date, a period like T-1D/D, from(…) or between(…, …)';
  const units = 'Y, Q, M, W, D, h, m or s';
  it.each<[rule: string, source: string, message: string]>([
    ['an empty range', '', `at 1: expected ${forms} but found end of input`],
    ['an unknown function', 'last(10)', `at 1: expected ${forms} but found "last"`],
    [
      'to(Y) without a start',
      'to(T)',
      `at 1: expected ${forms} but found "to" (to(…) needs a start: write from(…) to(…))`,
    ],
    [
      'a relative instant alone',
      'T-1D',
      `at 1: expected ${forms} but found the instant "T-1D" (from(T-1D) is from then until now)`,
    ],
    [
      'a date-time alone',
      '2024-11-20T10:00',
      `at 1: expected ${forms} but found the instant "2024-11-20T10:00" (from(2024-11-20T10:00) is from then until now)`,
    ],
    ['a missing "("', 'from 2024-11-20', 'at 6: expected "(" but found "2024"'],
    ['an unclosed call', 'from(2024-11-20', 'at 16: expected ")" but found end of input'],
    ['to without its time', 'from(T)to', 'at 10: expected "(" but found end of input'],
    ['between with one time', 'between(T-1D)', 'at 13: expected "," but found ")"'],
    ['between without a comma', 'between(2024-11-20 2024-11-21)', 'at 20: expected "," but found "2024"'],
    [
      'a time zone as a third argument, as the reference allows',
      'between(T-1D, T, UTC)',
      'at 16: expected ")" but found "," (the time zone is an argument of the query, not of the range)',
    ],
    ['text after from(…)', 'from(T-1D) x', 'at 12: expected "to" or end of input but found "x"'],
    ['text after a period', '2024-11-20 x', 'at 12: expected end of input but found "x"'],
    ['spaces inside a time', 'from(T - 1D)', 'at 8: expected ")" but found "-"'],
    ['a lower-case t', 'from(t-1D)', 'at 6: expected a date, a date-time or T but found "t"'],
    [
      'hours as "H"',
      'from(T-3H)',
      `at 9: expected a unit (${units}) but found "H" (units are case-sensitive: hours are "h")`,
    ],
    [
      'days as "d"',
      'from(T-1d)',
      `at 9: expected a unit (${units}) but found "d" (units are case-sensitive: days are "D")`,
    ],
    ['a number without a unit', 'from(T-1)', `at 9: expected a unit (${units}) but found ")"`],
    ['a sign alone', 'from(T-)', 'at 8: expected a number or a field setter like "h0" but found ")"'],
    ['an offset without a sign', 'from(T1D)', 'at 7: expected "+" or "-" before an offset but found "1"'],
    ['a setter without a number', 'from(T-1Dh)', 'at 11: expected a number but found ")"'],
    ['an hour of 24', 'from(T-1Dh24)', 'at 11: expected an hour from 0 to 23 but found "24"'],
    ['a month of 13', 'from(TM13)', 'at 8: expected a month from 1 to 12 but found "13"'],
    ['a two-digit year setter', 'from(TY24)', 'at 8: expected a year from 1970 to 9999 but found "24"'],
    [
      'a letter that is no unit',
      'from(T-1Dx)',
      `at 10: expected a field setter like "h0" (${units} and a number) but found "x"`,
    ],
    ['a snap without a unit', 'T/', `at 3: expected a unit (${units}) but found end of input`],
    ['a snap to "d"', 'T/d', `at 3: expected a unit (${units}) but found "d" (units are case-sensitive: days are "D")`],
    [
      'a number of 10 digits',
      'from(T-1234567890s)',
      'at 8: expected a number of at most 9 digits but found "1234567890"',
    ],
    ['a two-digit year', '24-11-20', 'at 1: expected a 4-digit year but found "24"'],
    ['a one-digit month', '2024-1-20', 'at 6: expected a 2-digit month but found "1"'],
    ['month 13', '2024-13', 'at 6: expected a month from 01 to 12 but found "13"'],
    ['February 30 in a leap year', '2024-02-30', 'at 9: expected a day from 01 to 29 but found "30"'],
    ['February 29 in a common year', '2026-02-29', 'at 9: expected a day from 01 to 28 but found "29"'],
    ['a "T" without a time', '2024-11-20T', 'at 12: expected a 2-digit hour but found end of input'],
    ['an hour without minutes', 'from(2024-11-20T10)', 'at 19: expected ":" but found ")"'],
    ['hour 24', 'from(2024-11-20T24:00)', 'at 17: expected an hour from 00 to 23 but found "24"'],
    ['a one-digit offset', 'from(2024-11-20T10:00+5)', 'at 23: expected a 2-digit offset hour but found "5"'],
    [
      'a fraction without digits',
      'from(2024-11-20T10:00:00.)',
      'at 26: expected 1 to 9 digits of a fraction of a second but found ")"',
    ],
  ])('syntax: rejects %s', (_rule, source, message) => {
    expectRangeError(
      errorOf(() => parseRange(source)),
      message,
    );
  });

  const span = 'from 1970-01-01T00:00:00Z to 10000-01-01T00:00:00Z';
  it.each<[rule: string, source: string, timeZone: string, now: string, message: string]>([
    [
      'from a time after now',
      'from(T+1D)',
      'UTC',
      NOW,
      'at 6: expected a start before now (2026-05-13T12:00:00+00:00) but found T+1D (2026-05-14T12:00:00+00:00)',
    ],
    [
      'from now',
      'from(T)',
      'UTC',
      NOW,
      'at 6: expected a start before now (2026-05-13T12:00:00+00:00) but found T (2026-05-13T12:00:00+00:00)',
    ],
    [
      'from a period that starts now',
      'from(T/D)',
      'UTC',
      '2026-05-13T00:00:00Z',
      'at 6: expected a start before now (2026-05-13T00:00:00+00:00) but found T/D (starting 2026-05-13T00:00:00+00:00)',
    ],
    [
      'an end before the start',
      'between(T, T-1D)',
      'UTC',
      NOW,
      'at 12: expected an end after the start (2026-05-13T12:00:00+00:00) but found T-1D (2026-05-12T12:00:00+00:00)',
    ],
    [
      'an end equal to the start',
      'between(2024-11-20T00:00Z, 2024-11-20T00:00Z)',
      'UTC',
      NOW,
      'at 28: expected an end after the start (2024-11-20T00:00:00+00:00) but found 2024-11-20T00:00Z (2024-11-20T00:00:00+00:00)',
    ],
    [
      'a date end before a date start, naming where the end date ends',
      'between(2026-05-02, 2026-05-01)',
      'America/New_York',
      NOW,
      'at 21: expected an end after the start (2026-05-02T00:00:00-04:00) but found 2026-05-01 (ending 2026-05-02T00:00:00-04:00)',
    ],
    [
      'a day the time zone skipped',
      '2011-12-30',
      'Pacific/Apia',
      NOW,
      'at 1: expected a period that exists but found 2011-12-30, which Pacific/Apia skipped',
    ],
    [
      'a date before 1970',
      'from(1969-12-31)',
      'UTC',
      NOW,
      `at 6: expected a time ${span} but found 1969-12-31T00:00:00+00:00`,
    ],
    [
      'the epoch in Kolkata',
      '1970-01-01',
      'Asia/Kolkata',
      NOW,
      `at 1: expected a time ${span} but found 1970-01-01T00:00:00+05:30`,
    ],
    [
      'a step before 1970, at the step',
      'from(T-60Y)',
      'UTC',
      NOW,
      `at 8: expected a time ${span} but found 1966-05-13T12:00:00+00:00`,
    ],
    [
      'a step beyond any calendar',
      'from(T-999999999Y)',
      'UTC',
      NOW,
      `at 8: expected a time ${span} but found a time beyond them`,
    ],
  ])('resolving: rejects %s', (_rule, source, timeZone, now, message) => {
    expectRangeError(
      errorOf(() => resolve(source, timeZone, now)),
      message,
    );
  });

  it('resolving: rejects an unknown time zone, naming the timeZone argument', () => {
    const error = errorOf(() => resolve('2024-11-20', 'Mars/Olympus_Mons', NOW));
    expect(error.message).toBe('expected an IANA time zone like "Europe/Berlin" but found "Mars/Olympus_Mons"');
    expect(error.details).toEqual({ field: 'timeZone' });
  });

  const longest = 'between(2024-11-20, 2024-11-21)'.padEnd(MAX_RANGE_LENGTH);
  it.each<[rule: string, source: string, ok: boolean]>([
    ['an input of the maximum length is accepted', longest, true],
    ['one more character is refused, located just past the limit', `${longest} `, false],
  ])('length limit: %s', (_rule, source, ok) => {
    if (ok) {
      expect(() => parseRange(source)).not.toThrow();
    } else {
      expectRangeError(
        errorOf(() => parseRange(source)),
        'at 257: expected at most 256 characters but found 257',
      );
    }
  });
});
