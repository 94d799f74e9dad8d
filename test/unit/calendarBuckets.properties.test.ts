/**
 * Invariants of the calendar engine over random zones, calendars and ranges, many of them
 * placed around clock changes and period ends. The oracle is Intl, asked directly for the
 * local clock reading at an instant — not the engine's library or its wall-time solving.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { combine, combineAll, EMPTY, stateOfValue, type BucketState } from '../../src/domain/bucketState.js';
import { calendarBuckets, type CalendarBucket } from '../../src/domain/calendar/calendarBuckets.js';
import { grainFor } from '../../src/domain/calendar/calendarGrain.js';
import { observe } from '../../src/domain/calendar/observed.js';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/Santiago',
  'America/Havana',
  'America/St_Johns',
  'Pacific/Chatham',
  'Africa/Casablanca',
] as const;
const INTERVALS = { '#PT30S': 30, '#PT5M': 300, '#PT15M': 900, '#PT30M': 1_800, '#PT1H': 3_600 } as const;
const MORE_INTERVALS = { '#PT90M': 5_400, '#PT2H': 7_200, '#PT3H': 10_800, '#PT6H': 21_600, '#PT12H': 43_200 } as const;
const SECONDS: Readonly<Record<string, number>> = { ...INTERVALS, ...MORE_INTERVALS };
const DAY = 86_400;
/** How long a random range may be, so that it holds a few hundred buckets at most. */
const LONGEST: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(SECONDS).map(([code, seconds]) => [code, 400 * seconds])),
  '#P1D': 40 * DAY,
  '#P1W': 200 * DAY,
  '#P1M': 3 * 366 * DAY,
  '#P3M': 8 * 366 * DAY,
  '#P1Y': 20 * 366 * DAY,
};
const CALENDARS = Object.keys(LONGEST);
/** Clock changes (2026) of the zones above, in the zone that makes them. */
const CHANGES: readonly (readonly [string, string])[] = [
  ['America/New_York', '2026-03-08T07:00:00Z'],
  ['America/New_York', '2026-11-01T06:00:00Z'],
  ['Europe/London', '2026-03-29T01:00:00Z'],
  ['Europe/Berlin', '2026-10-25T01:00:00Z'],
  ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
  ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
  ['America/Santiago', '2026-04-05T03:00:00Z'],
  ['America/Santiago', '2026-09-06T04:00:00Z'],
  ['America/Havana', '2026-11-01T05:00:00Z'],
  ['America/St_Johns', '2026-03-08T05:30:00Z'],
  ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
  ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
];
/** Ends of months, quarters and years, and a leap day. */
const ENDS = ['2026-12-31T18:15:00Z', '2027-01-01T00:00:00Z', '2028-02-29T00:00:00Z', '2026-03-31T22:00:00Z'];
const at = (iso: string): number => Date.parse(iso) / 1_000;

const shift = fc.oneof(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: -7_200, max: 7_200 }));
const nearChange = fc
  .tuple(fc.constantFrom(...CHANGES), shift)
  .map(([[zone, iso], by]) => ({ zone, start: at(iso) + by }));
const anywhere = fc.record({
  zone: fc.constantFrom(...ZONES),
  start: fc.oneof(
    fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }),
    fc.tuple(fc.constantFrom(...ENDS.map(at)), shift).map(([end, by]) => end + by),
  ),
});
const place = fc.oneof(nearChange, anywhere);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const query = fc
  .record({ place, calendar: fc.constantFrom(...CALENDARS), fraction })
  .map(({ place: { zone, start }, calendar, fraction: part }) => ({ zone, start, calendar, fraction: part }));
const rangeOf = (calendar: string, from: number, part: number) => ({
  start: from,
  end: from + 1 + Math.floor(part * (LONGEST[calendar] as number)),
});

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The local clock reading at `t`, as seconds since 1970-01-01T00:00 local: straight from Intl. */
function intlWall(zone: string, t: number): number {
  let format = formatters.get(zone);
  if (format === undefined) {
    const numeric = 'numeric' as const;
    const fields = { year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric };
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...fields });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(t * 1_000)).map((part) => [part.type, part.value]));
  const field = (name: string) => Number(parts[name]);
  return (
    Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second')) / 1_000
  );
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const isoLabel = (wall: number, length: number) => new Date(wall * 1_000).toISOString().slice(0, length);

/**
 * Brute force for a sub-day interval: step through time (every boundary and clock change here
 * falls on a multiple of the step) and start a bucket where the clock shows a slot start, or
 * where it jumps forward past one — labelled by the last slot it skipped.
 */
function scannedStarts(zone: string, seconds: number, from: number, to: number) {
  const step = gcd(seconds, 900);
  const length = seconds % 60 === 0 ? 16 : 19;
  const starts: { at: number; label: string }[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    const wall = intlWall(zone, t);
    const unchanged = intlWall(zone, t - step) + step;
    const skipped = Math.floor(wall / seconds) * seconds;
    if (wall % seconds === 0) starts.push({ at: t, label: isoLabel(wall, length) });
    else if (wall > unchanged && skipped >= unchanged) starts.push({ at: t, label: isoLabel(skipped, length) });
  }
  return starts;
}

/** The ordinal of the local day, ISO week, month, quarter or year a wall time falls in. */
function unitKey(code: string, wall: number): number {
  const date = new Date(wall * 1_000);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), Math.floor(wall / DAY)];
  if (code === '#P1D') return day;
  if (code === '#P1W') return day - ((day + 3) % 7); // 1970-01-01 was a Thursday: this is the Monday
  if (code === '#P1M') return year * 12 + month;
  if (code === '#P3M') return year * 4 + Math.floor(month / 3);
  return year;
}

/** The same ordinal read from a bucket's label (2026-03-08, 2026-W10, 2026-03, 2026-Q1, 2026). */
function labelKey(code: string, label: string): number {
  const year = Number(label.slice(0, 4));
  if (code === '#P1D') return Date.parse(`${label}T00:00:00Z`) / 1_000 / DAY;
  if (code === '#P1M') return year * 12 + Number(label.slice(5, 7)) - 1;
  if (code === '#P3M') return year * 4 + Number(label.slice(6)) - 1;
  if (code === '#P1Y') return year;
  const january4 = Date.UTC(year, 0, 4) / 1_000 / DAY; // ISO week 1 holds 4 January
  return january4 - ((january4 + 3) % 7) + 7 * (Number(label.slice(6)) - 1);
}

const offsetOf = (iso: string): string => iso.slice(19);
const intlIso = (zone: string, t: number): string => {
  const wall = intlWall(zone, t);
  const offset = wall - t;
  const magnitude = Math.abs(offset);
  const hhmm = `${String(Math.floor(magnitude / 3_600)).padStart(2, '0')}:${String((magnitude / 60) % 60).padStart(2, '0')}`;
  return `${isoLabel(wall, 19)}${offset < 0 ? '-' : '+'}${hhmm}`;
};

function bucketHolding(buckets: readonly CalendarBucket[], t: number): number {
  let [low, high] = [0, buckets.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((buckets[middle] as CalendarBucket).start <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

describe('calendarBuckets properties', () => {
  test.prop([query])('buckets are sorted, tile their span and overlap the range, whole', (q) => {
    const range = rangeOf(q.calendar, q.start, q.fraction);
    const buckets = calendarBuckets(q.calendar, q.zone, range);
    expect(buckets.length).toBeGreaterThan(0);
    expect((buckets[0] as CalendarBucket).start).toBeLessThanOrEqual(range.start);
    expect((buckets.at(-1) as CalendarBucket).end).toBeGreaterThanOrEqual(range.end);
    buckets.forEach((bucket, index) => {
      expect(bucket.start).toBeLessThan(bucket.end);
      expect(bucket.end).toBeGreaterThan(range.start);
      expect(bucket.start).toBeLessThan(range.end);
      if (index > 0) expect(bucket.start).toBe((buckets[index - 1] as CalendarBucket).end);
    });
  });

  test.prop([query])('start and end ISO forms are the local clock and offset Intl reports', (q) => {
    const buckets = calendarBuckets(q.calendar, q.zone, rangeOf(q.calendar, q.start, q.fraction));
    for (const bucket of buckets.slice(0, 50)) {
      expect(bucket.startIso).toBe(intlIso(q.zone, bucket.start));
      expect(bucket.endIso).toBe(intlIso(q.zone, bucket.end));
      expect(Date.parse(bucket.startIso) / 1_000).toBe(bucket.start);
      expect(offsetOf(bucket.startIso)).toMatch(/^[+-]\d\d:\d\d$/);
    }
  });

  test.prop([query])('every bucket boundary is a multiple of the grain grainFor returns', (q) => {
    const range = rangeOf(q.calendar, q.start, q.fraction);
    const grain = grainFor(q.calendar, q.zone, range);
    const interval = SECONDS[q.calendar];
    // Every zone listed has 15-minute offsets, so only an interval that 900 s does not divide lacks a grain.
    expect(grain === null).toBe(interval !== undefined && interval % 900 !== 0);
    for (const bucket of calendarBuckets(q.calendar, q.zone, range)) {
      expect(bucket.start % (grain ?? 1)).toBe(0);
      expect(bucket.end % (grain ?? 1)).toBe(0);
    }
  });

  const point = fc.record({ at: fraction, value: fc.integer({ min: -1_000, max: 1_000 }) });
  test.prop([query, fc.array(point, { maxLength: 200 })])(
    'observed over the buckets of random points equals the same function over the range',
    (q, drawn) => {
      const range = rangeOf(q.calendar, q.start, q.fraction);
      const points = drawn
        .map(({ at, value }) => ({ time: range.start + Math.floor(at * (range.end - range.start - 1)), value }))
        .sort((a, b) => a.time - b.time);
      const buckets = calendarBuckets(q.calendar, q.zone, range);
      const states: BucketState[] = buckets.map(() => EMPTY);
      for (const { time, value } of points) {
        const index = bucketHolding(buckets, time);
        const holder = buckets[index] as CalendarBucket;
        expect(holder.start <= time && time < holder.end).toBe(true);
        states[index] = combine(states[index] as BucketState, stateOfValue(value));
      }
      const summed = states.reduce((total, state) => total + (observe(state, 'summed') ?? 0), 0);
      const counted = states.reduce((total, state) => total + (observe(state, 'count') ?? 0), 0);
      expect(summed).toBe(points.reduce((total, { value }) => total + value, 0));
      expect(counted).toBe(points.length);
      const whole = combineAll(states);
      const direct = combineAll(points.map(({ value }) => stateOfValue(value)));
      for (const observed of ['high', 'low', 'beginning', 'end'] as const) {
        expect(observe(whole, observed)).toBe(observe(direct, observed));
      }
    },
  );

  const subDay = fc.record({
    place: fc.oneof({ arbitrary: nearChange, weight: 3 }, { arbitrary: anywhere, weight: 1 }),
    calendar: fc.constantFrom(...Object.keys(SECONDS)),
    hours: fc.integer({ min: 1, max: 30 }),
  });
  test.prop([subDay], { numRuns: 80 })(
    'sub-day buckets start exactly where a brute-force scan of the local clock says',
    ({ place: { zone, start: from }, calendar, hours }) => {
      const seconds = SECONDS[calendar] as number;
      const range = { start: from, end: from + Math.min(hours * 3_600, 2_000 * seconds) };
      const buckets = calendarBuckets(calendar, zone, range);
      const span = [(buckets[0] as CalendarBucket).start, (buckets.at(-1) as CalendarBucket).end] as const;
      const scanned = scannedStarts(zone, seconds, ...span);
      expect(scanned.map((s) => s.at)).toEqual([...buckets.map((b) => b.start), span[1]]);
      expect(scanned.slice(0, -1).map((s) => s.label)).toEqual(buckets.map((b) => b.label));
    },
  );

  const units = fc.record({ place, calendar: fc.constantFrom('#P1D', '#P1W', '#P1M', '#P3M', '#P1Y'), fraction });
  test.prop([units.map(({ place: { zone, start }, ...rest }) => ({ zone, start, ...rest }))])(
    'a day, week, month, quarter or year starts the first instant the local clock reaches it, and none is skipped',
    (q) => {
      const buckets = calendarBuckets(q.calendar, q.zone, rangeOf(q.calendar, q.start, q.fraction));
      const step = q.calendar === '#P1W' ? 7 : 1;
      buckets.forEach((bucket, index) => {
        const key = labelKey(q.calendar, bucket.label);
        expect(unitKey(q.calendar, intlWall(q.zone, bucket.start))).toBe(key);
        expect(unitKey(q.calendar, intlWall(q.zone, bucket.start - 1))).toBeLessThan(key);
        if (index > 0) expect(key - labelKey(q.calendar, (buckets[index - 1] as CalendarBucket).label)).toBe(step);
      });
    },
  );
});
