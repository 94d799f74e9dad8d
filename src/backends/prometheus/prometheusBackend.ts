/**
 * A Prometheus-API server (Prometheus, Thanos Query, Mimir, VictoriaMetrics) as an Almanac
 * backend. Prometheus holds no tenant's data of its own: every tenant sees the same metrics.
 *
 * Series queries take the native store's inputs: the tag filter is pushed down as label
 * matchers where PromQL can say it (never narrower) and then applied exactly to the returned
 * series, as for the native store; the step follows the resolution.
 */
import { boundedCache, CACHE_LIMITS } from '../../cacheLimits.js';
import type { PrometheusBackendConfig } from '../../config/schema.js';
import type { SummaryFunction } from '../../domain/bucketState.js';
import { bareMetricView, type MetricKind, type MetricView } from '../../domain/metricRecord.js';
import type { PromResult } from '../../domain/promqlResult.js';
import { sampleValue } from '../../domain/promqlResult.js';
import type { QuerySummary, ValuePoint } from '../../domain/seriesAggregation.js';
import type { TagPair } from '../../domain/tags/tagFilter.js';
import { UserInputError, type AlmanacError } from '../../errors.js';
import {
  measureHealth,
  type Backend,
  type BackendHealth,
  type BucketAnswer,
  type BucketQuery,
  type CounterMode,
  type PromqlEngine,
  type ResultSeries,
  type SeriesMetric,
  type SeriesRead,
} from '../backend.js';
import { mapFailures } from '../backendFailure.js';
import type { OutgoingRecorder } from '../outgoingRecorder.js';
import { isCumulative, typeByName, typeMetrics, type PrometheusMetricType, type TypedMetric } from './metricTypes.js';
import { matrixAnswer, metadataAnswer, queryAnswer, stringListAnswer, type RawMatrix } from './prometheusAnswers.js';
import { readBuckets, type PromQuery } from './prometheusBuckets.js';
import { prometheusFailure, type QueryAuthor } from './prometheusFailure.js';
import { PrometheusHttp, type CircuitState, type Params } from './prometheusHttp.js';
import { bucketExpression, bucketOf, MAX_POINTS_PER_SERIES, rangeChunks } from './prometheusSeries.js';
import { isLabelName, pushdownMatchers, selector, type Matcher } from './promql.js';
import { lowerTags, readResult, seriesKey } from './promResult.js';

/** The summary functions Prometheus 2.x can compute per bucket (an *_over_time function each). */
const SUMMARIES = ['mean', 'sum', 'min', 'max', 'count', 'last', 'stddev'] as const satisfies readonly QuerySummary[];

/** Health probes give up sooner than queries: readiness must answer quickly. */
const HEALTH_TIMEOUT_MS = 3_000;

interface SeriesRequest {
  metric: string;
  /** Narrowing matchers (promql.ts pushdownMatchers); the caller applies the exact filter. */
  matchers: readonly Matcher[];
  /** Bucket range [start, end), start a multiple of `resolution`. */
  start: number;
  end: number;
  resolution: number;
  summary: SummaryFunction;
  counter: CounterMode;
}

interface LabelledPoints {
  /** Labels without `__name__`. */
  labels: Record<string, string>;
  /**
   * One point per bucket start, in time order. NaN and ±Inf (e.g. a rate over no samples)
   * cannot be carried by a GraphQL Float: they are points without a value.
   */
  points: ValuePoint[];
}

export class PrometheusBackend implements Backend {
  readonly kind = 'prometheus';
  readonly id: string;
  readonly summaries: readonly QuerySummary[] = SUMMARIES;
  readonly promql: PromqlEngine;
  readonly timeoutMs: number;
  private readonly http: PrometheusHttp;
  private readonly healthTimeoutMs: number;
  /** Caches (cacheLimits.ts): the one list of names and of types by `''`, label names by metric. */
  private readonly names = boundedCache<string, ReadonlySet<string>>(CACHE_LIMITS.prometheusMetricNames);
  private readonly types = boundedCache<string, ReadonlyMap<string, PrometheusMetricType>>(
    CACHE_LIMITS.prometheusMetricTypes,
  );
  private readonly labelNamesOf = boundedCache<string, string[]>(CACHE_LIMITS.prometheusLabelNames);
  /** PromQL calls whose failures the caller maps (calendar reads run inside one mapped call). */
  private readonly raw: PromQuery = {
    instant: (query, time) => this.instant(query, time),
    range: (query, start, end, step) => this.range(query, start, end, step),
  };

  constructor(config: PrometheusBackendConfig, recorder?: OutgoingRecorder) {
    this.id = config.id;
    this.timeoutMs = config.timeoutMs;
    this.http = new PrometheusHttp(config, recorder);
    this.healthTimeoutMs = Math.min(HEALTH_TIMEOUT_MS, config.timeoutMs);
    this.promql = {
      maxPointsPerSeries: MAX_POINTS_PER_SERIES,
      instant: (query, time) => this.call(() => this.instant(query, time), 'user'),
      range: (query, start, end, step) => this.call(() => this.range(query, start, end, step), 'user'),
    };
  }

  /** The state of the backend's circuit breaker (prometheusHttp.ts). */
  get circuit(): CircuitState {
    return this.http.circuit;
  }

  checkHealth(): Promise<BackendHealth> {
    // An instant query is the one request every Prometheus-API engine answers.
    return measureHealth(async () => {
      await this.http.probe('query', queryAnswer, { query: '1' }, this.healthTimeoutMs);
    });
  }

  /** Metric names are exact. */
  metricName(name: string): string {
    return name;
  }

  metricNames(): Promise<string[]> {
    return this.call(() => this.fetchNames());
  }

  /** The named metrics with their types (metadata, else naming conventions); null for names the server does not know. */
  describeMetrics(_tenant: string, names: readonly string[]): Promise<(MetricView | null)[]> {
    return this.call(async () => {
      const byName = new Map((await this.typedMetrics()).map((typed) => [typed.name, typed]));
      return names.map((name) => {
        const typed = byName.get(name);
        return typed ? this.view(typed) : null;
      });
    });
  }

  /** Label names of one metric's series (for building filters). */
  labelNames(_tenant: string, metric: string): Promise<string[]> {
    return this.call(() => this.metricLabels(metric));
  }

  /** The values of one label among one metric's series. */
  labelValues(_tenant: string, metric: string, label: string): Promise<string[]> {
    return this.call(async () => {
      // The name is a path segment: `..` or `a/b` would ask another endpoint.
      if (!isLabelName(label)) {
        throw new UserInputError(
          `"${label}" is not a Prometheus label name: a letter or _, then letters, digits or _`,
          { field: 'name' },
        );
      }
      return this.http.get(`label/${encodeURIComponent(label)}/values`, stringListAnswer, {
        'match[]': selector(metric),
      });
    });
  }

  /**
   * The metric if the server may have it, from its metric names (cached briefly), so a fan-out
   * skips backends that do not. When the names cannot be read, it may: the query itself then
   * fails and says why. Prometheus computes any resolution asked.
   */
  async seriesMetric(_tenant: string, metric: string): Promise<SeriesMetric | null> {
    let names = this.names.get('');
    if (!names) {
      try {
        names = new Set(await this.fetchNames());
      } catch {
        return { name: metric, summary: null, resolution: null };
      }
      this.names.set('', names);
    }
    return names.has(metric) ? { name: metric, summary: null, resolution: null } : null;
  }

  querySeries(read: SeriesRead): Promise<ResultSeries[]> {
    return this.call(async () => {
      const { resolution } = read;
      const series = await this.bucketSeries({
        metric: read.metric,
        matchers: await this.pushdown(read.metric, read.filter),
        start: Math.floor(read.window.start / resolution) * resolution,
        end: read.window.end,
        resolution,
        // The service asks only for the summaries this backend lists.
        summary: read.summary as (typeof SUMMARIES)[number],
        counter: read.counter,
      });
      return series.flatMap(({ labels, points }) => {
        const tags = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        // The exact filter sees names and values lower-cased, as the native store keeps them.
        const lower = lowerTags(labels);
        if (!read.matches(lower) || !read.requiredTags.every((name) => lower.has(name))) return [];
        return [{ backend: this.id, tags, points }];
      });
    });
  }

  /**
   * Calendar bucket states (prometheusBuckets.ts): gauges from *_over_time at a step dividing
   * the buckets, counters (and histograms' and summaries' cumulative series) as exact increases
   * from raw samples.
   */
  queryBuckets(query: BucketQuery): Promise<BucketAnswer> {
    return this.call(async () => {
      const counter = isCumulative(query.metric, await this.metricType(query.metric));
      const answer = await readBuckets(this.raw, {
        selector: selector(query.metric, await this.pushdown(query.metric, query.filter ?? [])),
        series: query.series,
        buckets: query.buckets,
        counter,
        needFirst: query.needFirst ?? true,
        maxSeries: query.maxSeries,
        now: query.now ?? Math.floor(Date.now() / 1000),
      });
      return { states: answer.states, seriesCount: answer.seriesCount, levels: [answer.level], expired: false };
    });
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  /** An instant query (`/api/v1/query`) at `time` (Unix seconds), or now. */
  private async instant(query: string, time?: number): Promise<PromResult> {
    const params: Record<string, string> = { query };
    if (time !== undefined) params.time = String(time);
    const answer = await this.http.read('query', queryAnswer, params);
    return readResult(this.id, answer.data, answer.warnings);
  }

  /** A range query (`/api/v1/query_range`); the caller keeps it within MAX_POINTS_PER_SERIES. */
  private async range(query: string, start: number, end: number, step: number): Promise<PromResult> {
    const answer = await this.http.read('query_range', queryAnswer, rangeParams(query, start, end, step));
    return readResult(this.id, answer.data, answer.warnings);
  }

  /** A range query whose answer must be a matrix, as Prometheus wrote it. */
  private async matrix(query: string, start: number, end: number, step: number): Promise<RawMatrix> {
    return (await this.http.get('query_range', matrixAnswer, rangeParams(query, start, end, step))).result;
  }

  /**
   * Bucket values of every series of a metric (prometheusSeries.ts): one query_range per
   * 11,000 buckets, issued together, joined by series.
   */
  private async bucketSeries(request: SeriesRequest): Promise<LabelledPoints[]> {
    const { start, end, resolution } = request;
    const query = bucketExpression(
      selector(request.metric, request.matchers),
      resolution,
      request.summary,
      request.counter,
    );
    const parts = await Promise.all(
      rangeChunks(start, end, resolution).map((chunk) => this.matrix(query, chunk.start, chunk.end, resolution)),
    );
    // Read straight from Prometheus's JSON into points: this loop runs once per sample, and
    // long series make it the gateway's own cost of a query (bench (e)).
    const joined = new Map<string, LabelledPoints>();
    for (const part of parts) {
      for (const { metric, values } of part) {
        const key = seriesKey(metric);
        let entry = joined.get(key);
        if (!entry) {
          const { __name__: _name, ...labels } = metric;
          entry = { labels, points: [] };
          joined.set(key, entry);
        }
        for (const [time, text] of values) {
          const value = sampleValue(text);
          entry.points.push({
            time: bucketOf(time, resolution),
            value: Number.isFinite(value) ? value : null,
            state: null,
          });
        }
      }
    }
    return [...joined.values()];
  }

  /** A metric's type: metadata (cached for a minute), else its name (metricTypes.ts). */
  private async metricType(metric: string): Promise<PrometheusMetricType> {
    let byName = this.types.get('');
    if (!byName) {
      byName = new Map((await this.typedMetrics()).map((entry) => [entry.name, entry.type]));
      this.types.set('', byName);
    }
    return byName.get(metric) ?? typeByName(metric, new Set());
  }

  /** Every metric name the server knows. */
  private fetchNames(): Promise<string[]> {
    return this.http.get('label/__name__/values', stringListAnswer);
  }

  /** Every metric name the server knows, with its type (metadata, else naming conventions). */
  private async typedMetrics(): Promise<TypedMetric[]> {
    const [names, metadata] = await Promise.all([this.fetchNames(), this.http.get('metadata', metadataAnswer)]);
    return typeMetrics([...names].sort(), metadata);
  }

  private view({ name, type, help, unit }: TypedMetric): MetricView {
    return { ...bareMetricView(this.id, name), type: kindOf(type), description: help, unit };
  }

  /**
   * Label matchers that narrow a read by a tag filter (promql.ts), knowing the metric's real
   * label names (cached) so a tag name matches a label whatever its case. When the names
   * cannot be read, nothing is pushed down: the exact filter still applies, only less cheaply.
   */
  private async pushdown(metric: string, filter: readonly TagPair[]): Promise<Matcher[]> {
    if (filter.length === 0) return [];
    let names = this.labelNamesOf.get(metric);
    if (!names) {
      try {
        names = await this.metricLabels(metric);
      } catch {
        return [];
      }
      this.labelNamesOf.set(metric, names);
    }
    return pushdownMatchers(filter, names);
  }

  private async metricLabels(metric: string): Promise<string[]> {
    const params: Params = { 'match[]': selector(metric) };
    return (await this.http.get('labels', stringListAnswer, params)).filter((name) => name !== '__name__');
  }

  /** Runs a call, its failures mapped as those of a query by `author` (prometheusFailure.ts). */
  private call<T>(run: () => Promise<T>, author: QueryAuthor = 'almanac'): Promise<T> {
    return mapFailures(run, (error): AlmanacError => prometheusFailure(this.id, error, author));
  }
}

function rangeParams(query: string, start: number, end: number, step: number): Params {
  return { query, start: String(start), end: String(end), step: String(step) };
}

/** The schema's metric type of a Prometheus type. */
function kindOf(type: PrometheusMetricType): MetricKind {
  switch (type) {
    case 'gauge':
      return 'gauge';
    case 'counter':
      return 'counter';
    case 'histogram':
    case 'gaugehistogram':
      return 'histogram';
    case 'summary':
      return 'summary';
    default:
      return 'unknown';
  }
}
