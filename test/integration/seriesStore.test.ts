/**
 * The native store's write path against a real Redis: raw points in chunks, rollups
 * recomputed from their children, idempotent re-sends, replaced and late points reflected at
 * every level, and rollups equal to a direct computation over the raw samples.
 */
import { randomUUID } from 'node:crypto';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineAll, stateOfValue, summarize, type BucketState } from '../../src/domain/bucketState.js';
import { SeriesStore, type StorageLevel } from '../../src/backends/native/seriesStore.js';
import type { SeriesPoint } from '../../src/backends/native/seriesWritePlan.js';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import { harnessRedis, keysMatching } from '../harness/redis.js';

const DAY = 86_400;
/** Midnight UTC five days ago: recent enough for every retention. */
const T0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 5 * DAY;
const RETENTION = { raw: 30 * DAY, r900: 90 * DAY, r3600: 400 * DAY, r86400: 3_650 * DAY };

let redis: RedisConnection;
let store: SeriesStore;
beforeAll(() => {
  redis = harnessRedis();
  store = new SeriesStore(redis, `test-${randomUUID().slice(0, 8)}`, RETENTION);
});
afterAll(() => redis.quit());

const samples = (values: [number, number][]): SeriesPoint[] =>
  values.map(([time, value]) => ({ time, state: stateOfValue(value) }));
const sums = (points: SeriesPoint[]): [number, number | null][] =>
  points.map((point) => [point.time, summarize(point.state, 'sum')]);

/** The expected buckets of a grain, computed directly from the samples (latest write per second wins). */
function expectedBuckets(values: [number, number][], grain: number): [number, BucketState][] {
  const latest = new Map(values);
  const buckets = new Map<number, [number, number][]>();
  for (const [time, value] of [...latest].sort(([a], [b]) => a - b)) {
    const bucket = Math.floor(time / grain) * grain;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), [time, value]]);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([bucket, points]) => [bucket, combineAll(points.map(([, value]) => stateOfValue(value)))]);
}

async function read(
  series: string,
  level: StorageLevel,
  start = T0 - 10 * DAY,
  end = T0 + 10 * DAY,
): Promise<SeriesPoint[]> {
  return store.read('acme', series, level, start, end);
}

describe('the native series store', () => {
  it('keeps raw points and the 15-minute, hourly and daily rollups of one-minute data', async () => {
    const values: [number, number][] = Array.from({ length: 24 * 60 }, (_, minute) => [T0 + minute * 60, minute % 7]);
    await store.write('acme', 'minutes', samples(values));
    expect(await read('minutes', 'raw')).toHaveLength(1_440);
    for (const grain of [900, 3_600, 86_400] as const) {
      const stored = await read('minutes', grain);
      expect(stored.map((point) => [point.time, point.state])).toEqual(expectedBuckets(values, grain));
    }
  });

  it('re-sending a batch changes nothing', async () => {
    const values: [number, number][] = [
      [T0 + 30, 1],
      [T0 + 90, 2],
      [T0 + 3_700, 3],
    ];
    await store.write('acme', 'twice', samples(values));
    const before = await Promise.all((['raw', 900, 3_600, 86_400] as const).map((level) => read('twice', level)));
    await store.write('acme', 'twice', samples(values));
    const after = await Promise.all((['raw', 900, 3_600, 86_400] as const).map((level) => read('twice', level)));
    expect(after).toEqual(before);
  });

  it('a point at an existing second replaces the old one at every level', async () => {
    await store.write(
      'acme',
      'replaced',
      samples([
        [T0 + 60, 10],
        [T0 + 120, 20],
      ]),
    );
    await store.write('acme', 'replaced', samples([[T0 + 60, 15]]));
    expect(sums(await read('replaced', 'raw'))).toEqual([
      [T0 + 60, 15],
      [T0 + 120, 20],
    ]);
    expect(sums(await read('replaced', 86_400))).toEqual([[T0, 35]]);
  });

  it('a late point changes the daily value', async () => {
    await store.write('acme', 'late', samples([[T0 + 10 * 3_600, 5]]));
    expect(sums(await read('late', 86_400))).toEqual([[T0, 5]]);
    await store.write('acme', 'late', samples([[T0 + 60, 7]]));
    const [day] = await read('late', 86_400);
    expect(day?.state).toMatchObject({ count: 2, sum: 12, first: 7, last: 5, min: 5, max: 7 });
  });

  it('keys expire after their level retention', async () => {
    await store.write('acme', 'expiring', samples([[T0, 1]]));
    const prefixKeys = await keysMatching(redis, '*{s:acme:expiring}:*');
    expect(prefixKeys.length).toBe(4);
    for (const key of prefixKeys) expect(await redis.ttl(key)).toBeGreaterThan(0);
  });

  it('deleting a series removes its keys at every level, old and new', async () => {
    await store.write(
      'acme',
      'doomed',
      samples([
        [T0 - 20 * DAY, 1],
        [T0, 2],
        [T0 + 5 * DAY - 60, 3],
      ]),
    );
    expect((await keysMatching(redis, '*{s:acme:doomed}:*')).length).toBeGreaterThan(4);
    await store.deleteSeries('acme', 'doomed');
    expect(await keysMatching(redis, '*{s:acme:doomed}:*')).toEqual([]);
  });

  it('rollups always equal a direct computation over random writes, in any order and with re-sends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * DAY - 1 }), fc.integer({ min: -1_000, max: 1_000 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 4 }),
        async (writes, batches) => {
          const series = `prop-${randomUUID().slice(0, 8)}`;
          const values: [number, number][] = writes.map(([offset, value]) => [T0 + offset, value]);
          const size = Math.ceil(values.length / batches);
          for (let from = 0; from < values.length; from += size)
            await store.write('acme', series, samples(dedupe(values.slice(from, from + size))));
          for (const grain of [900, 3_600, 86_400] as const) {
            const stored = await read(series, grain, T0, T0 + 3 * DAY);
            expect(stored.map((point) => [point.time, point.state])).toEqual(expectedBuckets(values, grain));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("in 'add' mode combines points of the same second at every level, instead of replacing them", async () => {
    const at = T0 + 3_600 + 17;
    await store.write('acme', 'adds', samples([[at, 5]]), 'add');
    await store.write(
      'acme',
      'adds',
      samples([
        [at, 7],
        [at, 1],
      ]),
      'add',
    );
    const expected = { count: 3, sum: 13, min: 1, max: 7 };
    expect((await read('adds', 'raw'))[0]?.state).toMatchObject(expected);
    for (const grain of [900, 3_600, 86_400] as const) {
      expect((await read('adds', grain))[0]?.state, `grain ${grain}`).toMatchObject(expected);
    }
  });

  it('reads calendar buckets from rollup pieces, each bucket the combination of its pieces', async () => {
    // One value per minute for two days; buckets of 24 h starting 05:45 UTC (Kathmandu midnight
    // is 18:15 UTC; any quarter-hour boundary works): days in the middle, hours and quarters at the edges.
    const values: [number, number][] = Array.from({ length: 2 * 24 * 60 }, (_, minute) => [
      T0 + minute * 60,
      1 + (minute % 5),
    ]);
    await store.write('acme', 'pieces', samples(values));
    const start = T0 + 5 * 3_600 + 45 * 60;
    const buckets = [
      { start, end: start + DAY },
      { start: start + DAY, end: start + DAY + 6 * 3_600 },
    ];
    const pieces = [
      { bucket: 0, level: 900 as const, start, end: start + 15 * 60 },
      { bucket: 0, level: 3_600 as const, start: start + 15 * 60, end: T0 + DAY },
      { bucket: 0, level: 3_600 as const, start: T0 + DAY, end: start + DAY - 45 * 60 },
      { bucket: 0, level: 900 as const, start: start + DAY - 45 * 60, end: start + DAY },
      { bucket: 1, level: 'raw' as const, start: start + DAY, end: start + DAY + 6 * 3_600 },
    ];
    const states = await store.readBuckets('acme', 'pieces', pieces, 2);
    const direct = buckets.map(({ start: from, end: to }) =>
      combineAll(values.filter(([time]) => time >= from && time < to).map(([, value]) => stateOfValue(value))),
    );
    expect(states).toEqual(direct);
  });
});

/** Within one batch, the last write of a second wins (as the ingest service does). */
function dedupe(values: [number, number][]): [number, number][] {
  return [...new Map(values)];
}
