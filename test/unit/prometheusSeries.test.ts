import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  bucketExpression,
  bucketOf,
  evaluationTime,
  MAX_POINTS_PER_SERIES,
  rangeChunks,
} from '../../src/backends/prometheus/prometheusSeries.js';

describe('bucket expressions', () => {
  test.each([
    ['mean', 'raw', 'avg_over_time(up[59999ms])'],
    ['sum', 'raw', 'sum_over_time(up[59999ms])'],
    ['count', 'raw', 'count_over_time(up[59999ms])'],
    ['last', 'raw', 'last_over_time(up[59999ms])'],
    ['mean', 'increase', 'increase(up[59999ms])'],
    ['mean', 'rate', 'rate(up[59999ms])'],
  ] as const)('%s (%s) over 60 s buckets is %s', (fn, counter, expected) => {
    expect(bucketExpression('up', 60, fn, counter)).toBe(expected);
  });

  test('FIRST, which Prometheus 2 has no function for, is refused with the ones that work', () => {
    expect(() => bucketExpression('up', 60, 'first', 'raw')).toThrow(/FIRST is not available.*MEAN, SUM/);
  });
});

describe('range chunks', () => {
  test('a bucket is evaluated 1 ms before it ends, so [b, b + resolution) is its window', () => {
    expect(evaluationTime(3_600, 60)).toBe(3_659.999);
    expect(bucketOf(3_659.999, 60)).toBe(3_600);
  });

  test('a year of minutes is split into chunks of at most 11,000 evaluations', () => {
    const chunks = rangeChunks(0, 365 * 86_400, 60);
    expect(chunks).toHaveLength(Math.ceil((365 * 1_440) / MAX_POINTS_PER_SERIES));
    expect(chunks[0]).toEqual({ start: 59.999, end: (MAX_POINTS_PER_SERIES - 1) * 60 + 59.999 });
  });

  prop.prop([
    fc.integer({ min: 1, max: 3_600 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 1, max: 40_000 }),
  ])(
    'chunks evaluate every bucket exactly once, in order, at most 11,000 per chunk',
    (resolution, firstBucket, buckets) => {
      const start = firstBucket * resolution;
      const end = start + buckets * resolution - Math.floor(resolution / 2);
      const evaluated = rangeChunks(start, end, resolution).flatMap((chunk) => {
        const count = Math.round((chunk.end - chunk.start) / resolution) + 1;
        expect(count).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
        return Array.from({ length: count }, (_, index) => bucketOf(chunk.start + index * resolution, resolution));
      });
      const expected = Array.from(
        { length: Math.ceil((end - start) / resolution) },
        (_, index) => start + index * resolution,
      );
      expect(evaluated).toEqual(expected);
    },
  );
});
