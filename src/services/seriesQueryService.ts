/**
 * Series queries on the native store (AppOptics reference, "Retrieve a Measurement"): which
 * series match the tag filter or tags_search, at which stored level and resolution to read
 * them, and how to summarize and group them. The read level is chosen so a long window reads
 * rollups, never raw points (a year of daily buckets is 4 keys per series).
 */
import type { MetricRecord } from '../backends/native/metricCatalog.js';
import type { NativeBackend } from '../backends/native/nativeBackend.js';
import type { IndexedSeries } from '../backends/native/seriesIndex.js';
import type { StorageLevel } from '../backends/native/seriesStore.js';
import type { Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import type { SummaryFunction } from '../domain/bucketState.js';
import {
  bucketize,
  combineSeries,
  summarizeBuckets,
  type GroupByFunction,
  type QuerySummary,
  type ValuePoint,
} from '../domain/seriesAggregation.js';
import {
  chooseResolution,
  resolveWindow,
  type Level,
  type ResolutionChoice,
  type Window,
  type WindowInput,
} from '../domain/seriesWindow.js';
import { compileTagFilter, type TagPair, type TagPredicate } from '../domain/tags/tagFilter.js';
import { compileTagsSearch } from '../domain/tags/tagsSearch.js';
import { NotFoundError, UserInputError } from '../errors.js';

export interface SeriesQuery extends WindowInput {
  metric: string;
  resolution?: number | null;
  tags?: readonly TagPair[] | null;
  tagsSearch?: string | null;
  groupBy?: readonly string[] | null;
  groupByFunction?: GroupByFunction | null;
  summaryFunction?: QuerySummary | null;
  detectReset?: boolean | null;
}

export type TagTuple = [string, string];

export interface ResultSeries {
  /** Sorted by name; for a group, the group's tags (none for `*`). */
  tags: [string, string][];
  points: ValuePoint[];
}

export interface SeriesQueryResult {
  metric: string;
  resolution: number;
  /** Which stored level was read: `raw`, or a rollup grain in seconds. */
  level: StorageLevel;
  start: number;
  end: number;
  summaryFunction: QuerySummary;
  series: ResultSeries[];
}

type QueryLimits = Pick<LimitsConfig, 'maxSeriesPerQuery' | 'maxPointsPerQuery' | 'maxPointsPerSeries'>;

/** The reference's summarize_function attribute values, as summary functions. */
const ATTRIBUTE_SUMMARY: Record<string, SummaryFunction> = {
  average: 'mean',
  sum: 'sum',
  count: 'count',
  min: 'min',
  max: 'max',
};

export class SeriesQueryService {
  constructor(
    private readonly native: NativeBackend,
    private readonly clock: Clock,
    private readonly limits: QueryLimits,
  ) {}

  async query(tenant: string, query: SeriesQuery): Promise<SeriesQueryResult> {
    const metric = await this.native.metrics.get(tenant, query.metric);
    if (!metric) throw new NotFoundError(`no metric "${query.metric}" in this tenant`, { metric: query.metric });
    checkGrouping(query);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const window = resolveWindow(query, now);
    const { level, resolution } = this.resolution(window, query.resolution, metric, now);
    const series = this.selectSeries(await this.native.index.list(tenant, metric.name), query);
    const expected = series.length * Math.ceil((window.end - window.start) / resolution);
    if (expected > this.limits.maxPointsPerQuery) {
      throw new UserInputError(
        `the query would return up to ${expected} points (limit ${this.limits.maxPointsPerQuery}): choose a coarser resolution, a shorter window, or filter or group the series`,
        { limit: 'maxPointsPerQuery', max: this.limits.maxPointsPerQuery },
      );
    }
    const summary = query.summaryFunction ?? ATTRIBUTE_SUMMARY[String(metric.attributes.summarize_function)] ?? 'mean';
    const storage: StorageLevel = level.name === 'raw' ? 'raw' : (level.grain as 900 | 3_600 | 86_400);
    const summarized = await Promise.all(
      series.map(async (entry) => {
        const stored = await this.native.series.read(tenant, entry.id, storage, window.start, window.end);
        return {
          tags: [...entry.tags] as [string, string][],
          points: summarizeBuckets(bucketize(stored, resolution), summary, query.detectReset ?? false),
        };
      }),
    );
    const result = query.groupBy?.length
      ? group(summarized, query.groupBy, query.groupByFunction ?? 'sum')
      : summarized;
    return {
      metric: metric.name,
      resolution,
      level: storage,
      start: window.start,
      end: window.end,
      summaryFunction: summary,
      series: sortByTags(result),
    };
  }

  /**
   * Service-side aggregation (the reference's `aggregate` attribute): a metric that asks for
   * it is read at no finer than its period when the query names no resolution, so every
   * measurement of a period is combined into one point. Points stay stored per second, which
   * keeps ingest idempotent; the aggregation happens on read.
   */
  private resolution(
    window: Window,
    asked: number | null | undefined,
    metric: MetricRecord,
    now: number,
  ): ResolutionChoice {
    const auto = chooseResolution(window, asked, this.levels(), now, this.limits.maxPointsPerSeries);
    const period = metric.attributes.aggregate === true ? metric.period : null;
    if (asked != null || !period || auto.resolution >= period) return auto;
    return chooseResolution(
      window,
      Math.ceil(period / auto.level.grain) * auto.level.grain,
      this.levels(),
      now,
      this.limits.maxPointsPerSeries,
    );
  }

  private levels(): Level[] {
    const { retention } = this.native.series;
    return [
      // Raw points have no grain of their own; one minute is the step agents usually report at.
      { name: 'raw', grain: 1, step: 60, retention: retention.raw },
      { name: 900, grain: 900, retention: retention.r900 },
      { name: 3_600, grain: 3_600, retention: retention.r3600 },
      { name: 86_400, grain: 86_400, retention: retention.r86400 },
    ];
  }

  private selectSeries(all: IndexedSeries[], query: SeriesQuery): IndexedSeries[] {
    const matches = predicateOf(query);
    const groupTags = query.groupBy?.filter((name) => name !== '*') ?? [];
    const selected = all.filter((entry) => {
      const tags = new Map(entry.tags);
      return matches(tags) && groupTags.every((name) => tags.has(name.toLowerCase()));
    });
    if (selected.length > this.limits.maxSeriesPerQuery) {
      throw new UserInputError(
        `${selected.length} series match (limit ${this.limits.maxSeriesPerQuery}): narrow the query with tags or tagsSearch, or group the series with groupBy after filtering`,
        { limit: 'maxSeriesPerQuery', max: this.limits.maxSeriesPerQuery, actual: selected.length },
      );
    }
    return selected;
  }
}

function predicateOf(query: SeriesQuery): TagPredicate {
  if (query.tags?.length && query.tagsSearch) {
    throw new UserInputError('give tags or tagsSearch, not both (as the reference says)', { field: 'tagsSearch' });
  }
  if (query.tagsSearch) return compileTagsSearch(query.tagsSearch);
  return compileTagFilter(query.tags ?? []);
}

function checkGrouping(query: SeriesQuery): void {
  if (query.summaryFunction === 'all' && query.groupBy?.length) {
    throw new UserInputError('summaryFunction ALL cannot be combined with groupBy (as the reference says)', {
      field: 'groupBy',
    });
  }
  if (query.groupBy?.includes('*') && query.groupBy.length > 1) {
    throw new UserInputError('groupBy "*" groups every series into one; it cannot be combined with tag names', {
      field: 'groupBy',
    });
  }
}

/** Groups series by the values of the group tags; `*` makes one group without tags. */
function group(series: readonly ResultSeries[], groupBy: readonly string[], fn: GroupByFunction): ResultSeries[] {
  const names = groupBy
    .filter((name) => name !== '*')
    .map((name) => name.toLowerCase())
    .sort();
  const groups = new Map<string, { tags: [string, string][]; members: ValuePoint[][] }>();
  for (const entry of series) {
    const tags = new Map(entry.tags);
    const groupTags = names.map((name): [string, string] => [name, tags.get(name) ?? '']);
    const key = JSON.stringify(groupTags);
    const existing = groups.get(key) ?? { tags: groupTags, members: [] };
    existing.members.push(entry.points);
    groups.set(key, existing);
  }
  return [...groups.values()].map(({ tags, members }) => ({ tags, points: combineSeries(members, fn) }));
}

function sortByTags(series: ResultSeries[]): ResultSeries[] {
  const key = (entry: ResultSeries): string =>
    entry.tags.map(([name, value]) => `${name}\u0000${value}`).join('\u0001');
  return series.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
