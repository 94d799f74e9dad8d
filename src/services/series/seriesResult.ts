/** What a series query returns, whichever backends answered. */
import type { ResultSeries } from '../../backends/backend.js';
import type { QuerySummary } from '../../domain/seriesAggregation.js';
import type { Level } from '../../domain/seriesWindow.js';

export type { ResultSeries } from '../../backends/backend.js';

export type TagTuple = [string, string];

export interface SeriesQueryResult {
  metric: string;
  resolution: number;
  /** Which stored level was read: `raw`, or a rollup grain in seconds (raw when no backend keeps levels). */
  level: Level['name'];
  start: number;
  end: number;
  summaryFunction: QuerySummary;
  series: ResultSeries[];
}
