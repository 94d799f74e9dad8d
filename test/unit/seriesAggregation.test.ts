import { describe, expect, it } from 'vitest';
import { stateOfValue } from '../../src/domain/bucketState.js';
import { bucketize, combineSeries, summarizeBuckets } from '../../src/domain/seriesAggregation.js';

const points = (values: [number, number][]) => values.map(([time, value]) => ({ time, state: stateOfValue(value) }));

describe('bucketize', () => {
  it('floors times to the resolution and combines in time order', () => {
    const buckets = bucketize(
      points([
        [65, 3],
        [0, 1],
        [59, 2],
        [125, 4],
      ]),
      60,
    );
    expect(buckets.map(({ time, state }) => [time, state.count, state.sum, state.first, state.last])).toEqual([
      [0, 2, 3, 1, 2],
      [60, 1, 3, 3, 3],
      [120, 1, 4, 4, 4],
    ]);
  });
});

describe('summarizeBuckets', () => {
  const counter = bucketize(
    points([
      [0, 10],
      [60, 15],
      [120, 3],
      [180, 8],
    ]),
    60,
  );
  it('derivative is the change of last values', () => {
    expect(summarizeBuckets(counter, 'derivative').map((point) => point.value)).toEqual([5, -12, 5]);
  });
  it('derivative with detectReset reads a drop as a reset: the value is the new reading', () => {
    expect(summarizeBuckets(counter, 'derivative', true).map((point) => point.value)).toEqual([5, 3, 5]);
  });
  it('all leaves value null and keeps the state', () => {
    expect(summarizeBuckets(counter, 'all').every((point) => point.value === null && point.state !== null)).toBe(true);
  });
});

describe('combineSeries', () => {
  const a = [
    { time: 0, value: 1, state: null },
    { time: 60, value: 5, state: null },
  ];
  const b = [
    { time: 0, value: 3, state: null },
    { time: 120, value: 7, state: null },
  ];
  it.each([
    { fn: 'sum', expected: [4, 5, 7] },
    { fn: 'min', expected: [1, 5, 7] },
    { fn: 'max', expected: [3, 5, 7] },
    { fn: 'mean', expected: [2, 5, 7] },
  ] as const)('$fn combines bucket by bucket over the series that have a value there', ({ fn, expected }) => {
    expect(combineSeries([a, b], fn).map((point) => point.value)).toEqual(expected);
  });
});
