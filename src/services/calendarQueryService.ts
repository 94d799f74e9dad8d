/**
 * Virtual metric timeseries (OpenDataDSL reference): a metric of any provider read as the
 * buckets of a calendar in a time zone over a range expression, each observed as one value.
 * The calendar engine (domain/calendar) draws the buckets, the range engine (domain/ranges)
 * reads the range, the backend supplies one bucket state per bucket (`queryBuckets`), and the
 * observed function reads each state — so the arithmetic is the same for every backend.
 *
 * The rule: buckets are whole and in time order, and an empty bucket is returned with a null
 * value (and count 0) unless the query asks to omit it — never as 0.
 */
import type { Backend, BucketQuery, StoringBackend } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import { calendarBuckets, localIso, type CalendarBucket } from '../domain/calendar/calendarBuckets.js';
import { parseCalendar } from '../domain/calendar/calendarCode.js';
import { observe, type Observed } from '../domain/calendar/observed.js';
import { ZoneClock } from '../domain/calendar/zoneClock.js';
import { evaluateRange } from '../domain/ranges/rangeExpression.js';
import { compileTagFilter, type TagPair } from '../domain/tags/tagFilter.js';
import { NotFoundError, UserInputError } from '../errors.js';
import { findUsageMetric, USAGE_METRICS, USAGE_PROVIDER, USAGE_TAGS, usageSeriesName } from './usage/usageMetrics.js';

export interface CalendarValue extends CalendarBucket {
  value: number | null;
  count: number;
}

export interface VirtualTimeseries {
  /** `Provider/Metric`. */
  metric: string;
  calendar: string;
  observed: Observed;
  timeZone: string;
  /** The range, as local date-times with offset. */
  start: string;
  end: string;
  level: string;
  seriesCount: number;
  /** False when some bucket lies partly past the retention of the only level that could compose it. */
  complete: boolean;
  points: CalendarValue[];
}

export interface VirtualQuery {
  /** `Provider/Metric`, or a native metric's name. */
  metric: string;
  calendar: string;
  observed: Observed;
  range: string;
  timeZone?: string | null;
  filter?: readonly TagPair[] | null;
  omitEmpty?: boolean | null;
}

/** A metric reference resolved to the backend that answers it and the name it stores. */
export interface MetricSource {
  /** The provider as shown: a backend id or `AlmanacRequest`. */
  provider: string;
  /** The metric as shown within the provider. */
  name: string;
  backend: Backend;
  /** The name the backend stores the metric under. */
  stored: string;
  /** Whether tags are usage record fields (the filter may name only those). */
  usage: boolean;
}

/** A metric offered by a provider (`listMetrics`). */
export interface ProviderMetric {
  provider: string;
  name: string;
  metric: string;
  description: string | null;
}

type QueryLimits = Pick<LimitsConfig, 'maxSeriesPerQuery' | 'maxPointsPerSeries'>;

const MAX_FILTER_PAIRS = 32;
/** listMetrics of a backend answers at most this many names; `metrics` pages through all. */
const MAX_LISTED_METRICS = 10_000;

export class CalendarQueryService {
  constructor(
    private readonly registry: BackendRegistry,
    /** Where measurements and usage series are stored: a bare metric name reads it. */
    private readonly native: StoringBackend,
    private readonly clock: Clock,
    private readonly limits: QueryLimits,
  ) {}

  async evaluate(tenant: string, query: VirtualQuery): Promise<VirtualTimeseries> {
    const source = this.resolve(query.metric);
    return this.evaluateSource(tenant, source, query);
  }

  /** Reads a metric already resolved (e.g. a `Metric` object's own calendar field). */
  async evaluateSource(
    tenant: string,
    source: MetricSource,
    query: Omit<VirtualQuery, 'metric'>,
  ): Promise<VirtualTimeseries> {
    const timeZone = query.timeZone ?? 'UTC';
    const calendar = parseCalendar(query.calendar);
    const zone = ZoneClock.of(timeZone);
    const filter = query.filter ?? [];
    checkFilter(filter, source.usage);
    const range = evaluateRange(query.range, { now: this.clock.now(), timeZone });
    const buckets = calendarBuckets(calendar, timeZone, range, { maxBuckets: this.limits.maxPointsPerSeries });
    const request: BucketQuery = {
      tenant,
      metric: source.stored,
      series: compileTagFilter(filter),
      filter,
      internal: source.usage,
      needFirst: query.observed === 'beginning',
      buckets,
      maxSeries: this.limits.maxSeriesPerQuery,
      now: Math.floor(this.clock.now().getTime() / 1000),
    };
    const answer = await source.backend.queryBuckets(request);
    const points = buckets.map((bucket, index): CalendarValue => {
      const state = answer.states[index];
      return {
        ...bucket,
        value: finiteOrNull(state ? observe(state, query.observed) : null),
        count: state?.count ?? 0,
      };
    });
    return {
      metric: `${source.provider}/${source.name}`,
      calendar: calendar.code,
      observed: query.observed,
      timeZone,
      start: localIso(zone, range.start),
      end: localIso(zone, range.end),
      level: answer.levels.map((level) => level.toUpperCase()).join(',') || 'NONE',
      seriesCount: answer.seriesCount,
      complete: !answer.expired,
      points: query.omitEmpty ? points.filter((point) => point.count > 0) : points,
    };
  }

  /**
   * `Provider/Metric` → where to read it. The provider is `AlmanacRequest` or a backend id
   * (case-insensitive); a reference without `/` is a metric of the native store.
   */
  resolve(reference: string): MetricSource {
    const slash = reference.indexOf('/');
    if (slash < 0) return this.nativeSource(reference);
    const provider = reference.slice(0, slash);
    const name = reference.slice(slash + 1);
    if (name === '') throw new UserInputError(`"${reference}" names no metric after "/"`, { field: 'metric' });
    if (provider.toLowerCase() === USAGE_PROVIDER.toLowerCase()) {
      const metric = findUsageMetric(name);
      if (!metric) {
        throw new NotFoundError(
          `${USAGE_PROVIDER} has no metric "${name}": it offers ${USAGE_METRICS.map((m) => m.name).join(', ')}`,
          { metric: reference },
        );
      }
      return {
        provider: USAGE_PROVIDER,
        name: metric.name,
        backend: this.native,
        stored: usageSeriesName(metric),
        usage: true,
      };
    }
    const backend = this.findBackend(provider);
    const stored = backend.metricName(name);
    return { provider: backend.id, name: stored, backend, stored, usage: false };
  }

  /** A native metric by name, as the `Metric` type's calendar field reads it. */
  nativeSource(name: string): MetricSource {
    const stored = this.native.metricName(name);
    return { provider: this.native.id, name: stored, backend: this.native, stored, usage: false };
  }

  /** The metrics a provider offers (the reference's `listMetrics`). */
  async listMetrics(tenant: string, provider: string): Promise<ProviderMetric[]> {
    if (provider.toLowerCase() === USAGE_PROVIDER.toLowerCase()) {
      return USAGE_METRICS.map((metric) => ({
        provider: USAGE_PROVIDER,
        name: metric.name,
        metric: `${USAGE_PROVIDER}/${metric.name}`,
        description: metric.description,
      }));
    }
    const backend = this.findBackend(provider);
    const names = [...(await backend.metricNames(tenant))].sort().slice(0, MAX_LISTED_METRICS);
    const metrics = (await backend.describeMetrics(tenant, names)).filter((view) => view !== null);
    return metrics.map(({ name, description }) => ({
      provider: backend.id,
      name,
      metric: `${backend.id}/${name}`,
      description,
    }));
  }

  private findBackend(provider: string): Backend {
    const exact = this.registry.find(provider);
    if (exact) return exact;
    const lower = provider.toLowerCase();
    const backend = this.registry.list().find((candidate) => candidate.id.toLowerCase() === lower);
    if (backend) return backend;
    const known = [USAGE_PROVIDER, ...this.registry.list().map((candidate) => candidate.id)];
    throw new NotFoundError(`no provider "${provider}": use one of ${known.join(', ')}`, { provider });
  }
}

/** A NaN or infinite sample (e.g. a summary quantile over no data) has no value a Float can carry. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * A virtual timeseries' filter, checked before anything is read: at most MAX_FILTER_PAIRS pairs,
 * and on usage metrics only their tags. Stored definitions are checked the same way when saved.
 */
export function checkFilter(filter: readonly TagPair[], usage: boolean): void {
  if (filter.length > MAX_FILTER_PAIRS) {
    throw new UserInputError(`the filter has ${filter.length} pairs (at most ${MAX_FILTER_PAIRS})`, {
      field: 'filter',
    });
  }
  if (!usage) return;
  const allowed: readonly string[] = USAGE_TAGS;
  for (const [index, { name }] of filter.entries()) {
    const bare = name.replace(/^!/, '').toLowerCase();
    if (bare !== '*' && !allowed.includes(bare)) {
      throw new UserInputError(
        `filter[${index}]: ${USAGE_PROVIDER} metrics can be filtered on ${USAGE_TAGS.join(', ')}, not "${name}"`,
        { field: 'filter' },
      );
    }
  }
}
