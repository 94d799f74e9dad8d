import { describe, expect, it } from 'vitest';
import { evaluatePoint } from '../../src/domain/ranges/rangeExpression.js';

/** Expected instants are UTC ISO strings worked out by hand from each zone's offsets. */
const at = (source: string, timeZone: string, now: string): string =>
  new Date(evaluatePoint(source, { now: new Date(now), timeZone }) * 1000).toISOString().replace('.000Z', 'Z');

const UTC = 'UTC';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

type Case = [rule: string, source: string, timeZone: string, now: string, expected: string];

describe('relative times', () => {
  // The OpenDataDSL date-rule documentation's own examples, for a reference time of 2024-07-08T16:23:07.
  it.each<[source: string, expected: string]>([
    ['T-1Y', '2023-07-08T16:23:07Z'],
    ['T-1Yh0m0s0', '2023-07-08T00:00:00Z'],
    ['T-M1D1h0m0s0', '2024-01-01T00:00:00Z'],
    ['T-5D', '2024-07-03T16:23:07Z'],
    ['T+5D', '2024-07-13T16:23:07Z'],
    ['T-1YQ4D1h0m0s0', '2023-10-01T00:00:00Z'],
  ])('the reference date rule %s', (source, expected) => {
    expect(at(source, UTC, '2024-07-08T16:23:07Z')).toBe(expected);
  });

  it.each<Case>([
    ['T-1M from March 31 is February 28', 'T-1M', UTC, '2026-03-31T10:00:00Z', '2026-02-28T10:00:00Z'],
    ['T-1M from March 31 of a leap year is February 29', 'T-1M', UTC, '2028-03-31T10:00:00Z', '2028-02-29T10:00:00Z'],
    ['T-1Y from February 29 is February 28', 'T-1Y', UTC, '2028-02-29T10:00:00Z', '2027-02-28T10:00:00Z'],
    ['T+4Y from February 29 is February 29', 'T+4Y', UTC, '2028-02-29T10:00:00Z', '2032-02-29T10:00:00Z'],
    ['T-1Q from May 31 is February 28', 'T-1Q', UTC, '2026-05-31T10:00:00Z', '2026-02-28T10:00:00Z'],
    ['T-2W is 14 days', 'T-2W', UTC, '2026-05-13T10:00:00Z', '2026-04-29T10:00:00Z'],
    ['steps apply left to right: a month, then a day', 'T-1M-1D', UTC, '2026-03-31T10:00:00Z', '2026-02-27T10:00:00Z'],
    ['steps apply left to right: a day, then a month', 'T-1D-1M', UTC, '2026-03-31T10:00:00Z', '2026-02-28T10:00:00Z'],
    ['one sign covers the offsets after it', 'T-1Y2M', UTC, '2026-03-31T10:00:00Z', '2025-01-31T10:00:00Z'],
    ['T-1D over spring forward is 23 hours back', 'T-1D', NY, '2026-03-08T16:00:00Z', '2026-03-07T17:00:00Z'],
    ['T-1D over fall back is 25 hours back', 'T-1D', NY, '2026-11-01T17:00:00Z', '2026-10-31T16:00:00Z'],
    ['T-1M over the Berlin change keeps noon', 'T-1M', BERLIN, '2026-04-15T10:00:00Z', '2026-03-15T11:00:00Z'],
    ['T-1D over a half-hour change', 'T-1D', 'Australia/Lord_Howe', '2026-04-05T12:00:00Z', '2026-04-04T11:30:00Z'],
    ['T-1D into the skipped hour moves forward', 'T-1D', NY, '2026-03-09T06:30:00Z', '2026-03-08T07:30:00Z'],
    ['T-1D into the repeated hour is the earlier', 'T-1D', NY, '2026-11-02T06:30:00Z', '2026-11-01T05:30:00Z'],
  ])('calendar offsets keep the wall-clock time: %s', (_rule, source, timeZone, now, expected) => {
    expect(at(source, timeZone, now)).toBe(expected);
  });

  it.each<Case>([
    ['T-3h over spring forward is 3 hours', 'T-3h', NY, '2026-03-08T08:00:00Z', '2026-03-08T05:00:00Z'],
    ['T+1h over fall back is 1 hour', 'T+1h', NY, '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'],
    ['T-90m', 'T-90m', UTC, '2026-05-13T12:00:00Z', '2026-05-13T10:30:00Z'],
    ['T-86400s is not T-1D on a 23-hour day', 'T-86400s', NY, '2026-03-08T16:00:00Z', '2026-03-07T16:00:00Z'],
    ['a calendar and an elapsed offset under one sign', 'T-1D2h', UTC, '2026-05-13T12:00:00Z', '2026-05-12T10:00:00Z'],
  ])('h, m and s offsets are elapsed time: %s', (_rule, source, timeZone, now, expected) => {
    expect(at(source, timeZone, now)).toBe(expected);
  });

  it.each<Case>([
    ['h0m0s0 is local midnight', 'Th0m0s0', 'Asia/Kolkata', '2026-05-13T12:00:00Z', '2026-05-12T18:30:00Z'],
    ['D31 is the last day of a 30-day month', 'TD31', UTC, '2026-04-10T12:00:00Z', '2026-04-30T12:00:00Z'],
    ['D31 in February of a leap year is the 29th', 'TM2D31', UTC, '2028-05-10T12:00:00Z', '2028-02-29T12:00:00Z'],
    ['M2 from the 31st clamps to the month', 'TM2', UTC, '2026-03-31T12:00:00Z', '2026-02-28T12:00:00Z'],
    ["Q3 is the quarter's first month, same day", 'TQ3', UTC, '2026-05-13T12:00:00Z', '2026-07-13T12:00:00Z'],
    ['W1 keeps the weekday, in the ISO year', 'TW1', UTC, '2026-05-13T12:00:00Z', '2025-12-31T12:00:00Z'],
    ['W53 in a 52-week ISO year is week 52', 'TW53', UTC, '2027-05-12T12:00:00Z', '2027-12-29T12:00:00Z'],
    ['Y sets the year', 'TY2024', UTC, '2026-05-13T12:00:00Z', '2024-05-13T12:00:00Z'],
    ['a sign before a setter changes nothing', 'T+M1D1h0m0s0', UTC, '2026-05-13T12:00:00Z', '2026-01-01T00:00:00Z'],
    ['into the skipped hour moves forward', 'T/Dh2m30', NY, '2026-03-08T17:00:00Z', '2026-03-08T07:30:00Z'],
    ['m0 in the repeated hour keeps the occurrence', 'Tm0', NY, '2026-11-01T06:40:00Z', '2026-11-01T06:00:00Z'],
    ['h1 keeps the offset of the time it sets', 'Th1', NY, '2026-11-01T17:00:00Z', '2026-11-01T06:00:00Z'],
  ])('setters set a local field: %s', (_rule, source, timeZone, now, expected) => {
    expect(at(source, timeZone, now)).toBe(expected);
  });

  it.each<Case>([
    ['T/M-1D is the last day of last month', 'T/M-1D', UTC, '2026-03-15T12:00:00Z', '2026-02-28T00:00:00Z'],
    ['T/Y is local New Year', 'T/Y', BERLIN, '2026-05-13T12:00:00Z', '2025-12-31T23:00:00Z'],
    ['T/W on a Sunday is the Monday before', 'T/W', UTC, '2026-05-17T10:00:00Z', '2026-05-11T00:00:00Z'],
    [
      'T/D where midnight is skipped is the gap end',
      'T/D',
      'America/Santiago',
      '2026-09-06T15:00:00Z',
      '2026-09-06T04:00:00Z',
    ],
    [
      'T/D where midnight repeats is the first one',
      'T/D',
      'America/Havana',
      '2026-11-01T17:00:00Z',
      '2026-11-01T04:00:00Z',
    ],
    ['setters after a snap', 'T-1D/Dh7', UTC, '2026-05-13T12:00:00Z', '2026-05-12T07:00:00Z'],
    ['T/m is the local minute', 'T/m', 'Asia/Kathmandu', '2026-05-13T10:20:30Z', '2026-05-13T10:20:00Z'],
  ])('snaps go back to the start of a unit: %s', (_rule, source, timeZone, now, expected) => {
    expect(at(source, timeZone, now)).toBe(expected);
  });
});

describe('date-times', () => {
  it.each<[rule: string, source: string, timeZone: string, expected: string]>([
    ['a local time the clocks skip moves forward', '2026-03-08T02:30', NY, '2026-03-08T07:30:00Z'],
    ['a local time that repeats is the earlier', '2026-11-01T01:30', NY, '2026-11-01T05:30:00Z'],
    ['a repeated Berlin time is the earlier', '2026-10-25T02:30', BERLIN, '2026-10-25T00:30:00Z'],
    ['an offset picks the occurrence', '2026-11-01T01:30-05:00', NY, '2026-11-01T06:30:00Z'],
    ['Z is UTC, whatever the zone', '2026-11-01T01:30Z', NY, '2026-11-01T01:30:00Z'],
    ['a start with a fraction rounds down', '2026-05-13T10:20:30.5+02:00', UTC, '2026-05-13T08:20:30Z'],
  ])('%s', (_rule, source, timeZone, expected) => {
    expect(at(source, timeZone, '2030-01-01T00:00:00Z')).toBe(expected);
  });

  it('a single time must stand alone', () => {
    expect(() => at('T-1D x', UTC, '2030-01-01T00:00:00Z')).toThrow(
      expect.objectContaining({
        message: 'at 6: expected end of input but found "x"',
        details: { field: 'range', position: 6 },
      }),
    );
  });
});
