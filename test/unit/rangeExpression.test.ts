import { describe, expect, it } from 'vitest';
import { evaluateRange, parseRange } from '../../src/domain/ranges/rangeExpression.js';

/**
 * Expected ranges are ISO 8601 intervals `start/end` in UTC, worked out by hand from each zone's
 * offsets (and checked against Intl), never by the code under test.
 */
const interval = (text: string) => {
  const [start = '', end = ''] = text.split('/');
  return { start: Date.parse(start) / 1000, end: Date.parse(end) / 1000 };
};
const resolve = (source: string, timeZone: string, now: string) =>
  evaluateRange(source, { now: new Date(now), timeZone });

const UTC = 'UTC';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const KATHMANDU = 'Asia/Kathmandu';
const LORD_HOWE = 'Australia/Lord_Howe';
const ANY_NOW = '2030-06-15T12:00:00Z';

describe('evaluateRange', () => {
  it.each<[rule: string, source: string, timeZone: string, expected: string]>([
    ['a UTC day is 24 hours', '2024-11-20', UTC, '2024-11-20T00:00Z/2024-11-21T00:00Z'],
    ['the reference example, in New York', '2024-11-20', NY, '2024-11-20T05:00Z/2024-11-21T05:00Z'],
    ['spring forward: New York 2026-03-08 is 23 hours', '2026-03-08', NY, '2026-03-08T05:00Z/2026-03-09T04:00Z'],
    ['fall back: New York 2026-11-01 is 25 hours', '2026-11-01', NY, '2026-11-01T04:00Z/2026-11-02T05:00Z'],
    ['spring forward: Berlin 2026-03-29 is 23 hours', '2026-03-29', BERLIN, '2026-03-28T23:00Z/2026-03-29T22:00Z'],
    ['fall back: Berlin 2026-10-25 is 25 hours', '2026-10-25', BERLIN, '2026-10-24T22:00Z/2026-10-25T23:00Z'],
    ['Kolkata is 5:30 ahead', '2024-11-20', KOLKATA, '2024-11-19T18:30Z/2024-11-20T18:30Z'],
    ['Kathmandu is 5:45 ahead', '2024-11-20', KATHMANDU, '2024-11-19T18:15Z/2024-11-20T18:15Z'],
    ['Lord Howe gains half an hour: 24.5 hours', '2026-04-05', LORD_HOWE, '2026-04-04T13:00Z/2026-04-05T13:30Z'],
    ['Lord Howe loses half an hour: 23.5 hours', '2026-10-04', LORD_HOWE, '2026-10-03T13:30Z/2026-10-04T13:00Z'],
    [
      'a skipped midnight: the day starts after the gap',
      '2026-09-06',
      'America/Santiago',
      '2026-09-06T04:00Z/2026-09-07T03:00Z',
    ],
    [
      'a repeated midnight: the day starts at the first',
      '2026-11-01',
      'America/Havana',
      '2026-11-01T04:00Z/2026-11-02T05:00Z',
    ],
    ['a leap day', '2028-02-29', UTC, '2028-02-29T00:00Z/2028-03-01T00:00Z'],
    ['a month', '2026-02', UTC, '2026-02-01T00:00Z/2026-03-01T00:00Z'],
    ['a leap February', '2028-02', BERLIN, '2028-01-31T23:00Z/2028-02-29T23:00Z'],
    ['a month with a DST change', '2026-03', NY, '2026-03-01T05:00Z/2026-04-01T04:00Z'],
    ['a year', '2028', UTC, '2028-01-01T00:00Z/2029-01-01T00:00Z'],
    ['whitespace around it', ' \t2024-11-20\n', UTC, '2024-11-20T00:00Z/2024-11-21T00:00Z'],
  ])('a date is that whole local period: %s', (_rule, source, timeZone, expected) => {
    expect(resolve(source, timeZone, ANY_NOW)).toEqual(interval(expected));
  });

  it.each<[rule: string, source: string, timeZone: string, now: string, expected: string]>([
    ['T/D is today', 'T/D', UTC, '2026-05-13T15:20:00Z', '2026-05-13T00:00Z/2026-05-14T00:00Z'],
    ['T-1D/D is yesterday, 25 hours long', 'T-1D/D', NY, '2026-11-02T14:00:00Z', '2026-11-01T04:00Z/2026-11-02T05:00Z'],
    ['T/W is this ISO week, from Monday', 'T/W', UTC, '2026-05-17T10:00:00Z', '2026-05-11T00:00Z/2026-05-18T00:00Z'],
    ['T/W on Monday at midnight starts now', 'T/W', UTC, '2026-05-11T00:00:00Z', '2026-05-11T00:00Z/2026-05-18T00:00Z'],
    [
      'T-1M/M on the 31st is last month',
      'T-1M/M',
      BERLIN,
      '2026-03-31T10:00:00Z',
      '2026-01-31T23:00Z/2026-02-28T23:00Z',
    ],
    ['T/Q is this quarter', 'T/Q', NY, '2026-05-13T12:00:00Z', '2026-04-01T04:00Z/2026-07-01T04:00Z'],
    ['T-1Y/Y is last local year', 'T-1Y/Y', KOLKATA, '2026-01-01T00:00:00Z', '2024-12-31T18:30Z/2025-12-31T18:30Z'],
    [
      'T/h is the local hour, from :15 UTC',
      'T/h',
      KATHMANDU,
      '2026-05-13T10:20:00Z',
      '2026-05-13T10:15Z/2026-05-13T11:15Z',
    ],
    ['T/h in the first of two 01:00 hours', 'T/h', NY, '2026-11-01T05:40:00Z', '2026-11-01T05:00Z/2026-11-01T06:00Z'],
    ['T/h in the second of two 01:00 hours', 'T/h', NY, '2026-11-01T06:40:00Z', '2026-11-01T06:00Z/2026-11-01T07:00Z'],
  ])('a snapped relative time is that period: %s', (_rule, source, timeZone, now, expected) => {
    expect(resolve(source, timeZone, now)).toEqual(interval(expected));
  });

  it.each<[rule: string, source: string, timeZone: string, now: string, expected: string]>([
    [
      'the reference example',
      'from(2024-11-20)',
      UTC,
      '2024-11-21T06:30:15Z',
      '2024-11-20T00:00Z/2024-11-21T06:30:15Z',
    ],
    [
      'now is truncated to the second',
      'from(2024-11-20)',
      UTC,
      '2024-11-21T06:30:15.750Z',
      '2024-11-20T00:00Z/2024-11-21T06:30:15Z',
    ],
    [
      'a date starts at local midnight',
      'from(2024-11-20)',
      KOLKATA,
      '2024-11-21T00:00Z',
      '2024-11-19T18:30Z/2024-11-21T00:00Z',
    ],
    ['T-7D keeps the wall-clock time', 'from(T-7D)', NY, '2026-03-10T16:00Z', '2026-03-03T17:00Z/2026-03-10T16:00Z'],
    ['T-3h is elapsed time', 'from(T-3h)', NY, '2026-03-08T08:00Z', '2026-03-08T05:00Z/2026-03-08T08:00Z'],
    [
      'a date-time with an offset is exact',
      'from(2026-05-01T08:00:00+05:30)',
      NY,
      '2026-05-02T00:00Z',
      '2026-05-01T02:30Z/2026-05-02T00:00Z',
    ],
    [
      'a date-time without one is local',
      'from(2026-05-01T08:00)',
      BERLIN,
      '2026-05-02T00:00Z',
      '2026-05-01T06:00Z/2026-05-02T00:00Z',
    ],
    [
      'a fractional start rounds down',
      'from(2026-05-01T08:00:00.999Z)',
      UTC,
      '2026-05-02T00:00Z',
      '2026-05-01T08:00Z/2026-05-02T00:00Z',
    ],
    ['capitals and spaces', '  FROM ( 2024-11-20 )  ', UTC, '2024-11-21T00:00Z', '2024-11-20T00:00Z/2024-11-21T00:00Z'],
  ])('from(X) is [X, now): %s', (_rule, source, timeZone, now, expected) => {
    expect(resolve(source, timeZone, now)).toEqual(interval(expected));
  });

  const reference = 'between(T-1Dh0m0s0,T-1Dh23m59s59)';
  it.each<[rule: string, source: string, timeZone: string, now: string, expected: string]>([
    [
      'the reference: yesterday but its last second',
      reference,
      UTC,
      '2024-11-21T10:15:30Z',
      '2024-11-20T00:00Z/2024-11-20T23:59:59Z',
    ],
    ['the reference on a 25-hour day', reference, NY, '2026-11-02T14:00Z', '2026-11-01T04:00Z/2026-11-02T04:59:59Z'],
    [
      'a date end includes that day',
      'between(2024-11-01, 2024-11-30)',
      UTC,
      ANY_NOW,
      '2024-11-01T00:00Z/2024-12-01T00:00Z',
    ],
    [
      'a date to itself is that day',
      'between(2026-03-08, 2026-03-08)',
      NY,
      ANY_NOW,
      '2026-03-08T05:00Z/2026-03-09T04:00Z',
    ],
    [
      'a month end includes that month',
      'between(2024-01, 2024-03)',
      UTC,
      ANY_NOW,
      '2024-01-01T00:00Z/2024-04-01T00:00Z',
    ],
    [
      'a date-time end is excluded',
      'between(2024-11-01T00:00Z, 2024-12-01T00:00Z)',
      UTC,
      ANY_NOW,
      '2024-11-01T00:00Z/2024-12-01T00:00Z',
    ],
    [
      'a relative end is excluded',
      'between(T-2h, T-1h)',
      UTC,
      '2026-05-13T12:00Z',
      '2026-05-13T10:00Z/2026-05-13T11:00Z',
    ],
    [
      'a snapped end includes its period',
      'between(T-7D/D, T-1D/D)',
      UTC,
      '2026-05-13T15:00Z',
      '2026-05-06T00:00Z/2026-05-13T00:00Z',
    ],
    ['month to date', 'between(T/M, T)', BERLIN, '2026-05-13T10:00Z', '2026-04-30T22:00Z/2026-05-13T10:00Z'],
    [
      'the end may lie in the future',
      'between(T/D, T+1D)',
      UTC,
      '2026-05-13T10:00Z',
      '2026-05-13T00:00Z/2026-05-14T10:00Z',
    ],
    [
      'a fractional end rounds up',
      'between(2026-05-01T00:00Z, 2026-05-01T00:00:00.001Z)',
      UTC,
      ANY_NOW,
      '2026-05-01T00:00Z/2026-05-01T00:00:01Z',
    ],
    [
      'from(X) to(Y) is between(X, Y)',
      'from(2024-11-01) to(2024-11-30)',
      UTC,
      ANY_NOW,
      '2024-11-01T00:00Z/2024-12-01T00:00Z',
    ],
    [
      'from(X)to(Y) needs no space',
      'from(T-2h)to(T-1h)',
      UTC,
      '2026-05-13T12:00Z',
      '2026-05-13T10:00Z/2026-05-13T11:00Z',
    ],
  ])('between(X, Y) is [X, end of Y): %s', (_rule, source, timeZone, now, expected) => {
    expect(resolve(source, timeZone, now)).toEqual(interval(expected));
  });
});

describe('parseRange', () => {
  it('parses the reference example to steps that say what they do', () => {
    expect(parseRange('between(T-1Dh0m0s0, T-1Dh23m59s59)')).toEqual({
      kind: 'between',
      start: {
        kind: 'relative',
        position: 9,
        text: 'T-1Dh0m0s0',
        steps: [
          { kind: 'shift', position: 11, unit: 'D', amount: -1 },
          { kind: 'set', position: 13, unit: 'h', value: 0 },
          { kind: 'set', position: 15, unit: 'm', value: 0 },
          { kind: 'set', position: 17, unit: 's', value: 0 },
        ],
      },
      end: expect.objectContaining({ kind: 'relative', position: 21, text: 'T-1Dh23m59s59' }),
    });
  });

  it.each<[rule: string, source: string, tree: unknown]>([
    ['a date names a day', '2024-11-20', { kind: 'date', unit: 'D', year: 2024, month: 11, day: 20 }],
    ['a month names a month', '2024-11', { kind: 'date', unit: 'M', year: 2024, month: 11, day: 1 }],
    [
      'a sign before a setter is kept out of the tree',
      'T-M1/D',
      {
        steps: [
          expect.objectContaining({ kind: 'set', unit: 'M', value: 1 }),
          expect.objectContaining({ kind: 'snap', unit: 'D' }),
        ],
      },
    ],
    [
      'one sign covers the offsets after it',
      'T-1Y2M/D',
      {
        steps: [
          expect.objectContaining({ unit: 'Y', amount: -1 }),
          expect.objectContaining({ unit: 'M', amount: -2 }),
          expect.objectContaining({ kind: 'snap' }),
        ],
      },
    ],
  ])('period trees: %s', (_rule, source, tree) => {
    expect(parseRange(source)).toEqual({ kind: 'period', period: expect.objectContaining(tree) });
  });
});
