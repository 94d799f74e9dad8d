/**
 * Series queries across backends (AppOptics reference, "Retrieve a Measurement"; DESIGN.md,
 * "Many backends, one schema"). A query that names a backend reads that one; one that names
 * none fans out to every backend that can have the metric — the native backends whose catalog
 * has it, and every Prometheus backend — and the series are merged, each saying where it came
 * from. Backends that keep stored levels choose the resolution (the first of them that has the
 * metric); the others follow it.
 *
 * The rule: a backend that fails — down, timed out, refusing or answering nonsense — costs only
 * its own series. Every call to a backend goes through the request's FanOut (fanOut.ts), which
 * bounds the wait for each backend to one `timeoutMs` per request, discovery included; the
 * failure is returned beside the others' data (`failures`, reported on the field's path as
 * BACKEND_UNAVAILABLE or BACKEND_QUERY_FAILED). Only when every backend failed, or the query
 * asked for every part (`partial: REQUIRE_ALL`) and one is missing, does the query fail. A bad
 * query fails whole.
 */
import type { Backend, CounterMode, SeriesMetric } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import {
  combineSeries,
  type GroupByFunction,
  type QuerySummary,
  type ValuePoint,
} from '../domain/seriesAggregation.js';
import {
  chooseResolution,
  resolveWindow,
  ROUND_LEVELS,
  type ResolutionChoice,
  type WindowInput,
} from '../domain/seriesWindow.js';
import { compileTagFilter, type TagPair, type TagPredicate } from '../domain/tags/tagFilter.js';
import { compileTagsSearch } from '../domain/tags/tagsSearch.js';
import { type BackendUnavailableError, NotFoundError, UserInputError } from '../errors.js';
import { requireAll, type BackendCalls, type PartialMode } from './fanOut.js';
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
  /** How counters are read, on backends that know which metrics are counters (Prometheus). */
  counter?: CounterMode | null;
  /** Whether the answer may miss a failed backend's series (the default) or must have every backend's. */
  partial?: PartialMode | null;
}

/** A series query's answer, with the backends that could not take part. */
export interface FederatedSeriesResult extends SeriesQueryResult {
  failures: BackendUnavailableError[];
}

type QueryLimits = Pick<LimitsConfig, 'maxSeriesPerQuery' | 'maxPointsPerQuery' | 'maxPointsPerSeries'>;

/** A backend that has the metric, and what it says of it. */
interface Target {
  backend: Backend;
  metric: SeriesMetric;
}

export class SeriesQueryService {
  constructor(
    private readonly registry: BackendRegistry,
    private readonly clock: Clock,
    private readonly limits: QueryLimits,
  ) {}

  async query(tenant: string, query: SeriesQuery, fanOut: BackendCalls): Promise<FederatedSeriesResult> {
    checkGrouping(query);
    const matches = predicateOf(query);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const window = resolveWindow(query, now);
    const { targets, unavailable } = await this.targets(tenant, query, query.summaryFunction ?? null, fanOut);
    // A part already missing: no read is worth waiting for.
    requireAll(query.partial, unavailable, this.registry.list());
    // The first backend with stored levels of its own chooses; the others read at its choice.
    const leader = targets.find((target) => target.metric.resolution !== null)?.metric;
    const choice: ResolutionChoice =
      leader?.resolution?.(window, query.resolution, now, this.limits.maxPointsPerSeries) ??
      chooseResolution(window, query.resolution, ROUND_LEVELS, now, this.limits.maxPointsPerSeries);
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
    const summary = query.summaryFunction ?? leader?.summary ?? 'mean';
    const requiredTags = (query.groupBy ?? []).filter((name) => name !== '*').map((name) => name.toLowerCase());
    const failures: BackendUnavailableError[] = [...unavailable];
    const parts = await Promise.all(
      targets.map(async ({ backend, metric }) => {
        const outcome = await fanOut.call(backend, () =>
          backend.querySeries({
            tenant,
            metric: metric.name,
            window,
            resolution,
            level: choice.level.name,
            summary,
            detectReset: query.detectReset ?? false,
            counter: query.counter ?? 'raw',
            filter: query.tagsSearch ? [] : (query.tags ?? []),
            matches,
            requiredTags,
          }),
        );
        if (outcome.ok) return outcome.value;
        failures.push(outcome.error);
        return [];
      }),
    );
    const all = parts.flat();
    if (failures.length > 0 && failures.length === targets.length + unavailable.length) {
      throw failures[0];
    }
    requireAll(query.partial, failures, this.registry.list());
    if (all.length === 0 && !leader && failures.length === 0) {
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
      metric: leader?.name ?? query.metric,
      resolution,
      level: leader ? choice.level.name : 'raw',
      start: window.start,
      end: window.end,
      summaryFunction: summary,
      series: sortSeries(series),
      failures,
    };
  }

  /**
   * The backends that have the metric and can compute the summary asked for: in a fan-out the
   * others are skipped; named, they are refused with the reason.
   */
  private async targets(
    tenant: string,
    query: SeriesQuery,
    summary: QuerySummary | null,
    fanOut: BackendCalls,
  ): Promise<{ targets: Target[]; unavailable: BackendUnavailableError[] }> {
    const named = query.backend;
    const wanted = named == null ? this.registry.list() : [this.namedBackend(named)];
    const capable = wanted.filter((backend) => summary === null || backend.summaries.includes(summary));
    const [refused] = wanted.filter((backend) => !capable.includes(backend));
    if (named != null && refused) {
      throw new UserInputError(
        `summaryFunction ${summary?.toUpperCase()} is not available on backend "${named}" (${refused.kind}): use one of ${refused.summaries.map((fn) => fn.toUpperCase()).join(', ')}`,
        { field: 'summaryFunction', backend: named },
      );
    }
    const unavailable: BackendUnavailableError[] = [];
    const found = await Promise.all(
      capable.map(async (backend): Promise<Target | null> => {
        const outcome = await fanOut.call(backend, () => backend.seriesMetric(tenant, query.metric));
        if (!outcome.ok) {
          unavailable.push(outcome.error);
          return null;
        }
        return outcome.value ? { backend, metric: outcome.value } : null;
      }),
    );
    const targets = found.filter((target): target is Target => target !== null);
    if (named != null && targets.length === 0 && unavailable.length === 0) {
      throw new NotFoundError(`no metric "${query.metric}" on backend "${named}"`, {
        metric: query.metric,
        backend: named,
      });
    }
    return { targets, unavailable };
  }

  private namedBackend(id: string): Backend {
    const backend = this.registry.find(id);
    if (!backend) {
      const ids = this.registry.list().map((candidate) => candidate.id);
      throw new NotFoundError(`no backend "${id}"; configured: ${ids.join(', ')}`, { backend: id });
    }
    return backend;
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
