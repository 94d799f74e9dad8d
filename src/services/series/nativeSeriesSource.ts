/**
 * Series of one native backend (AppOptics reference, "Retrieve a Measurement"): which series
 * of the metric match, at which stored level and resolution to read them, and their points
 * summarized per bucket. The read level is chosen so a long window reads rollups, never raw
 * points (a year of daily buckets is 4 keys per series).
 */
import type { MetricRecord } from '../../backends/native/metricCatalog.js';
import type { NativeBackend } from '../../backends/native/nativeBackend.js';
import type { StorageLevel } from '../../backends/native/seriesStore.js';
import type { SummaryFunction } from '../../domain/bucketState.js';
import { bucketize, summarizeBuckets, type QuerySummary } from '../../domain/seriesAggregation.js';
import { chooseResolution, type Level, type ResolutionChoice, type Window } from '../../domain/seriesWindow.js';
import type { TagPredicate } from '../../domain/tags/tagFilter.js';
import type { ResultSeries } from './seriesResult.js';

/** The reference's summarize_function attribute values, as summary functions. */
const ATTRIBUTE_SUMMARY: Record<string, SummaryFunction> = {
  average: 'mean',
  sum: 'sum',
  count: 'count',
  min: 'min',
  max: 'max',
};

/** The summary a native metric asks for by its attributes, if any. */
export function attributeSummary(metric: MetricRecord): SummaryFunction | undefined {
  return ATTRIBUTE_SUMMARY[String(metric.attributes.summarize_function)];
}

export interface NativeRead {
  tenant: string;
  metric: MetricRecord;
  window: Window;
  resolution: number;
  level: StorageLevel;
  summary: QuerySummary;
  detectReset: boolean;
  matches: TagPredicate;
  /** Tag names every returned series must carry (the group-by tags). */
  requiredTags: readonly string[];
}

export class NativeSeriesSource {
  constructor(
    readonly backend: NativeBackend,
    private readonly maxPointsPerSeries: number,
  ) {}

  get id(): string {
    return this.backend.id;
  }

  /** The matching series, summarized per bucket. */
  async read(request: NativeRead): Promise<ResultSeries[]> {
    const all = await this.backend.index.list(request.tenant, request.metric.name);
    const selected = all.filter((entry) => {
      const tags = new Map(entry.tags);
      return request.matches(tags) && request.requiredTags.every((name) => tags.has(name));
    });
    const { window, resolution, level, summary, detectReset } = request;
    return Promise.all(
      selected.map(async (entry) => {
        const stored = await this.backend.series.read(request.tenant, entry.id, level, window.start, window.end);
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
  resolution(window: Window, asked: number | null | undefined, metric: MetricRecord, now: number): ResolutionChoice {
    const auto = chooseResolution(window, asked, this.levels(), now, this.maxPointsPerSeries);
    const period = metric.attributes.aggregate === true ? metric.period : null;
    if (asked != null || !period || auto.resolution >= period) return auto;
    return chooseResolution(
      window,
      Math.ceil(period / auto.level.grain) * auto.level.grain,
      this.levels(),
      now,
      this.maxPointsPerSeries,
    );
  }

  private levels(): Level[] {
    const { retention } = this.backend.series;
    return [
      // Raw points have no grain of their own; one minute is the step agents usually report at.
      { name: 'raw', grain: 1, step: 60, retention: retention.raw },
      { name: 900, grain: 900, retention: retention.r900 },
      { name: 3_600, grain: 3_600, retention: retention.r3600 },
      { name: 86_400, grain: 86_400, retention: retention.r86400 },
    ];
  }
}

/** A ResolutionChoice's level as the store names it. */
export function storageLevel(choice: ResolutionChoice): StorageLevel {
  return choice.level.name === 'raw' ? 'raw' : (choice.level.grain as 900 | 3_600 | 86_400);
}
