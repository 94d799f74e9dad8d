/**
 * The calendar engine across clock changes. Every expected bucket is written by hand as its
 * label and its local start and end with offset; the instants are those ISO strings, read by
 * Date.parse, never by the engine. Transitions (2026): New York 03-08 07:00Z and 11-01 06:00Z;
 * London 03-29 and 10-25 01:00Z; Lord_Howe 04-04 15:00Z (02:00+11 → 01:30+10:30) and 10-03
 * 15:30Z (02:00+10:30 → 02:30+11); Santiago 04-05 03:00Z (24:00-03 → 23:00-04) and 09-06
 * 04:00Z (24:00-04 → 01:00-03); Havana 11-01 05:00Z (01:00-04 → 00:00-05).
 */
import { describe, expect, it } from 'vitest';
import { calendarBuckets } from '../../src/domain/calendar/calendarBuckets.js';
import { UserInputError } from '../../src/errors.js';

type Row = readonly [label: string, startIso: string, endIso: string];
const at = (iso: string): number => Date.parse(iso) / 1_000;
const bucket = ([label, startIso, endIso]: Row) => ({ label, start: at(startIso), end: at(endIso), startIso, endIso });
const hoursOf = (rows: readonly Row[]) => rows.map(([, start, end]) => (at(end) - at(start)) / 3_600);

interface Case {
  name: string;
  calendar: string;
  zone: string;
  range: readonly [from: string, to: string];
  expected: readonly Row[];
  hours: readonly number[];
}

const cases: Case[] = [
  // New York
  {
    name: 'New York: 2026-03-08 lasts 23 hours',
    ...{ calendar: '#P1D', zone: 'America/New_York', range: ['2026-03-08T12:00:00Z', '2026-03-08T12:00:01Z'] },
    expected: [['2026-03-08', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00']],
    hours: [23],
  },
  {
    name: 'New York: 2026-11-01 lasts 25 hours',
    ...{ calendar: '#P1D', zone: 'America/New_York', range: ['2026-11-01T12:00:00Z', '2026-11-01T12:00:01Z'] },
    expected: [['2026-11-01', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00']],
    hours: [25],
  },
  {
    name: 'New York: the hour the spring gap removes has no bucket',
    ...{ calendar: '#PT1H', zone: 'America/New_York', range: ['2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z'] },
    expected: [
      ['2026-03-08T01:00', '2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00'],
      ['2026-03-08T03:00', '2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00'],
    ],
    hours: [1, 1],
  },
  {
    name: 'New York: the quarter-hours the spring gap removes have no buckets',
    ...{ calendar: '#PT15M', zone: 'America/New_York', range: ['2026-03-08T06:50:00Z', '2026-03-08T07:10:00Z'] },
    expected: [
      ['2026-03-08T01:45', '2026-03-08T01:45:00-05:00', '2026-03-08T03:00:00-04:00'],
      ['2026-03-08T03:00', '2026-03-08T03:00:00-04:00', '2026-03-08T03:15:00-04:00'],
    ],
    hours: [0.25, 0.25],
  },
  {
    name: 'New York: the hour the autumn overlap repeats is two buckets, one per offset',
    ...{ calendar: '#PT1H', zone: 'America/New_York', range: ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'] },
    expected: [
      ['2026-11-01T01:00', '2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T01:00', '2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00'],
    ],
    hours: [1, 1],
  },
  {
    name: 'New York: the half-hours of the repeated hour come twice, in time order',
    ...{ calendar: '#PT30M', zone: 'America/New_York', range: ['2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z'] },
    expected: [
      ['2026-11-01T01:00', '2026-11-01T01:00:00-04:00', '2026-11-01T01:30:00-04:00'],
      ['2026-11-01T01:30', '2026-11-01T01:30:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T01:00', '2026-11-01T01:00:00-05:00', '2026-11-01T01:30:00-05:00'],
      ['2026-11-01T01:30', '2026-11-01T01:30:00-05:00', '2026-11-01T02:00:00-05:00'],
    ],
    hours: [0.5, 0.5, 0.5, 0.5],
  },
  {
    name: 'New York: the ISO week holding the spring change lasts 167 hours',
    ...{ calendar: '#P1W', zone: 'America/New_York', range: ['2026-03-08T12:00:00Z', '2026-03-08T12:00:01Z'] },
    expected: [['2026-W10', '2026-03-02T00:00:00-05:00', '2026-03-09T00:00:00-04:00']],
    hours: [167],
  },
  // London
  {
    name: 'London: 2026-03-29 lasts 23 hours',
    ...{ calendar: '#P1D', zone: 'Europe/London', range: ['2026-03-29T12:00:00Z', '2026-03-29T12:00:01Z'] },
    expected: [['2026-03-29', '2026-03-29T00:00:00+00:00', '2026-03-30T00:00:00+01:00']],
    hours: [23],
  },
  {
    name: 'London: 2026-10-25 lasts 25 hours',
    ...{ calendar: '#P1D', zone: 'Europe/London', range: ['2026-10-25T12:00:00Z', '2026-10-25T12:00:01Z'] },
    expected: [['2026-10-25', '2026-10-25T00:00:00+01:00', '2026-10-26T00:00:00+00:00']],
    hours: [25],
  },
  {
    name: 'London: the skipped 01:00 hour has no bucket',
    ...{ calendar: '#PT1H', zone: 'Europe/London', range: ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'] },
    expected: [
      ['2026-03-29T00:00', '2026-03-29T00:00:00+00:00', '2026-03-29T02:00:00+01:00'],
      ['2026-03-29T02:00', '2026-03-29T02:00:00+01:00', '2026-03-29T03:00:00+01:00'],
    ],
    hours: [1, 1],
  },
  {
    name: 'London: the repeated 01:00 hour is two buckets',
    ...{ calendar: '#PT1H', zone: 'Europe/London', range: ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'] },
    expected: [
      ['2026-10-25T01:00', '2026-10-25T01:00:00+01:00', '2026-10-25T01:00:00+00:00'],
      ['2026-10-25T01:00', '2026-10-25T01:00:00+00:00', '2026-10-25T02:00:00+00:00'],
    ],
    hours: [1, 1],
  },
  {
    name: 'London: March 2026 is an hour short of 31 days',
    ...{ calendar: '#P1M', zone: 'Europe/London', range: ['2026-03-15T00:00:00Z', '2026-03-15T00:00:01Z'] },
    expected: [['2026-03', '2026-03-01T00:00:00+00:00', '2026-04-01T00:00:00+01:00']],
    hours: [743],
  },
  // Lord Howe: a 30-minute shift
  {
    name: 'Lord Howe: 2026-10-04 lasts 23.5 hours',
    ...{ calendar: '#P1D', zone: 'Australia/Lord_Howe', range: ['2026-10-04T00:00:00Z', '2026-10-04T00:00:01Z'] },
    expected: [['2026-10-04', '2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00']],
    hours: [23.5],
  },
  {
    name: 'Lord Howe: 2026-04-05 lasts 24.5 hours',
    ...{ calendar: '#P1D', zone: 'Australia/Lord_Howe', range: ['2026-04-05T00:00:00Z', '2026-04-05T00:00:01Z'] },
    expected: [['2026-04-05', '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30']],
    hours: [24.5],
  },
  {
    name: 'Lord Howe: the hour half removed by the gap starts when the gap ends and lasts 30 minutes',
    ...{ calendar: '#PT1H', zone: 'Australia/Lord_Howe', range: ['2026-10-03T15:00:00Z', '2026-10-03T15:45:00Z'] },
    expected: [
      ['2026-10-04T01:00', '2026-10-04T01:00:00+10:30', '2026-10-04T02:30:00+11:00'],
      ['2026-10-04T02:00', '2026-10-04T02:30:00+11:00', '2026-10-04T03:00:00+11:00'],
    ],
    hours: [1, 0.5],
  },
  {
    name: 'Lord Howe: the half-hour the gap removes has no bucket',
    ...{ calendar: '#PT30M', zone: 'Australia/Lord_Howe', range: ['2026-10-03T15:00:00Z', '2026-10-03T15:45:00Z'] },
    expected: [
      ['2026-10-04T01:30', '2026-10-04T01:30:00+10:30', '2026-10-04T02:30:00+11:00'],
      ['2026-10-04T02:30', '2026-10-04T02:30:00+11:00', '2026-10-04T03:00:00+11:00'],
    ],
    hours: [0.5, 0.5],
  },
  {
    name: 'Lord Howe: an hour holding a repeated half-hour lasts 90 minutes',
    ...{ calendar: '#PT1H', zone: 'Australia/Lord_Howe', range: ['2026-04-04T14:30:00Z', '2026-04-04T15:30:00Z'] },
    expected: [['2026-04-05T01:00', '2026-04-05T01:00:00+11:00', '2026-04-05T02:00:00+10:30']],
    hours: [1.5],
  },
  {
    name: 'Lord Howe: the repeated half-hour is two buckets',
    ...{ calendar: '#PT30M', zone: 'Australia/Lord_Howe', range: ['2026-04-04T14:30:00Z', '2026-04-04T15:30:00Z'] },
    expected: [
      ['2026-04-05T01:30', '2026-04-05T01:30:00+11:00', '2026-04-05T01:30:00+10:30'],
      ['2026-04-05T01:30', '2026-04-05T01:30:00+10:30', '2026-04-05T02:00:00+10:30'],
    ],
    hours: [0.5, 0.5],
  },
  // Fractional offsets without clock changes
  {
    name: 'Kolkata: a day starts at 18:30 UTC the day before',
    ...{ calendar: '#P1D', zone: 'Asia/Kolkata', range: ['2026-06-15T00:00:00Z', '2026-06-15T00:00:01Z'] },
    expected: [['2026-06-15', '2026-06-15T00:00:00+05:30', '2026-06-16T00:00:00+05:30']],
    hours: [24],
  },
  {
    name: 'Kolkata: hours start at half past the UTC hour',
    ...{ calendar: '#PT1H', zone: 'Asia/Kolkata', range: ['2026-06-15T00:00:00Z', '2026-06-15T01:00:00Z'] },
    expected: [
      ['2026-06-15T05:00', '2026-06-15T05:00:00+05:30', '2026-06-15T06:00:00+05:30'],
      ['2026-06-15T06:00', '2026-06-15T06:00:00+05:30', '2026-06-15T07:00:00+05:30'],
    ],
    hours: [1, 1],
  },
  {
    name: 'Kathmandu: a day starts at 18:15 UTC the day before',
    ...{ calendar: '#P1D', zone: 'Asia/Kathmandu', range: ['2026-06-15T00:00:00Z', '2026-06-15T00:00:01Z'] },
    expected: [['2026-06-15', '2026-06-15T00:00:00+05:45', '2026-06-16T00:00:00+05:45']],
    hours: [24],
  },
  {
    name: 'Kathmandu: quarter-hours are aligned to local midnight',
    ...{ calendar: '#PT15M', zone: 'Asia/Kathmandu', range: ['2026-06-14T18:10:00Z', '2026-06-14T18:20:00Z'] },
    expected: [
      ['2026-06-14T23:45', '2026-06-14T23:45:00+05:45', '2026-06-15T00:00:00+05:45'],
      ['2026-06-15T00:00', '2026-06-15T00:00:00+05:45', '2026-06-15T00:15:00+05:45'],
    ],
    hours: [0.25, 0.25],
  },
  // Clock changes at midnight
  {
    name: 'Santiago: a day whose midnight the gap skips starts when the gap ends',
    ...{ calendar: '#P1D', zone: 'America/Santiago', range: ['2026-09-06T12:00:00Z', '2026-09-06T12:00:01Z'] },
    expected: [['2026-09-06', '2026-09-06T01:00:00-03:00', '2026-09-07T00:00:00-03:00']],
    hours: [23],
  },
  {
    name: 'Santiago: the day before clocks go back from midnight to 23:00 lasts 25 hours',
    ...{ calendar: '#P1D', zone: 'America/Santiago', range: ['2026-04-04T12:00:00Z', '2026-04-04T12:00:01Z'] },
    expected: [['2026-04-04', '2026-04-04T00:00:00-03:00', '2026-04-05T00:00:00-04:00']],
    hours: [25],
  },
  {
    name: 'Havana: a midnight shown twice starts its day once, the first time',
    ...{ calendar: '#P1D', zone: 'America/Havana', range: ['2026-11-01T12:00:00Z', '2026-11-01T12:00:01Z'] },
    expected: [['2026-11-01', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00']],
    hours: [25],
  },
  {
    name: 'Havana: hourly, the midnight shown twice starts two buckets',
    ...{ calendar: '#PT1H', zone: 'America/Havana', range: ['2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z'] },
    expected: [
      ['2026-11-01T00:00', '2026-11-01T00:00:00-04:00', '2026-11-01T00:00:00-05:00'],
      ['2026-11-01T00:00', '2026-11-01T00:00:00-05:00', '2026-11-01T01:00:00-05:00'],
    ],
    hours: [1, 1],
  },
];

describe('calendarBuckets across clock changes', () => {
  it.each(cases)('$name', ({ calendar, zone, range: [from, to], expected, hours }) => {
    expect(hoursOf(expected)).toEqual(hours);
    expect(calendarBuckets(calendar, zone, { start: at(from), end: at(to) })).toEqual(expected.map(bucket));
  });

  it.each([
    {
      zone: 'America/New_York',
      date: '2026-03-08',
      from: '2026-03-08T05:00:00Z',
      to: '2026-03-09T04:00:00Z',
      count: 23,
    },
    {
      zone: 'America/New_York',
      date: '2026-11-01',
      from: '2026-11-01T04:00:00Z',
      to: '2026-11-02T05:00:00Z',
      count: 25,
    },
    { zone: 'Europe/London', date: '2026-03-29', from: '2026-03-29T00:00:00Z', to: '2026-03-29T23:00:00Z', count: 23 },
    { zone: 'Europe/London', date: '2026-10-25', from: '2026-10-24T23:00:00Z', to: '2026-10-26T00:00:00Z', count: 25 },
  ])('$zone: the local day $date has $count hourly buckets, each an hour long', ({ zone, date, from, to, count }) => {
    const buckets = calendarBuckets('#PT1H', zone, { start: at(from), end: at(to) });
    expect(buckets).toHaveLength(count);
    expect(buckets.every((b) => b.end - b.start === 3_600 && b.label.startsWith(date))).toBe(true);
  });
});

describe('calendarBuckets refuses', () => {
  const day = { start: at('2026-01-01T00:00:00Z'), end: at('2026-01-02T00:00:00Z') };
  it.each([
    {
      name: 'an unknown time zone, naming it',
      call: () => calendarBuckets('#P1D', 'Mars/Olympus', day),
      message: /unknown time zone "Mars\/Olympus"/,
    },
    {
      name: 'an unknown calendar',
      call: () => calendarBuckets('#P2W', 'UTC', day),
      message: /unknown calendar "#P2W"/,
    },
    {
      name: 'an empty range',
      call: () => calendarBuckets('#P1D', 'UTC', { start: day.end, end: day.start }),
      message: /range is empty/,
    },
    {
      name: 'a range before 1900',
      call: () => calendarBuckets('#P1D', 'UTC', { start: -3e9, end: 0 }),
      message: /between 1900-01-01/,
    },
    {
      name: 'a range that is not finite',
      call: () => calendarBuckets('#P1D', 'UTC', { start: 0, end: Infinity }),
      message: /finite/,
    },
    {
      name: 'more buckets than the limit',
      call: () => calendarBuckets('#PT1M', 'UTC', day, { maxBuckets: 1_000 }),
      message: /more than 1000 buckets of #PT1M/,
    },
  ])('$name', ({ call, message }) => {
    expect(call).toThrow(message);
    expect(call).toThrow(UserInputError);
  });
});
