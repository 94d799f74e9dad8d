/**
 * Series queries across backends (AppOptics reference, "Retrieve a Measurement"; DESIGN.md,
 * "Many backends, one schema"). A query that names a backend reads that one; one that names
 * none fans out to every backend that can have the metric — the native backends whose catalog
 * has it, and every Prometheus backend — and the series are merged, each saying where it came
 * from. The native sources choose the resolution (their stored levels); Prometheus follows it.
 *
 * The rule: a backend that is unavailable costs only its own series. Its failure is returned
 * beside the others' data (`failures`, reported on the field's path as BACKEND_UNAVAILABLE);
 * only when every backend failed does the query fail. A bad query fails whole.
 */
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { MetricRecord } from '../backends/native/metricCatalog.js';
import { PrometheusBackend } from '../backends/prometheus/prometheusBackend.js';
import { backendFailure } from '../backends/backendFailure.js';
import type { CounterMode } from '../backends/prometheus/prometheusSeries.js';
import type { Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import {
  combineSeries,
  type GroupByFunction,
  type QuerySummary,
  type ValuePoint,
} from '../domain/seriesAggregation.js';
import { chooseResolution, resolveWindow, type ResolutionChoice, type WindowInput } from '../domain/seriesWindow.js';
import { compileTagFilter, type TagPair, type TagPredicate } from '../domain/tags/tagFilter.js';
import { compileTagsSearch } from '../domain/tags/tagsSearch.js';
import { AlmanacError, BackendUnavailableError, NotFoundError, UserInputError } from '../errors.js';
import { attributeSummary, NativeSeriesSource, storageLevel } from './series/nativeSeriesSource.js';
import {
  PROMETHEUS_LEVELS,
  PROMETHEUS_SUMMARIES,
  PrometheusSeriesSource,
  type PrometheusSummary,
} from './series/prometheusSeriesSource.js';
import type { ResultSeries, SeriesQueryResult } from './series/seriesResult.js';

export type { ResultSeries, SeriesQueryResult, TagTuple } from './series/seriesResult.js';

export interface SeriesQuery extends WindowInput {
  metric: string;
  /** Read only this backend; every backend that can have the metric when not given. */
  backend?: string | null;
  resolution?: number | null;
  tags?: readonly TagPair[] | null;
  tagsSearch?: string | null;
  groupBy?: readonly string[] | null;
  groupByFunction?: GroupByFunction | null;
  summaryFunction?: QuerySummary | null;
  detectReset?: boolean | null;
  /** How Prometheus counters are read; native series ignore it. */
  counter?: CounterMode | null;
}

/** A series query's answer, with the backends that could not take part. */
export interface FederatedSeriesResult extends SeriesQueryResult {
  failures: BackendUnavailableError[];
}

type QueryLimits = Pick<LimitsConfig, 'maxSeriesPerQuery' | 'maxPointsPerQuery' | 'maxPointsPerSeries'>;

interface NativeTarget {
  source: NativeSeriesSource;
  metric: MetricRecord;
}

export class SeriesQueryService {
  private readonly natives: NativeSeriesSource[];
  private readonly prometheus: PrometheusSeriesSource[];

  constructor(
    registry: BackendRegistry,
    private readonly clock: Clock,
    private readonly limits: QueryLimits,
  ) {
    this.natives = registry.natives().map((backend) => new NativeSeriesSource(backend, limits.maxPointsPerSeries));
    this.prometheus = registry
      .list()
      .filter((backend): backend is PrometheusBackend => backend instanceof PrometheusBackend)
      .map((backend) => new PrometheusSeriesSource(backend));
    this.ids = registry.list().map((backend) => backend.id);
  }

  private readonly ids: string[];

  async query(tenant: string, query: SeriesQuery): Promise<FederatedSeriesResult> {
    checkGrouping(query);
    const matches = predicateOf(query);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const window = resolveWindow(query, now);
    const summaryAsked = query.summaryFunction ?? null;
    const { natives, prometheus, unavailable } = await this.targets(tenant, query, summaryAsked);
    const first = natives[0];
    const choice: ResolutionChoice = first
      ? first.source.resolution(window, query.resolution, first.metric, now)
      : chooseResolution(window, query.resolution, PROMETHEUS_LEVELS, now, this.limits.maxPointsPerSeries);
    const resolution = choice.resolution;
    // Before any read: a window of more points than a whole query may return is refused here,
    // not after thousands of requests to the backends.
    const perSeries = Math.ceil((window.end - window.start) / resolution);
    if (perSeries > this.limits.maxPointsPerQuery) {
      throw new UserInputError(
        `the window holds ${perSeries} points of ${resolution}s per series (limit ${this.limits.maxPointsPerQuery} per query): choose a coarser resolution or a shorter window`,
        { limit: 'maxPointsPerQuery', max: this.limits.maxPointsPerQuery, actual: perSeries },
      );
    }
    const summary = query.summaryFunction ?? (first && attributeSummary(first.metric)) ?? 'mean';
    const requiredTags = (query.groupBy ?? []).filter((name) => name !== '*').map((name) => name.toLowerCase());
    const failures: BackendUnavailableError[] = [...unavailable];
    const settle = async (id: string, read: () => Promise<ResultSeries[]>): Promise<ResultSeries[]> => {
      try {
        return await read();
      } catch (error) {
        const failure = error instanceof AlmanacError ? error : backendFailure(id, error);
        if (!(failure instanceof BackendUnavailableError)) throw failure;
        failures.push(failure);
        return [];
      }
    };
    const parts = await Promise.all([
      ...natives.map(({ source, metric }) =>
        settle(source.id, () =>
          source.read({
            tenant,
            metric,
            window,
            resolution,
            level: storageLevel(choice),
            summary,
            detectReset: query.detectReset ?? false,
            matches,
            requiredTags,
          }),
        ),
      ),
      ...prometheus.map((source) =>
        settle(source.id, () =>
          source.read({
            metric: query.metric,
            window,
            resolution,
            summary: summary as PrometheusSummary,
            counter: query.counter ?? 'raw',
            tags: query.tagsSearch ? [] : (query.tags ?? []),
            matches,
            requiredTags,
          }),
        ),
      ),
    ]);
    const all = parts.flat();
    if (failures.length > 0 && failures.length === natives.length + prometheus.length + unavailable.length) {
      throw failures[0];
    }
    if (all.length === 0 && natives.length === 0 && failures.length === 0) {
      throw new NotFoundError(
        `no metric "${query.metric}" on ${query.backend ? `backend "${query.backend}"` : 'any backend'}`,
        {
          metric: query.metric,
        },
      );
    }
    this.checkSize(all, resolution, window.end - window.start);
    const series = query.groupBy?.length ? group(all, query.groupBy, query.groupByFunction ?? 'sum') : all;
    return {
      metric: first?.metric.name ?? query.metric,
      resolution,
      level: first ? storageLevel(choice) : 'raw',
      start: window.start,
      end: window.end,
      summaryFunction: summary,
      series: sortSeries(series),
      failures,
    };
  }

  /**
   * The native backends whose catalog has the metric, and the Prometheus backends that may have
   * it and can compute the summary asked for: in a fan-out the others are skipped; named, they
   * are refused with the reason.
   */
  private async targets(
    tenant: string,
    query: SeriesQuery,
    summary: QuerySummary | null,
  ): Promise<{
    natives: NativeTarget[];
    prometheus: PrometheusSeriesSource[];
    unavailable: BackendUnavailableError[];
  }> {
    const named = query.backend;
    if (named != null && !this.ids.includes(named)) {
      throw new NotFoundError(`no backend "${named}"; configured: ${this.ids.join(', ')}`, { backend: named });
    }
    const wanted = <T extends { id: string }>(sources: readonly T[]): T[] =>
      sources.filter((source) => named == null || source.id === named);
    const unavailable: BackendUnavailableError[] = [];
    const natives = await Promise.all(
      wanted(this.natives).map(async (source) => {
        try {
          return { source, metric: await source.backend.metrics.get(tenant, query.metric) };
        } catch (error) {
          // A store that is down costs only its own series, as a Prometheus backend does.
          const failure = backendFailure(source.id, error);
          if (!(failure instanceof BackendUnavailableError)) throw failure;
          unavailable.push(failure);
          return { source, metric: null };
        }
      }),
    );
    const found = natives.filter((target): target is NativeTarget => target.metric !== null);
    if (named != null && natives.length === 1 && found.length === 0 && unavailable.length === 0) {
      throw new NotFoundError(`no metric "${query.metric}" on backend "${named}"`, {
        metric: query.metric,
        backend: named,
      });
    }
    const unsupported = summary !== null && !(PROMETHEUS_SUMMARIES as readonly string[]).includes(summary);
    if (unsupported && named != null && wanted(this.prometheus).length > 0) {
      throw new UserInputError(
        `summaryFunction ${summary.toUpperCase()} is not available on Prometheus backends: use one of ${PROMETHEUS_SUMMARIES.map((fn) => fn.toUpperCase()).join(', ')}`,
        { field: 'summaryFunction', backend: named },
      );
    }
    const candidates = unsupported ? [] : wanted(this.prometheus);
    const holding = await Promise.all(candidates.map((source) => source.mayHave(query.metric)));
    return { natives: found, prometheus: candidates.filter((_source, index) => holding[index]), unavailable };
  }

  private checkSize(series: readonly ResultSeries[], resolution: number, span: number): void {
    if (series.length > this.limits.maxSeriesPerQuery) {
      throw new UserInputError(
        `${series.length} series match (limit ${this.limits.maxSeriesPerQuery}): narrow the query with tags or tagsSearch, or group the series with groupBy after filtering`,
        { limit: 'maxSeriesPerQuery', max: this.limits.maxSeriesPerQuery, actual: series.length },
      );
    }
    const expected = series.length * Math.ceil(span / resolution);
    if (expected > this.limits.maxPointsPerQuery) {
      throw new UserInputError(
        `the query would return up to ${expected} points (limit ${this.limits.maxPointsPerQuery}): choose a coarser resolution, a shorter window, or filter or group the series`,
        { limit: 'maxPointsPerQuery', max: this.limits.maxPointsPerQuery },
      );
    }
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
  const groups = new Map<string, { tags: [string, string][]; backends: Set<string>; members: ValuePoint[][] }>();
  for (const entry of series) {
    const tags = new Map(entry.tags.map(([name, value]) => [name.toLowerCase(), value]));
    const groupTags = names.map((name): [string, string] => [name, tags.get(name) ?? '']);
    const key = JSON.stringify(groupTags);
    const existing = groups.get(key) ?? { tags: groupTags, backends: new Set<string>(), members: [] };
    existing.members.push(entry.points);
    existing.backends.add(entry.backend);
    groups.set(key, existing);
  }
  return [...groups.values()].map(({ tags, backends, members }) => ({
    backend: [...backends].sort().join(','),
    tags,
    points: combineSeries(members, fn),
  }));
}

function sortSeries(series: ResultSeries[]): ResultSeries[] {
  const key = (entry: ResultSeries): string =>
    [entry.backend, ...entry.tags.map(([name, value]) => `${name}\u0000${value}`)].join('\u0001');
  return series.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
