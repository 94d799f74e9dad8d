/**
 * Series queries on a Prometheus-API backend, with the native store's meaning: a point at time
 * b summarizes the samples in [b, b + resolution). Prometheus evaluates a range selector
 * `x[d]` at time t over [t - d, t] (both ends, in 2.x), so each bucket is evaluated at
 * t = b + resolution - 1 ms over `[resolution - 1ms]`: exactly the samples of [b, b + resolution)
 * at Prometheus's millisecond precision, none counted twice.
 *
 * Long ranges are split so no request asks for more than 11,000 points per series (Prometheus
 * refuses more), and the pieces are joined by series.
 *
 * The rule: every user value in the query text goes through promql.ts; this module only picks
 * functions and times.
 */
import type { SummaryFunction } from '../../domain/bucketState.js';
import { UserInputError } from '../../errors.js';
import type { CounterMode } from '../backend.js';

/** Prometheus refuses range queries of more points per series than this. */
export const MAX_POINTS_PER_SERIES = 11_000;

export interface RangeChunk {
  /** First evaluation time, Unix seconds (with a millisecond fraction). */
  start: number;
  /** Last evaluation time. */
  end: number;
}

/** The *_over_time function of each summary function Prometheus 2.x offers. */
const OVER_TIME: Partial<Record<SummaryFunction, string>> = {
  mean: 'avg_over_time',
  sum: 'sum_over_time',
  min: 'min_over_time',
  max: 'max_over_time',
  count: 'count_over_time',
  last: 'last_over_time',
  stddev: 'stddev_over_time',
};

/**
 * The PromQL of one bucket's value: the summary over the bucket's window, or for a counter its
 * increase or rate. `series` is a selector from promql.ts.
 */
export function bucketExpression(
  series: string,
  resolution: number,
  fn: SummaryFunction,
  counter: CounterMode,
): string {
  const window = `[${resolution * 1_000 - 1}ms]`;
  if (counter === 'increase') return `increase(${series}${window})`;
  if (counter === 'rate') return `rate(${series}${window})`;
  const over = OVER_TIME[fn];
  if (!over) {
    throw new UserInputError(
      `summaryFunction ${fn.toUpperCase()} is not available on Prometheus backends: use one of ${Object.keys(OVER_TIME)
        .map((name) => name.toUpperCase())
        .join(', ')}`,
      { field: 'summaryFunction' },
    );
  }
  return `${over}(${series}${window})`;
}

/**
 * The evaluation ranges for buckets [start, end) of `resolution` seconds (start a multiple of
 * it): each at most MAX_POINTS_PER_SERIES evaluations; a bucket b is evaluated at
 * b + resolution - 0.001.
 */
export function rangeChunks(start: number, end: number, resolution: number): RangeChunk[] {
  if (start % resolution !== 0) throw new Error(`start ${start} is not a multiple of ${resolution}`);
  const buckets = Math.ceil((end - start) / resolution);
  const chunks: RangeChunk[] = [];
  for (let first = 0; first < buckets; first += MAX_POINTS_PER_SERIES) {
    const last = Math.min(buckets, first + MAX_POINTS_PER_SERIES) - 1;
    chunks.push({
      start: evaluationTime(start + first * resolution, resolution),
      end: evaluationTime(start + last * resolution, resolution),
    });
  }
  return chunks;
}

/** When bucket `b` is evaluated. */
export function evaluationTime(bucket: number, resolution: number): number {
  return (bucket * 1_000 + resolution * 1_000 - 1) / 1_000;
}

/** The bucket an evaluation time belongs to. */
export function bucketOf(evaluatedAt: number, resolution: number): number {
  return Math.round((evaluatedAt * 1_000 + 1) / 1_000) - resolution;
}
