import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { evaluatePoint, evaluateRange, type RangeContext } from '../../src/domain/ranges/rangeExpression.js';

/** Zones with every kind of local day: DST by an hour, by half an hour, at midnight, none, +5:45. */
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/Santiago',
  'America/Havana',
  'America/St_Johns',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Asia/Tehran',
];
const zones = fc.constantFrom(...ZONES);
const contexts: fc.Arbitrary<RangeContext> = fc.record({
  now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true }),
  timeZone: zones,
});

type UnitLetter = 'Y' | 'Q' | 'M' | 'W' | 'D' | 'h' | 'm' | 's';
/** Bounds that keep a few steps from 2000-2080 inside 1970-9999. */
const MAX_OFFSET: Record<UnitLetter, number> = { Y: 3, Q: 12, M: 36, W: 150, D: 1000, h: 2e4, m: 1e6, s: 6e7 };
const SETTER: Record<UnitLetter, [number, number]> = {
  Y: [2000, 2080],
  Q: [1, 4],
  M: [1, 12],
  W: [1, 53],
  D: [1, 31],
  h: [0, 23],
  m: [0, 59],
  s: [0, 59],
};
const units = fc.constantFrom<UnitLetter>('Y', 'Q', 'M', 'W', 'D', 'h', 'm', 's');
const offsets = units.chain((u) => fc.nat({ max: MAX_OFFSET[u] }).map((n) => `${n}${u}`));
const setters = (allowed: fc.Arbitrary<UnitLetter>) =>
  allowed.chain((u) => fc.integer({ min: SETTER[u][0], max: SETTER[u][1] }).map((n) => `${u}${n}`));
const snaps = units.map((u) => `/${u}`);
const steps = fc.oneof(
  fc
    .tuple(fc.constantFrom('+', '-'), fc.array(offsets, { minLength: 1, maxLength: 2 }))
    .map(([s, o]) => s + o.join('')),
  fc.tuple(fc.constantFrom('', '+', '-'), setters(units)).map(([sign, setter]) => sign + setter),
  snaps,
);
const endsInSnap = (text: string): boolean => /\/[YQMWDhms]$/.test(text);
/** Any relative time that is an instant (its last step is not a snap). */
const instants = fc
  .array(steps, { maxLength: 4 })
  .map((s) => `T${s.join('')}`)
  .filter((t) => !endsInSnap(t));
/** A relative time that names a period. */
const periods = fc.tuple(fc.array(steps, { maxLength: 3 }), snaps).map(([s, snap]) => `T${s.join('')}${snap}`);
/** A time before now: at least a calendar unit back, then only setters of the time of day and snaps. */
const pastTimes = fc
  .tuple(
    fc
      .constantFrom<UnitLetter>('Y', 'Q', 'M', 'W', 'D')
      .chain((u) => fc.integer({ min: 1, max: MAX_OFFSET[u] }).map((n) => `T-${n}${u}`)),
    fc.array(fc.oneof(setters(fc.constantFrom<UnitLetter>('h', 'm', 's')), snaps), { maxLength: 3 }),
  )
  .map(([back, rest]) => back + rest.join(''));
/** `2031`, `2031-07` or `2031-07-14`, with its start as a sortable key. */
const dates = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2080-12-31'), noInvalidDate: true }),
    fc.constantFrom(4, 7, 10),
  )
  .map(([date, length]) => date.toISOString().slice(0, length));

const validRanges = fc.oneof(
  dates,
  periods,
  pastTimes.map((t) => `from(${t})`),
  pastTimes.map((t) => `between(${t}, T)`),
  fc.tuple(dates, dates).map(([a, b]) => `between(${[a, b].sort().join(', ')})`),
);

describe('range expression properties', () => {
  test.prop([validRanges, contexts])(
    'generated ranges resolve to whole seconds with start < end',
    (source, context) => {
      const { start, end } = evaluateRange(source, context);
      expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
      expect(start).toBeLessThan(end);
    },
  );

  test.prop([instants, instants, contexts])('between(A, B) is [A, B) for instants A < B', (a, b, context) => {
    const startA = evaluatePoint(a, context);
    const startB = evaluatePoint(b, context);
    if (startA < startB) {
      expect(evaluateRange(`between(${a}, ${b})`, context)).toEqual({ start: startA, end: startB });
    } else {
      expect(() => evaluateRange(`between(${a}, ${b})`, context)).toThrow(/^at \d+: expected an end after the start/);
    }
  });

  test.prop([pastTimes, periods, contexts])('a period as the end counts in full', (a, b, context) => {
    const start = evaluatePoint(a, context);
    const period = evaluateRange(b, context);
    fc.pre(start < period.end);
    expect(evaluateRange(`between(${a}, ${b})`, context)).toEqual({ start, end: period.end });
  });

  test.prop([pastTimes, contexts])('from(X) is between(X, T)', (x, context) => {
    expect(evaluateRange(`from(${x})`, context)).toEqual(evaluateRange(`between(${x}, T)`, context));
  });

  const formatters = new Map(
    ZONES.map((zone) => [
      zone,
      new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    ]),
  );
  /** The local date of a Unix second as `YYYY-MM-DD`, by Intl: independent of the code under test. */
  const localDate = (zone: string, second: number): string => {
    const parts = formatters.get(zone)?.formatToParts(new Date(second * 1000)) ?? [];
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
  const days = fc.date({ min: new Date('1971-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });

  test.prop([days, zones])('a date is exactly the seconds of that local day, 22 to 26 hours long', (date, zone) => {
    const day = date.toISOString().slice(0, 10);
    const { start, end } = evaluateRange(day, { now: new Date(), timeZone: zone });
    expect(localDate(zone, start)).toBe(day);
    expect(localDate(zone, start - 1) < day).toBe(true);
    expect(localDate(zone, end - 1)).toBe(day);
    expect(localDate(zone, end) > day).toBe(true);
    // 23 or 25 hours where clocks move by an hour, 23.5 or 24.5 on Lord Howe, 23:45 in Kathmandu in
    // 1986, 22 or 26 hours in St John's 1988 double summer time: always a whole number of quarter hours.
    expect(end - start).toBeGreaterThanOrEqual(22 * 3600);
    expect(end - start).toBeLessThanOrEqual(26 * 3600);
    expect((end - start) % 900).toBe(0);
  });

  const pieces = fc.constantFrom(
    ...['T', '-', '+', '/', '1', '0', '23', '59', '2024', '-11', '-20', 'T10:00', ':', 'Z', '.5', '999999999'],
    ...['Y', 'Q', 'M', 'W', 'D', 'h', 'm', 's', 'H', 'd', 'from(', 'between(', 'to(', ')', ',', ' ', 'é', '😀'],
  );
  const nearlyValid = fc
    .tuple(validRanges, fc.nat(), fc.nat({ max: 4 }), fc.string({ maxLength: 2 }))
    .map(([text, at, cut, insert]) => {
      const from = at % (text.length + 1);
      return text.slice(0, from) + insert + text.slice(from + cut);
    });
  const anyInput = fc.oneof(
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    fc.string({ minLength: 250, maxLength: 270 }),
    fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
    nearlyValid,
  );

  test.prop([anyInput, contexts])(
    'any input resolves or fails with a UserInputError located inside it',
    (source, context) => {
      let error: unknown;
      try {
        evaluateRange(source, context);
      } catch (caught) {
        error = caught;
      }
      if (error === undefined) return;
      expect(error).toBeInstanceOf(UserInputError);
      const { message, details } = error as UserInputError;
      const position = Number(/^at (\d+): expected .+ but found /.exec(message)?.[1]);
      expect(position).toBeGreaterThanOrEqual(1);
      expect(position).toBeLessThanOrEqual(source.length + 1);
      expect(details).toEqual({ field: 'range', position });
    },
  );
});
