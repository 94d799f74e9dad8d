/**
 * A measurement as Almanac keeps it once a batch has been validated (measurementBatch.ts):
 * one sample (or pre-aggregated summary) of one series, fully typed and normalized — metric
 * name and tags lower-cased, tags sorted, time in whole epoch seconds — plus the metric
 * properties it carried, which are used only if this measurement creates its metric.
 *
 * The rule: a series is identified by its metric name and `seriesKeyOf(tags)`, nothing else.
 * `seriesKeyOf` must stay injective (two different tag sets never share a key) and blind to
 * the order the tags came in; the native store's series identity depends on it.
 */

/** One tag: [name, value], both lower-cased once validated. */
export type TagPair = readonly [name: string, value: string];

/**
 * The bucket-state fields of one submitted sample (see domain/bucketState.ts), with null
 * wherever the sender did not say and it cannot be derived: a summary without `min` has an
 * unknown minimum, NOT sum/count. `first` is not here: the reference has no such field; for a
 * single value it is the value, for a summary it is unknown.
 */
export interface SampleState {
  /** Samples summarized: 1 for a single value. */
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  last: number | null;
  /** Population standard deviation as sent; 0 for a single value. */
  stddev: number | null;
  /** Sum of squares, derived from count, sum and stddev (`sumOfSquares`); null without stddev. */
  sumsq: number | null;
}

export const METRIC_ATTRIBUTE_NAMES = [
  'color',
  'display_max',
  'display_min',
  'display_units_long',
  'display_units_short',
  'display_stacked',
  'summarize_function',
  'aggregate',
  'created_by_ua',
] as const;
export type MetricAttributeName = (typeof METRIC_ATTRIBUTE_NAMES)[number];

export const SUMMARIZE_FUNCTIONS = ['average', 'sum', 'count', 'min', 'max'] as const;
export type SummarizeFunction = (typeof SUMMARIZE_FUNCTIONS)[number];

/** The reference's metric attributes ("Metric Attributes"), each with its own type. */
export interface MetricAttributes {
  /** Seven characters: `#` and six hex digits. */
  color?: string;
  display_max?: number;
  display_min?: number;
  display_units_long?: string;
  display_units_short?: string;
  display_stacked?: boolean;
  summarize_function?: SummarizeFunction;
  aggregate?: boolean;
  created_by_ua?: string;
}

/**
 * Metric properties sent with a measurement: a key is present only when it was sent. The
 * metric's period is `Measurement.period` (a per-sample parameter in the reference), so a
 * metric created by a measurement gets `{ ...properties, period }`.
 */
export interface SentMetricProperties {
  /** Measurements create gauges only; composites are defined through the metrics API. */
  type?: 'gauge';
  displayName?: string;
  description?: string;
  attributes?: MetricAttributes;
}

export interface Measurement {
  /** Metric name, lower-cased: the metric namespace is case-insensitive. */
  name: string;
  /** Sorted by name; names unique; names and values lower-cased. At least one, at most 50. */
  tags: readonly TagPair[];
  /** Whole epoch seconds. */
  time: number;
  /** Reporting period in seconds, when sent (here or at the top level). */
  period: number | null;
  state: SampleState;
  properties: SentMetricProperties;
}

export interface BatchError {
  /** Where: `measurements[3].tags.host`, `measurements[0].sum`, ... */
  param: string;
  /** What was wrong, in words a sender can act on. */
  reason: string;
  /** The measurement's position in the batch. */
  index?: number;
}

export interface BatchValidation {
  accepted: Measurement[];
  errors: BatchError[];
  /** `total === accepted + failed + filtered`. */
  summary: { total: number; accepted: number; failed: number; filtered: number };
}

/** The canonical identity of a tag set: the same for any order of the same pairs. */
export function seriesKeyOf(tags: readonly TagPair[]): string {
  // JSON keeps the key injective for any strings, even ones validation would refuse.
  return JSON.stringify([...tags].sort(comparePairs));
}

export function comparePairs(a: TagPair, b: TagPair): number {
  // Code-unit order, never localeCompare: the key must not depend on the host's locale.
  return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]);
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * A measurement back in the payload shape `validateBatch` reads: validating it again (with
 * the same context) gives the same measurement. Summary fields always, never `value`: a
 * single value's state is the summary {count 1, sum = min = max = last = value, stddev 0}.
 */
export function payloadOf(measurement: Measurement): Record<string, unknown> {
  const { state, properties } = measurement;
  const payload: Record<string, unknown> = {
    name: measurement.name,
    time: measurement.time,
    tags: Object.fromEntries(measurement.tags),
    period: measurement.period,
    count: state.count,
    sum: state.sum,
    min: state.min,
    max: state.max,
    last: state.last,
    stddev: state.stddev,
    type: properties.type,
    display_name: properties.displayName,
    description: properties.description,
    attributes: properties.attributes,
  };
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== null && value !== undefined));
}
