/**
 * How the native store cuts calendar buckets into aligned pieces of its levels (bucketPlan.ts).
 * Table cases are written by hand: each bucket's local start and end as ISO strings with their
 * offset (read by Date.parse, never by the calendar engine) and the pieces expected. Property
 * tests check, for random contiguous buckets and retentions, that the pieces tile each bucket,
 * that rollup pieces are aligned and held, and that summing stored buckets over the pieces gives
 * the bucket's sum.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { planBuckets, type HeldSince, type Piece, type PieceLevel } from '../../src/backends/native/bucketPlan.js';

const at = (iso: string): number => Date.parse(iso) / 1_000;
const DAY = 86_400;
/** Every level held since the epoch: nothing has expired. */
const KEEP_ALL: HeldSince = () => 0;

type Row = readonly [level: PieceLevel, start: string, end: string];
const pieces = (rows: readonly Row[], bucket = 0): Piece[] =>
  rows.map(([level, start, end]) => ({ bucket, level, start: at(start), end: at(end) }));
const range = (start: string, end: string) => ({ start: at(start), end: at(end) });

interface Case {
  name: string;
  bucket: readonly [start: string, end: string];
  heldSince?: Partial<Record<PieceLevel, string>>;
  expected: readonly Row[];
  levels: readonly PieceLevel[];
  expired?: boolean;
}

const cases: Case[] = [
  {
    name: 'a Berlin month in winter time is whole UTC days plus an hour before and 23 hours after',
    bucket: ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
    expected: [
      [3_600, '2026-10-31T23:00:00Z', '2026-11-01T00:00:00Z'],
      [86_400, '2026-11-01T00:00:00Z', '2026-11-30T00:00:00Z'],
      [3_600, '2026-11-30T00:00:00Z', '2026-11-30T23:00:00Z'],
    ],
    levels: [86_400, 3_600],
  },
  {
    name: 'a Berlin month that ends after the clocks go back starts at 22:00Z and ends at 23:00Z',
    bucket: ['2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'],
    expected: [
      [3_600, '2026-09-30T22:00:00Z', '2026-10-01T00:00:00Z'],
      [86_400, '2026-10-01T00:00:00Z', '2026-10-31T00:00:00Z'],
      [3_600, '2026-10-31T00:00:00Z', '2026-10-31T23:00:00Z'],
    ],
    levels: [86_400, 3_600],
  },
  {
    name: 'a Kolkata day (+05:30) is hours with a half hour of quarters at each edge',
    bucket: ['2026-11-10T00:00:00+05:30', '2026-11-11T00:00:00+05:30'],
    expected: [
      [900, '2026-11-09T18:30:00Z', '2026-11-09T19:00:00Z'],
      [3_600, '2026-11-09T19:00:00Z', '2026-11-10T18:00:00Z'],
      [900, '2026-11-10T18:00:00Z', '2026-11-10T18:30:00Z'],
    ],
    levels: [3_600, 900],
  },
  {
    name: 'a Kathmandu day (+05:45) is hours with 45 and 15 minutes of quarters at the edges',
    bucket: ['2026-11-10T00:00:00+05:45', '2026-11-11T00:00:00+05:45'],
    expected: [
      [900, '2026-11-09T18:15:00Z', '2026-11-09T19:00:00Z'],
      [3_600, '2026-11-09T19:00:00Z', '2026-11-10T18:00:00Z'],
      [900, '2026-11-10T18:00:00Z', '2026-11-10T18:15:00Z'],
    ],
    levels: [3_600, 900],
  },
  {
    name: 'a 25-hour New York day is 25 whole hours',
    bucket: ['2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00'],
    expected: [[3_600, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z']],
    levels: [3_600],
  },
  {
    name: 'a UTC day is one daily piece',
    bucket: ['2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'],
    expected: [[86_400, '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z']],
    levels: [86_400],
  },
  {
    name: 'a #PT5M bucket is read raw: no rollup grain divides five minutes',
    bucket: ['2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z'],
    expected: [['raw', '2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z']],
    levels: ['raw'],
  },
  {
    name: 'a #PT5M bucket on a quarter hour is read raw too',
    bucket: ['2026-11-10T12:00:00Z', '2026-11-10T12:05:00Z'],
    expected: [['raw', '2026-11-10T12:00:00Z', '2026-11-10T12:05:00Z']],
    levels: ['raw'],
  },
  {
    name: 'a #PT30M bucket is two quarter hours',
    bucket: ['2026-11-10T12:30:00Z', '2026-11-10T13:00:00Z'],
    expected: [[900, '2026-11-10T12:30:00Z', '2026-11-10T13:00:00Z']],
    levels: [900],
  },
  {
    name: 'a bucket off the quarter-hour grid is raw at its edges only',
    bucket: ['2026-11-10T12:10:00Z', '2026-11-10T14:50:00Z'],
    expected: [
      ['raw', '2026-11-10T12:10:00Z', '2026-11-10T12:15:00Z'],
      [900, '2026-11-10T12:15:00Z', '2026-11-10T13:00:00Z'],
      [3_600, '2026-11-10T13:00:00Z', '2026-11-10T14:00:00Z'],
      [900, '2026-11-10T14:00:00Z', '2026-11-10T14:45:00Z'],
      ['raw', '2026-11-10T14:45:00Z', '2026-11-10T14:50:00Z'],
    ],
    levels: [3_600, 900, 'raw'],
  },
  {
    name: 'retention: a Berlin month past the daily rollups’ retention is read as hours',
    bucket: ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
    heldSince: { 86_400: '2026-12-15T00:00:00Z', 3_600: '2026-01-01T00:00:00Z' },
    expected: [[3_600, '2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z']],
    levels: [3_600],
  },
  {
    name: 'retention: a Berlin month straddling the daily rollups’ retention reads days where they are held',
    bucket: ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
    heldSince: { 86_400: '2026-11-15T12:00:00Z', 3_600: '2026-01-01T00:00:00Z' },
    expected: [
      [3_600, '2026-10-31T23:00:00Z', '2026-11-16T00:00:00Z'],
      [86_400, '2026-11-16T00:00:00Z', '2026-11-30T00:00:00Z'],
      [3_600, '2026-11-30T00:00:00Z', '2026-11-30T23:00:00Z'],
    ],
    levels: [86_400, 3_600],
  },
  {
    name: 'retention: each level is used from where it holds the data, raw before the finest, and expired says so',
    bucket: ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
    heldSince: {
      86_400: '2026-11-15T00:00:00Z',
      3_600: '2026-11-10T00:00:00Z',
      900: '2026-11-10T00:00:00Z',
      raw: '2026-11-10T00:00:00Z',
    },
    expected: [
      ['raw', '2026-10-31T23:00:00Z', '2026-11-10T00:00:00Z'],
      [3_600, '2026-11-10T00:00:00Z', '2026-11-15T00:00:00Z'],
      [86_400, '2026-11-15T00:00:00Z', '2026-11-30T00:00:00Z'],
      [3_600, '2026-11-30T00:00:00Z', '2026-11-30T23:00:00Z'],
    ],
    levels: [86_400, 3_600, 'raw'],
    expired: true,
  },
  {
    name: 'retention: a Kathmandu day past the quarter hours’ retention reads raw edges, and says so',
    bucket: ['2026-11-10T00:00:00+05:45', '2026-11-11T00:00:00+05:45'],
    heldSince: { raw: '2026-12-01T00:00:00Z', 900: '2026-12-01T00:00:00Z' },
    expected: [
      ['raw', '2026-11-09T18:15:00Z', '2026-11-09T19:00:00Z'],
      [3_600, '2026-11-09T19:00:00Z', '2026-11-10T18:00:00Z'],
      ['raw', '2026-11-10T18:00:00Z', '2026-11-10T18:15:00Z'],
    ],
    levels: [3_600, 'raw'],
    expired: true,
  },
  {
    name: 'retention: a #PT5M bucket older than the raw retention is expired',
    bucket: ['2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z'],
    heldSince: { raw: '2026-11-17T00:00:00Z' },
    expected: [['raw', '2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z']],
    levels: ['raw'],
    expired: true,
  },
  {
    name: 'retention: raw pieces within the raw retention are not expired',
    bucket: ['2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z'],
    heldSince: { raw: '2026-11-10T12:05:00Z' },
    expected: [['raw', '2026-11-10T12:05:00Z', '2026-11-10T12:10:00Z']],
    levels: ['raw'],
  },
];

describe('planBuckets: table', () => {
  it.each(cases)('$name', ({ bucket: [start, end], heldSince = {}, expected, levels, expired = false }) => {
    const held: HeldSince = (level) => {
      const since = heldSince[level];
      return since === undefined ? 0 : at(since);
    };
    const plan = planBuckets([range(start, end)], held);
    expect(plan.pieces).toEqual(pieces(expected));
    expect(plan.levels).toEqual(levels);
    expect(plan.expired).toBe(expired);
  });

  it('numbers each piece with its bucket, bucket by bucket', () => {
    const plan = planBuckets(
      [
        range('2026-11-10T00:00:00+05:45', '2026-11-11T00:00:00+05:45'),
        range('2026-11-11T00:00:00+05:45', '2026-11-12T00:00:00+05:45'),
      ],
      KEEP_ALL,
    );
    expect(plan.pieces.map((piece) => piece.bucket)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('plans nothing for no buckets', () => {
    expect(planBuckets([], KEEP_ALL)).toEqual({ pieces: [], levels: [], expired: false, readable: [] });
  });
});

/**
 * A value per second, t mod 1009 (a prime, so no grain is a multiple of its period), with a
 * closed-form prefix sum so that sums over months stay cheap.
 */
const PERIOD = 1_009;
const valueAt = (t: number): number => ((t % PERIOD) + PERIOD) % PERIOD;
/** Sum of valueAt over [0, t). */
function prefix(t: number): number {
  const whole = Math.floor(t / PERIOD);
  const rest = t - whole * PERIOD;
  return whole * ((PERIOD * (PERIOD - 1)) / 2) + (rest * (rest - 1)) / 2;
}
const sumOver = (start: number, end: number): number => prefix(end) - prefix(start);

/**
 * What reading a piece from a store gives: a rollup piece is read as the stored buckets of its
 * grain that hold each of its grain steps — the bucket floor(t / g) — so a misaligned piece would
 * read samples outside it; a raw piece is every second in it.
 */
function readPiece({ level, start, end }: Piece): number {
  if (level === 'raw') return sumOver(start, end);
  let total = 0;
  for (let t = start; t < end; t += level) {
    const stored = Math.floor(t / level) * level;
    total += sumOver(stored, stored + level);
  }
  return total;
}

const LENGTHS = fc.oneof(
  fc.integer({ min: 1, max: 3 * DAY }),
  fc.integer({ min: 1, max: 600 }).map((n) => n * 300),
  fc.integer({ min: 1, max: 200 }).map((n) => n * 900),
  fc.integer({ min: 1, max: 800 }).map((n) => n * 3_600),
  fc.integer({ min: 1, max: 40 }).map((n) => n * DAY),
  // Local days and months: whole days give or take a clock change.
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(-3_600, -1_800, 0, 1_800, 3_600))
    .map(([days, change]) => days * DAY + change),
);
/** 2020-01-01 to 2030-01-01, on a second, a quarter hour, or a local midnight off the UTC grid. */
const STARTS = fc.oneof(
  fc.integer({ min: 1_577_836_800, max: 1_893_456_000 }),
  fc.integer({ min: 1_753_280, max: 2_103_840 }).map((n) => n * 900),
  fc
    .tuple(
      fc.integer({ min: 18_262, max: 21_914 }),
      fc.constantFrom(-20_700, -19_800, -3_600, 3_600, 7_200, 14_400, 18_000, 34_200),
    )
    .map(([day, offset]) => day * DAY + offset),
);
const BUCKETS = fc.tuple(STARTS, fc.array(LENGTHS, { minLength: 1, maxLength: 6 })).map(([start, lengths]) => {
  let at = start;
  return lengths.map((length) => ({ start: at, end: (at += length) }));
});
/**
 * Retention as the config allows it (raw ≤ r900 ≤ r3600 ≤ r86400): the time each level is held
 * since, the finer the later, placed anywhere from before the buckets to after them.
 */
const HELD = fc
  .tuple(fc.array(fc.integer({ min: -90 * DAY, max: 150 * DAY }), { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([times, keepAll]) => {
    const [raw = 0, r900 = 0, r3600 = 0, r86400 = 0] = [...times].sort((a, b) => b - a);
    return { keepAll, since: { raw, 900: r900, 3_600: r3600, 86_400: r86400 } as Record<PieceLevel, number> };
  });

function heldSinceOf(origin: number, held: { keepAll: boolean; since: Record<PieceLevel, number> }): HeldSince {
  return (level) => (held.keepAll ? Number.NEGATIVE_INFINITY : origin + held.since[level]);
}

describe('planBuckets: what is read', () => {
  it('leaves out what has expired: a century of years past the raw retention reads nothing raw', () => {
    const century = Array.from({ length: 100 }, (_, index) => ({
      start: Date.UTC(1900 + index, 0, 1) / 1000,
      end: Date.UTC(1901 + index, 0, 1) / 1000,
    }));
    const heldSince: HeldSince = (level) =>
      level === 'raw' ? Date.UTC(2026, 10, 1) / 1000 : Date.UTC(2016, 0, 1) / 1000;
    const plan = planBuckets(century, heldSince);
    expect(plan.expired).toBe(true);
    expect(plan.readable).toEqual([]);
  });

  it('clips a raw piece to the part the raw level still holds', () => {
    const start = Date.UTC(2026, 10, 10, 12, 5) / 1000;
    const plan = planBuckets([{ start, end: start + 300 }], (level) =>
      level === 'raw' ? start + 120 : start + 10 * DAY,
    );
    expect(plan.readable).toEqual([{ bucket: 0, level: 'raw', start: start + 120, end: start + 300 }]);
  });
});

describe('planBuckets: properties', () => {
  test.prop([BUCKETS, HELD])(
    'the pieces of each bucket tile it in time order, with no gap or overlap',
    (buckets, held) => {
      const plan = planBuckets(buckets, heldSinceOf(buckets[0]?.start ?? 0, held));
      buckets.forEach((bucket, index) => {
        const own = plan.pieces.filter((piece) => piece.bucket === index);
        expect(own.length).toBeGreaterThan(0);
        expect(own[0]?.start).toBe(bucket.start);
        expect(own.at(-1)?.end).toBe(bucket.end);
        own.forEach((piece, at) => {
          expect(piece.start).toBeLessThan(piece.end);
          if (at > 0) expect(piece.start).toBe(own[at - 1]?.end);
        });
      });
      expect(plan.pieces.map((piece) => piece.bucket)).toEqual(
        [...plan.pieces.map((piece) => piece.bucket)].sort((a, b) => a - b),
      );
    },
  );

  test.prop([BUCKETS, HELD])('every rollup piece is aligned to its grain and within its retention', (buckets, held) => {
    const heldSince = heldSinceOf(buckets[0]?.start ?? 0, held);
    for (const piece of planBuckets(buckets, heldSince).pieces) {
      if (piece.level === 'raw') continue;
      expect(piece.start % piece.level).toBe(0);
      expect(piece.end % piece.level).toBe(0);
      expect(piece.start).toBeGreaterThanOrEqual(heldSince(piece.level));
    }
  });

  test.prop([BUCKETS, HELD])(
    'levels are those used, coarsest first; expired iff a raw piece is past retention',
    (buckets, held) => {
      const heldSince = heldSinceOf(buckets[0]?.start ?? 0, held);
      const plan = planBuckets(buckets, heldSince);
      const used = new Set(plan.pieces.map((piece) => piece.level));
      expect(plan.levels).toEqual(([86_400, 3_600, 900, 'raw'] as const).filter((level) => used.has(level)));
      expect(plan.expired).toBe(plan.pieces.some((piece) => piece.level === 'raw' && piece.start < heldSince('raw')));
    },
  );

  test.prop([BUCKETS, HELD])(
    'no piece holds a whole held bucket of a coarser level: the fewest pieces, coarsest first',
    (buckets, held) => {
      const heldSince = heldSinceOf(buckets[0]?.start ?? 0, held);
      for (const piece of planBuckets(buckets, heldSince).pieces) {
        for (const grain of [86_400, 3_600, 900] as const) {
          if (piece.level !== 'raw' && grain <= piece.level) continue;
          const first = Math.ceil(Math.max(piece.start, heldSince(grain)) / grain) * grain;
          expect(first + grain, `${piece.level} piece holds a held ${grain}`).toBeGreaterThan(piece.end);
        }
      }
    },
  );

  test.prop([BUCKETS])('with every level held, raw is read only where no quarter hour fits', (buckets) => {
    for (const piece of planBuckets(buckets, KEEP_ALL).pieces) {
      if (piece.level !== 'raw') continue;
      const inside = Math.ceil(piece.start / 900) * 900 + 900 <= piece.end;
      expect(inside).toBe(false);
    }
  });

  test.prop([fc.integer({ min: 1_577_836_800, max: 1_893_456_000 }), fc.integer({ min: 0, max: 5_000 })])(
    'the closed-form sum equals the second-by-second sum',
    (start, length) => {
      let total = 0;
      for (let t = start; t < start + length; t++) total += valueAt(t);
      expect(sumOver(start, start + length)).toBe(total);
    },
  );

  test.prop([BUCKETS, HELD])(
    'summing stored buckets over the pieces gives the sum over each bucket',
    (buckets, held) => {
      const plan = planBuckets(buckets, heldSinceOf(buckets[0]?.start ?? 0, held));
      const sums = buckets.map(() => 0);
      for (const piece of plan.pieces) sums[piece.bucket] = (sums[piece.bucket] ?? 0) + readPiece(piece);
      expect(sums).toEqual(buckets.map(({ start, end }) => sumOver(start, end)));
    },
  );
});
