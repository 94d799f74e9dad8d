/** What a series query returns, whichever backends answered. */
import type { StorageLevel } from '../../backends/native/seriesStore.js';
import type { QuerySummary, ValuePoint } from '../../domain/seriesAggregation.js';

export type TagTuple = [string, string];

export interface ResultSeries {
  /** The id of the backend the series comes from. */
  backend: string;
  /** Sorted by name; for a group, the group's tags (none for `*`). */
  tags: [string, string][];
  points: ValuePoint[];
}

export interface SeriesQueryResult {
  metric: string;
  resolution: number;
  /** Which stored level was read: `raw`, or a rollup grain in seconds (raw for Prometheus). */
  level: StorageLevel;
  start: number;
  end: number;
  summaryFunction: QuerySummary;
  series: ResultSeries[];
}
