import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { combine, combineAll, EMPTY, stateOfValue, summarize, type BucketState } from '../../src/domain/bucketState.js';

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
const closeTo = (a: number | null, b: number): void => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
};

describe('summarize', () => {
  const state = combineAll([2, 4, 4, 4, 5, 5, 7, 9].map(stateOfValue));
  it.each([
    { fn: 'sum', expected: 40 },
    { fn: 'count', expected: 8 },
    { fn: 'mean', expected: 5 },
    { fn: 'min', expected: 2 },
    { fn: 'max', expected: 9 },
    { fn: 'first', expected: 2 },
    { fn: 'last', expected: 9 },
    { fn: 'stddev', expected: 2 },
  ] as const)('$fn of 2,4,4,4,5,5,7,9 is $expected', ({ fn, expected }) => expect(summarize(state, fn)).toBe(expected));

  it('an empty bucket has no value', () => expect(summarize(EMPTY, 'sum')).toBeNull());
  it('the stddev of constant samples is 0, never NaN', () =>
    expect(summarize(combineAll([0.1, 0.1, 0.1].map(stateOfValue)), 'stddev')).toBe(0));
});

describe('combine', () => {
  test.prop([values, fc.nat()])(
    'splitting samples anywhere and combining the parts gives the same state',
    (samples, at) => {
      const cut = at % (samples.length + 1);
      const whole = combineAll(samples.map(stateOfValue));
      const parts = combine(
        combineAll(samples.slice(0, cut).map(stateOfValue)),
        combineAll(samples.slice(cut).map(stateOfValue)),
      );
      expect(parts.count).toBe(whole.count);
      expect(parts.min).toBe(whole.min);
      expect(parts.max).toBe(whole.max);
      expect(parts.first).toBe(whole.first);
      expect(parts.last).toBe(whole.last);
      closeTo(parts.sum, whole.sum);
    },
  );

  test.prop([values, values, values])('is associative', (a, b, c) => {
    const [x, y, z] = [a, b, c].map((samples) => combineAll(samples.map(stateOfValue))) as [
      BucketState,
      BucketState,
      BucketState,
    ];
    const left = combine(combine(x, y), z);
    const right = combine(x, combine(y, z));
    expect({ ...left, sum: 0, sumsq: 0 }).toEqual({ ...right, sum: 0, sumsq: 0 });
    closeTo(left.sum, right.sum);
  });

  test.prop([values])('EMPTY is the identity on both sides', (samples) => {
    const state = combineAll(samples.map(stateOfValue));
    expect(combine(EMPTY, state)).toEqual(state);
    expect(combine(state, EMPTY)).toEqual(state);
  });

  test.prop([values])('mean and stddev match a direct computation over the samples', (samples) => {
    const state = combineAll(samples.map(stateOfValue));
    const mean = samples.reduce((total, value) => total + value, 0) / samples.length;
    const variance = samples.reduce((total, value) => total + (value - mean) ** 2, 0) / samples.length;
    closeTo(summarize(state, 'mean'), mean);
    // A state keeps the sum of squares (as the reference's `sum_squares`), so its variance is
    // E[x²] − E[x]²: exact to a few ulps of E[x²], not of the variance (values near 1e6 that
    // differ by 0.2 keep only about three digits of it).
    const meanSquare = samples.reduce((total, value) => total + value * value, 0) / samples.length;
    const stddev = summarize(state, 'stddev') as number;
    expect(Math.abs(stddev ** 2 - variance)).toBeLessThanOrEqual(
      1e-6 * Math.max(1, variance) + 64 * Number.EPSILON * meanSquare,
    );
  });
});
