/**
 * Bucket states: the one arithmetic of every aggregation in Almanac (DESIGN.md). A state
 * summarizes the samples of a time bucket — count, sum, min, max, first, last and the sum of
 * squares — and states combine associatively, so raw points, rollups, calendar buckets and
 * group-by all use the same code, whatever the backend.
 *
 * The rule: `combine` must stay associative and treat EMPTY as its identity; first/last are
 * ordered by the time of the bucket each state covers, so combine states in time order.
 */
export interface BucketState {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** The earliest sample's value. */
  first: number;
  /** The latest sample's value. */
  last: number;
  /** Sum of squares, for stddev. */
  sumsq: number;
}

export const EMPTY: Readonly<BucketState> = Object.freeze({
  count: 0,
  sum: 0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
  first: Number.NaN,
  last: Number.NaN,
  sumsq: 0,
});

export function stateOfValue(value: number): BucketState {
  return { count: 1, sum: value, min: value, max: value, first: value, last: value, sumsq: value * value };
}

/** Combines `earlier` and `later` (in time order). */
export function combine(earlier: BucketState, later: BucketState): BucketState {
  if (earlier.count === 0) return later;
  if (later.count === 0) return earlier;
  return {
    count: earlier.count + later.count,
    sum: earlier.sum + later.sum,
    min: Math.min(earlier.min, later.min),
    max: Math.max(earlier.max, later.max),
    first: earlier.first,
    last: later.last,
    sumsq: earlier.sumsq + later.sumsq,
  };
}

export function combineAll(states: Iterable<BucketState>): BucketState {
  let result: BucketState = EMPTY;
  for (const state of states) result = combine(result, state);
  return result;
}

/**
 * One series' state of a bucket, with where its first and last values were found: the time of
 * the sample, or the start of the coarsest piece (a rollup bucket, a step window) that holds them.
 */
export interface LocatedState {
  state: BucketState;
  firstAt: number;
  lastAt: number;
}

export const NOT_LOCATED: Readonly<LocatedState> = Object.freeze({
  state: EMPTY,
  firstAt: Number.POSITIVE_INFINITY,
  lastAt: Number.NEGATIVE_INFINITY,
});

/** Adds a later piece of one series to its located state (pieces in time order). */
export function locate(current: LocatedState, state: BucketState, at: number): LocatedState {
  if (state.count === 0) return current;
  return {
    state: combine(current.state, state),
    firstAt: Math.min(current.firstAt, at),
    lastAt: Math.max(current.lastAt, at),
  };
}

/**
 * One bucket's states of several series as one: counts, sums and extremes combine in any order,
 * but the first value is the series' whose first value was found earliest and the last the one
 * found latest — whatever order the series come in; ties go to the earlier series for the first
 * and the later for the last, as `combine` does.
 */
export function combineSeries(located: Iterable<LocatedState | undefined>): BucketState {
  let total: BucketState = EMPTY;
  let first = { at: Number.POSITIVE_INFINITY, value: Number.NaN };
  let last = { at: Number.NEGATIVE_INFINITY, value: Number.NaN };
  for (const entry of located) {
    if (!entry || entry.state.count === 0) continue;
    total = combine(total, entry.state);
    if (entry.firstAt < first.at) first = { at: entry.firstAt, value: entry.state.first };
    if (entry.lastAt >= last.at) last = { at: entry.lastAt, value: entry.state.last };
  }
  return total.count === 0 ? EMPTY : { ...total, first: first.value, last: last.value };
}

/** The reference's summary functions, and the observed functions of calendars. */
export type SummaryFunction = 'sum' | 'min' | 'max' | 'count' | 'mean' | 'first' | 'last' | 'stddev';

/** One number from a state; null for an empty bucket. */
export function summarize(state: BucketState, fn: SummaryFunction): number | null {
  if (state.count === 0) return null;
  switch (fn) {
    case 'sum':
      return state.sum;
    case 'min':
      return state.min;
    case 'max':
      return state.max;
    case 'count':
      return state.count;
    case 'mean':
      return state.sum / state.count;
    case 'first':
      return state.first;
    case 'last':
      return state.last;
    case 'stddev':
      return populationStddev(state);
  }
}

function populationStddev({ count, sum, sumsq }: BucketState): number {
  const mean = sum / count;
  // Rounding can make the variance a hair below zero for constant samples.
  return Math.sqrt(Math.max(0, sumsq / count - mean * mean));
}
