import { describe, expect, it } from 'vitest';
import { calendarBuckets } from '../../src/domain/calendar/calendarBuckets.js';
import { grainFor } from '../../src/domain/calendar/calendarGrain.js';

const at = (iso: string): number => Date.parse(iso) / 1_000;
const year2026 = { start: at('2026-01-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z') };

describe('grainFor', () => {
  it.each([
    { name: 'UTC days compose from daily rollups', calendar: '#P1D', zone: 'UTC', grain: 86_400 },
    { name: 'UTC months compose from daily rollups', calendar: '#P1M', zone: 'UTC', grain: 86_400 },
    { name: 'UTC hours compose from hourly rollups', calendar: '#PT1H', zone: 'UTC', grain: 3_600 },
    { name: 'half-days are not a multiple of a day', calendar: '#PT12H', zone: 'UTC', grain: 3_600 },
    { name: '90 minutes is not a multiple of an hour', calendar: '#PT90M', zone: 'UTC', grain: 900 },
    { name: 'quarter-hours compose from the 15-minute rollups', calendar: '#PT15M', zone: 'UTC', grain: 900 },
    { name: 'five minutes is finer than any rollup', calendar: '#PT5M', zone: 'UTC', grain: null },
    { name: 'New York days: whole-hour offsets and changes', calendar: '#P1D', zone: 'America/New_York', grain: 3_600 },
    { name: 'London months: whole-hour offsets', calendar: '#P1M', zone: 'Europe/London', grain: 3_600 },
    { name: 'Lord Howe hours: a +10:30 offset', calendar: '#PT1H', zone: 'Australia/Lord_Howe', grain: 900 },
    { name: 'Kolkata days: a +05:30 offset', calendar: '#P1D', zone: 'Asia/Kolkata', grain: 900 },
    { name: 'Kathmandu months: a +05:45 offset', calendar: '#P1M', zone: 'Asia/Kathmandu', grain: 900 },
  ])('$name: $grain', ({ calendar, zone, grain }) => {
    expect(grainFor(calendar, zone, year2026)).toBe(grain);
    if (grain === null) return;
    for (const bucket of calendarBuckets(calendar, zone, year2026)) {
      expect(bucket.start % grain).toBe(0);
      expect(bucket.end % grain).toBe(0);
    }
  });

  it('a zone on a historical offset with seconds composes from no rollup (Monrovia was -00:44:30 until 1972)', () => {
    const year1960 = { start: at('1960-01-01T00:00:00Z'), end: at('1961-01-01T00:00:00Z') };
    expect(grainFor('#P1D', 'Africa/Monrovia', year1960)).toBeNull();
    const [first] = calendarBuckets('#P1D', 'Africa/Monrovia', year1960);
    expect(first).toMatchObject({ startIso: '1959-12-31T00:00:00-00:44:30', start: at('1959-12-31T00:44:30Z') });
  });

  it('a clock change just outside the range still counts when a bucket reaches it', () => {
    // The UTC range is all winter, but the yearly bucket holding it spans London's summer.
    const january = { start: at('2026-01-10T00:00:00Z'), end: at('2026-01-11T00:00:00Z') };
    expect(grainFor('#P1Y', 'Europe/London', january)).toBe(3_600);
    expect(grainFor('#P1Y', 'Asia/Kathmandu', january)).toBe(900);
  });

  it('chooses among the grains it is given', () => expect(grainFor('#P1D', 'UTC', year2026, [900, 3_600])).toBe(3_600));
});
