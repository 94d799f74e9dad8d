/**
 * The calendar engine at month, quarter, leap-year, ISO-week and year ends, and the choice of
 * whole buckets over clipped ones. Expected buckets are written by hand; their instants are
 * the ISO strings read by Date.parse, never computed by the engine or its library.
 */
import { describe, expect, it } from 'vitest';
import { calendarBuckets } from '../../src/domain/calendar/calendarBuckets.js';

type Row = readonly [label: string, startIso: string, endIso: string];
const at = (iso: string): number => Date.parse(iso) / 1_000;
const bucket = ([label, startIso, endIso]: Row) => ({ label, start: at(startIso), end: at(endIso), startIso, endIso });

interface Case {
  name: string;
  calendar: string;
  zone: string;
  range: readonly [from: string, to: string];
  expected: readonly Row[];
  days?: readonly number[];
}

const cases: Case[] = [
  {
    name: 'days cross a month end',
    ...{ calendar: '#P1D', zone: 'UTC', range: ['2026-01-31T12:00:00Z', '2026-02-01T12:00:00Z'] },
    expected: [
      ['2026-01-31', '2026-01-31T00:00:00+00:00', '2026-02-01T00:00:00+00:00'],
      ['2026-02-01', '2026-02-01T00:00:00+00:00', '2026-02-02T00:00:00+00:00'],
    ],
  },
  {
    name: '2028-02-29 is a day of its own',
    ...{ calendar: '#P1D', zone: 'UTC', range: ['2028-02-28T12:00:00Z', '2028-03-01T12:00:00Z'] },
    expected: [
      ['2028-02-28', '2028-02-28T00:00:00+00:00', '2028-02-29T00:00:00+00:00'],
      ['2028-02-29', '2028-02-29T00:00:00+00:00', '2028-03-01T00:00:00+00:00'],
      ['2028-03-01', '2028-03-01T00:00:00+00:00', '2028-03-02T00:00:00+00:00'],
    ],
  },
  {
    name: 'the leap day in New York',
    ...{ calendar: '#P1D', zone: 'America/New_York', range: ['2028-02-29T12:00:00Z', '2028-02-29T12:00:01Z'] },
    expected: [['2028-02-29', '2028-02-29T00:00:00-05:00', '2028-03-01T00:00:00-05:00']],
  },
  {
    name: 'February 2026 has 28 days',
    ...{ calendar: '#P1M', zone: 'UTC', range: ['2026-02-10T00:00:00Z', '2026-02-10T00:00:01Z'] },
    expected: [['2026-02', '2026-02-01T00:00:00+00:00', '2026-03-01T00:00:00+00:00']],
    days: [28],
  },
  {
    name: 'February 2028 has 29 days',
    ...{ calendar: '#P1M', zone: 'UTC', range: ['2028-02-10T00:00:00Z', '2028-02-10T00:00:01Z'] },
    expected: [['2028-02', '2028-02-01T00:00:00+00:00', '2028-03-01T00:00:00+00:00']],
    days: [29],
  },
  {
    name: 'February 2028 in Kolkata',
    ...{ calendar: '#P1M', zone: 'Asia/Kolkata', range: ['2028-02-29T20:00:00Z', '2028-02-29T20:00:01Z'] },
    expected: [['2028-03', '2028-03-01T00:00:00+05:30', '2028-04-01T00:00:00+05:30']],
    days: [31],
  },
  {
    name: 'months cross a year end in New York',
    ...{ calendar: '#P1M', zone: 'America/New_York', range: ['2026-12-31T12:00:00Z', '2027-01-01T12:00:00Z'] },
    expected: [
      ['2026-12', '2026-12-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00'],
      ['2027-01', '2027-01-01T00:00:00-05:00', '2027-02-01T00:00:00-05:00'],
    ],
    days: [31, 31],
  },
  {
    name: 'quarters cross a quarter end',
    ...{ calendar: '#P3M', zone: 'UTC', range: ['2026-03-31T12:00:00Z', '2026-04-01T12:00:00Z'] },
    expected: [
      ['2026-Q1', '2026-01-01T00:00:00+00:00', '2026-04-01T00:00:00+00:00'],
      ['2026-Q2', '2026-04-01T00:00:00+00:00', '2026-07-01T00:00:00+00:00'],
    ],
    days: [90, 91],
  },
  {
    name: 'the fourth quarter in New York ends on standard time',
    ...{ calendar: '#P3M', zone: 'America/New_York', range: ['2026-11-15T00:00:00Z', '2026-11-15T00:00:01Z'] },
    expected: [['2026-Q4', '2026-10-01T00:00:00-04:00', '2027-01-01T00:00:00-05:00']],
  },
  {
    name: 'the first quarter of a leap year in New York',
    ...{ calendar: '#P3M', zone: 'America/New_York', range: ['2028-02-29T12:00:00Z', '2028-02-29T12:00:01Z'] },
    expected: [['2028-Q1', '2028-01-01T00:00:00-05:00', '2028-04-01T00:00:00-04:00']],
  },
  {
    name: 'years cross a year end',
    ...{ calendar: '#P1Y', zone: 'UTC', range: ['2026-12-31T23:00:00Z', '2027-01-01T01:00:00Z'] },
    expected: [
      ['2026', '2026-01-01T00:00:00+00:00', '2027-01-01T00:00:00+00:00'],
      ['2027', '2027-01-01T00:00:00+00:00', '2028-01-01T00:00:00+00:00'],
    ],
    days: [365, 365],
  },
  {
    name: '2028 has 366 days',
    ...{ calendar: '#P1Y', zone: 'UTC', range: ['2028-06-01T00:00:00Z', '2028-06-01T00:00:01Z'] },
    expected: [['2028', '2028-01-01T00:00:00+00:00', '2029-01-01T00:00:00+00:00']],
    days: [366],
  },
  {
    name: 'years cross a year end in Kathmandu',
    ...{ calendar: '#P1Y', zone: 'Asia/Kathmandu', range: ['2026-12-31T18:00:00Z', '2026-12-31T18:30:00Z'] },
    expected: [
      ['2026', '2026-01-01T00:00:00+05:45', '2027-01-01T00:00:00+05:45'],
      ['2027', '2027-01-01T00:00:00+05:45', '2028-01-01T00:00:00+05:45'],
    ],
  },
  {
    name: 'a Lord Howe year starts and ends on summer time',
    ...{ calendar: '#P1Y', zone: 'Australia/Lord_Howe', range: ['2026-06-01T00:00:00Z', '2026-06-01T00:00:01Z'] },
    expected: [['2026', '2026-01-01T00:00:00+11:00', '2027-01-01T00:00:00+11:00']],
  },
  {
    name: 'hours cross a year end in Kolkata',
    ...{ calendar: '#PT1H', zone: 'Asia/Kolkata', range: ['2026-12-31T18:00:00Z', '2026-12-31T18:45:00Z'] },
    expected: [
      ['2026-12-31T23:00', '2026-12-31T23:00:00+05:30', '2027-01-01T00:00:00+05:30'],
      ['2027-01-01T00:00', '2027-01-01T00:00:00+05:30', '2027-01-01T01:00:00+05:30'],
    ],
  },
  {
    name: 'ISO week 53 of 2026 holds the first days of 2027',
    ...{ calendar: '#P1W', zone: 'UTC', range: ['2026-12-31T00:00:00Z', '2027-01-05T00:00:00Z'] },
    expected: [
      ['2026-W53', '2026-12-28T00:00:00+00:00', '2027-01-04T00:00:00+00:00'],
      ['2027-W01', '2027-01-04T00:00:00+00:00', '2027-01-11T00:00:00+00:00'],
    ],
  },
  {
    name: '2028-01-01, a Saturday, is in 2027-W52',
    ...{ calendar: '#P1W', zone: 'UTC', range: ['2027-12-31T12:00:00Z', '2028-01-03T12:00:00Z'] },
    expected: [
      ['2027-W52', '2027-12-27T00:00:00+00:00', '2028-01-03T00:00:00+00:00'],
      ['2028-W01', '2028-01-03T00:00:00+00:00', '2028-01-10T00:00:00+00:00'],
    ],
  },
  {
    name: 'weeks start on Monday in Kathmandu time',
    ...{ calendar: '#P1W', zone: 'Asia/Kathmandu', range: ['2026-06-14T18:00:00Z', '2026-06-14T18:30:00Z'] },
    expected: [
      ['2026-W24', '2026-06-08T00:00:00+05:45', '2026-06-15T00:00:00+05:45'],
      ['2026-W25', '2026-06-15T00:00:00+05:45', '2026-06-22T00:00:00+05:45'],
    ],
  },
  {
    name: 'seconds intervals are labelled to the second',
    ...{ calendar: '#PT30S', zone: 'UTC', range: ['2026-01-01T00:00:10Z', '2026-01-01T00:00:40Z'] },
    expected: [
      ['2026-01-01T00:00:00', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:30+00:00'],
      ['2026-01-01T00:00:30', '2026-01-01T00:00:30+00:00', '2026-01-01T00:01:00+00:00'],
    ],
  },
];

describe('calendarBuckets at period ends', () => {
  it.each(cases)('$name', ({ calendar, zone, range: [from, to], expected, days }) => {
    if (days !== undefined) expect(expected.map(([, start, end]) => (at(end) - at(start)) / 86_400)).toEqual(days);
    expect(calendarBuckets(calendar, zone, { start: at(from), end: at(to) })).toEqual(expected.map(bucket));
  });
});

describe('calendarBuckets returns whole buckets', () => {
  it('a range from mid-January to mid-February gets both months whole, not clipped', () => {
    const buckets = calendarBuckets('#P1M', 'UTC', {
      start: at('2026-01-15T00:00:00Z'),
      end: at('2026-02-15T00:00:00Z'),
    });
    expect(buckets.map(({ startIso, endIso }) => [startIso, endIso])).toEqual([
      ['2026-01-01T00:00:00+00:00', '2026-02-01T00:00:00+00:00'],
      ['2026-02-01T00:00:00+00:00', '2026-03-01T00:00:00+00:00'],
    ]);
  });

  it('the range end is exclusive: a range ending where a bucket starts does not get that bucket', () => {
    const buckets = calendarBuckets('#P1M', 'UTC', {
      start: at('2026-01-01T00:00:00Z'),
      end: at('2026-02-01T00:00:00Z'),
    });
    expect(buckets.map((b) => b.label)).toEqual(['2026-01']);
  });

  it('a range starting inside a bucket gets the bucket holding its start', () => {
    const buckets = calendarBuckets('#PT1H', 'UTC', {
      start: at('2026-01-01T10:59:59Z'),
      end: at('2026-01-01T11:00:01Z'),
    });
    expect(buckets.map((b) => b.label)).toEqual(['2026-01-01T10:00', '2026-01-01T11:00']);
  });
});
