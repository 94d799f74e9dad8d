/**
 * The sample of a measurement: a single `value`, or the summary fields of samples aggregated
 * before submission (count, sum, min, max, last, stddev — reference, "Summary fields"), turned
 * into the bucket-state fields Almanac aggregates with.
 *
 * The rule: never invent a figure. What the sender did not give and cannot be derived stays
 * null — a summary's unknown min is NOT sum/count — because a made-up min or max would be
 * combined into every rollup and calendar bucket above it and could never be told apart.
 * Only sumsq is derived, exactly, from count, sum and a population stddev.
 */
import type { SampleState } from './measurement.js';
import { type Problem, fail, isAbsent, readFloat, readInteger, readOptionalFloat } from './fieldReaders.js';

export const SUMMARY_FIELDS = ['count', 'sum', 'min', 'max', 'last', 'stddev'] as const;

/**
 * Sum of squares of `count` samples from their sum and population stddev σ:
 * σ² = sumsq/n − (sum/n)², so sumsq = n·σ² + sum²/n.
 */
export function sumOfSquares(count: number, sum: number, stddev: number): number {
  return count * stddev * stddev + (sum * sum) / count;
}

export function sampleStateOfValue(value: number): SampleState {
  return { count: 1, sum: value, min: value, max: value, last: value, stddev: 0, sumsq: value * value };
}

/** The sample of one measurement (`raw` is its object); undefined with problems recorded. */
export function readSampleState(
  raw: Record<string, unknown>,
  prefix: string,
  problems: Problem[],
): SampleState | undefined {
  const summary = SUMMARY_FIELDS.filter((field) => !isAbsent(raw[field]));
  if (!isAbsent(raw.value)) {
    if (summary.length > 0) {
      return fail(
        problems,
        `${prefix}value`,
        `cannot be sent with ${summary.join(', ')}: send value alone, or count and sum`,
      );
    }
    const value = readFloat(raw.value, `${prefix}value`, problems);
    return value === undefined ? undefined : sampleStateOfValue(value);
  }
  if (summary.length === 0) return fail(problems, `${prefix}value`, 'is required: send value, or count and sum');
  if (isAbsent(raw.count)) return fail(problems, `${prefix}count`, `is required with ${summary.join(', ')}`);
  if (isAbsent(raw.sum)) return fail(problems, `${prefix}sum`, 'is required when count is set');
  return readSummary(raw, prefix, problems);
}

function readSummary(raw: Record<string, unknown>, prefix: string, problems: Problem[]): SampleState | undefined {
  const before = problems.length;
  const count = readInteger(raw.count, `${prefix}count`, problems, 1);
  const sum = readFloat(raw.sum, `${prefix}sum`, problems);
  const min = readOptionalFloat(raw.min, `${prefix}min`, problems);
  const max = readOptionalFloat(raw.max, `${prefix}max`, problems);
  const last = readOptionalFloat(raw.last, `${prefix}last`, problems);
  const stddev = readOptionalFloat(raw.stddev, `${prefix}stddev`, problems);
  if (stddev !== null && stddev < 0) fail(problems, `${prefix}stddev`, `must not be negative, got ${stddev}`);
  if (min !== null && max !== null && min > max) fail(problems, `${prefix}min`, `is ${min}, above max ${max}`);
  if (count === undefined || sum === undefined || problems.length > before) return undefined;
  const sumsq = stddev === null ? null : sumOfSquares(count, sum, stddev);
  return { count, sum, min, max, last, stddev, sumsq };
}
