/**
 * Series of the native store (AppOptics reference, "Retrieve a Measurement"): which series of
 * the metric match, at which stored level and resolution to read them, and their points
 * summarized per bucket. The read level is chosen so a long window reads rollups, never raw
 * points (a year of daily buckets is 4 keys per series).
 */
import type { ResultSeries, SeriesRead } from '../backend.js';
import type { SummaryFunction } from '../../domain/bucketState.js';
import type { MetricRecord } from '../../domain/metricRecord.js';
import { bucketize, summarizeBuckets } from '../../domain/seriesAggregation.js';
import { chooseResolution, type Level, type ResolutionChoice, type Window } from '../../domain/seriesWindow.js';
import type { SeriesIndex } from './seriesIndex.js';
import type { SeriesStore, StorageLevel } from './seriesStore.js';

/** The reference's summarize_function attribute values, as summary functions. */
const ATTRIBUTE_SUMMARY: Record<string, SummaryFunction> = {
  average: 'mean',
  sum: 'sum',
  count: 'count',
  min: 'min',
  max: 'max',
};

/** The summary a native metric asks for by its attributes, if any. */
export function attributeSummary(metric: MetricRecord): SummaryFunction | null {
  return ATTRIBUTE_SUMMARY[String(metric.attributes.summarize_function)] ?? null;
}

export class NativeSeries {
  constructor(
    private readonly id: string,
    private readonly index: SeriesIndex,
    private readonly series: SeriesStore,
  ) {}

  /** The matching series, summarized per bucket. */
  async read(request: SeriesRead): Promise<ResultSeries[]> {
    const all = await this.index.list(request.tenant, request.metric);
    const selected = all.filter((entry) => {
      const tags = new Map(entry.tags);
      return request.matches(tags) && request.requiredTags.every((name) => tags.has(name));
    });
    const { window, resolution, summary, detectReset } = request;
    const level = request.level as StorageLevel;
    return Promise.all(
      selected.map(async (entry) => {
        const stored = await this.series.read(request.tenant, entry.id, level, window.start, window.end);
        return {
          backend: this.id,
          tags: [...entry.tags] as [string, string][],
          points: summarizeBuckets(bucketize(stored, resolution), summary, detectReset),
        };
      }),
    );
  }

  /**
   * The level and resolution for a window. Service-side aggregation (the reference's
   * `aggregate` attribute): a metric that asks for it is read at no finer than its period when
   * the query names no resolution, so every measurement of a period is combined into one point.
   * Points stay stored per second, which keeps ingest idempotent; the aggregation happens on read.
   */
  resolution(
    window: Window,
    asked: number | null | undefined,
    metric: MetricRecord,
    now: number,
    maxPoints: number,
  ): ResolutionChoice {
    const auto = chooseResolution(window, asked, this.levels(), now, maxPoints);
    const period = metric.attributes.aggregate === true ? metric.period : null;
    if (asked != null || !period || auto.resolution >= period) return auto;
    return chooseResolution(
      window,
      Math.ceil(period / auto.level.grain) * auto.level.grain,
      this.levels(),
      now,
      maxPoints,
    );
  }

  private levels(): Level[] {
    const { retention } = this.series;
    return [
      // Raw points have no grain of their own; one minute is the step agents usually report at.
      { name: 'raw', grain: 1, step: 60, retention: retention.raw },
      { name: 900, grain: 900, retention: retention.r900 },
      { name: 3_600, grain: 3_600, retention: retention.r3600 },
      { name: 86_400, grain: 86_400, retention: retention.r86400 },
    ];
  }
}
