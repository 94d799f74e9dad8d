/**
 * From stored points to the series a query returns (AppOptics reference, "Retrieve a
 * Measurement"): points floored to the resolution and combined as bucket states, one number
 * per bucket by the summary function, and streams grouped by tag values with a group-by
 * function. Pure.
 *
 * The rule: a value is null only for a bucket with no samples; buckets are in time order.
 */
import { combine, EMPTY, summarize, type BucketState, type SummaryFunction } from './bucketState.js';

export interface TimedState {
  time: number;
  state: BucketState;
}

export interface ValuePoint {
  time: number;
  value: number | null;
  /** The bucket's samples; null where the point is a combination of several series. */
  state: BucketState | null;
}

export type QuerySummary = SummaryFunction | 'derivative' | 'all';
export type GroupByFunction = 'sum' | 'min' | 'max' | 'mean';

/** Combines points into buckets of `resolution` seconds starting at multiples of it. */
export function bucketize(points: readonly TimedState[], resolution: number): TimedState[] {
  const buckets = new Map<number, BucketState>();
  for (const { time, state } of points) {
    const bucket = Math.floor(time / resolution) * resolution;
    buckets.set(bucket, combine(buckets.get(bucket) ?? EMPTY, state));
  }
  return [...buckets].sort(([a], [b]) => a - b).map(([time, state]) => ({ time, state }));
}

/**
 * One value per bucket. `derivative` is the change of each bucket's last value from the
 * previous bucket's; with `detectReset` a drop is read as a counter reset, so the value is
 * the new reading itself. `all` leaves `value` null: every statistic is in the state.
 */
export function summarizeBuckets(buckets: readonly TimedState[], fn: QuerySummary, detectReset = false): ValuePoint[] {
  if (fn === 'all') return buckets.map(({ time, state }) => ({ time, value: null, state }));
  if (fn !== 'derivative') return buckets.map(({ time, state }) => ({ time, value: summarize(state, fn), state }));
  return buckets.slice(1).map(({ time, state }, index) => {
    const previous = (buckets[index] as TimedState).state.last;
    const change = state.last - previous;
    return { time, value: detectReset && change < 0 ? state.last : change, state };
  });
}

/** Combines the values of several series bucket by bucket. */
export function combineSeries(series: readonly (readonly ValuePoint[])[], fn: GroupByFunction): ValuePoint[] {
  const byTime = new Map<number, number[]>();
  for (const points of series) {
    for (const { time, value } of points) {
      if (value === null) continue;
      byTime.set(time, [...(byTime.get(time) ?? []), value]);
    }
  }
  return [...byTime]
    .sort(([a], [b]) => a - b)
    .map(([time, values]) => ({ time, value: reduce(values, fn), state: null }));
}

function reduce(values: readonly number[], fn: GroupByFunction): number {
  switch (fn) {
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'mean':
      return values.reduce((total, value) => total + value, 0) / values.length;
  }
}
