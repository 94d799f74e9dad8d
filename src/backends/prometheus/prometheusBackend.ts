/** A Prometheus-API server as an Almanac backend. */
import type { PrometheusBackendConfig } from '../../config/schema.js';
import { measureHealth, type Backend, type BackendHealth } from '../backend.js';
import type { OutgoingRecorder } from '../outgoingRecorder.js';
import { PrometheusHttp, type CircuitState, type Params } from './prometheusHttp.js';
import type { BucketAnswer, BucketQuery } from '../backend.js';
import {
  isCumulative,
  typeByName,
  typeMetrics,
  type MetadataEntry,
  type PrometheusMetricType,
  type TypedMetric,
} from './metricTypes.js';
import { readBuckets } from './prometheusBuckets.js';
import { isLabelName, pushdownMatchers, selector, type Matcher } from './promql.js';
import { UserInputError } from '../../errors.js';
import { bucketExpression, bucketOf, rangeChunks, type CounterMode } from './prometheusSeries.js';
import type { SummaryFunction } from '../../domain/bucketState.js';
import type { ValuePoint } from '../../domain/seriesAggregation.js';
import type { TagPair } from '../../domain/tags/tagFilter.js';
import {
  readResult,
  sampleValue,
  seriesKey,
  type PromResult,
  type PromResultType,
  type RawMatrix,
} from './promResult.js';

export interface PrometheusSeriesRequest {
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

export interface PrometheusSeries {
  /** Labels without `__name__`. */
  labels: Record<string, string>;
  /**
   * One point per bucket start, in time order. NaN and ±Inf (e.g. a rate over no samples)
   * cannot be carried by a GraphQL Float: they are points without a value.
   */
  points: ValuePoint[];
}

/** Health probes give up sooner than queries: readiness must answer quickly. */
const HEALTH_TIMEOUT_MS = 3_000;

export class PrometheusBackend implements Backend {
  readonly kind = 'prometheus';
  readonly id: string;
  private readonly http: PrometheusHttp;
  private readonly healthTimeoutMs: number;

  constructor(config: PrometheusBackendConfig, recorder?: OutgoingRecorder) {
    this.id = config.id;
    this.http = new PrometheusHttp(config, recorder);
    this.healthTimeoutMs = Math.min(HEALTH_TIMEOUT_MS, config.timeoutMs);
  }

  /** The state of the backend's circuit breaker (prometheusHttp.ts). */
  get circuit(): CircuitState {
    return this.http.circuit;
  }

  checkHealth(): Promise<BackendHealth> {
    // An instant query is the one request every Prometheus-API engine answers.
    return measureHealth(async () => {
      await this.http.probe('query', { query: '1' }, this.healthTimeoutMs);
    });
  }

  /** An instant query (`/api/v1/query`) at `time` (Unix seconds), or now. */
  async instant(query: string, time?: number): Promise<PromResult> {
    const params: Record<string, string> = { query };
    if (time !== undefined) params.time = String(time);
    const answer = await this.http.read<{ resultType: PromResultType; result: unknown }>('query', params);
    return readResult(this.id, answer.data, answer.warnings);
  }

  /** A range query (`/api/v1/query_range`); the caller keeps it within MAX_POINTS_PER_SERIES. */
  async range(query: string, start: number, end: number, step: number): Promise<PromResult> {
    const answer = await this.queryRange(query, start, end, step);
    return readResult(this.id, answer.data, answer.warnings);
  }

  private queryRange(query: string, start: number, end: number, step: number) {
    return this.http.read<{ resultType: PromResultType; result: unknown }>('query_range', {
      query,
      start: String(start),
      end: String(end),
      step: String(step),
    });
  }

  /** A range query whose answer must be a matrix, as Prometheus wrote it. */
  private async matrix(query: string, start: number, end: number, step: number): Promise<RawMatrix> {
    const { data } = await this.queryRange(query, start, end, step);
    if (data.resultType !== 'matrix') throw new Error(`query_range answered a ${data.resultType}, not a matrix`);
    return data.result as RawMatrix;
  }

  /**
   * Bucket values of every series of a metric (prometheusSeries.ts): one query_range per
   * 11,000 buckets, issued together, joined by series.
   */
  async querySeries(request: PrometheusSeriesRequest): Promise<PrometheusSeries[]> {
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
    const joined = new Map<string, PrometheusSeries>();
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

  /**
   * Calendar bucket states (prometheusBuckets.ts): gauges from *_over_time at a step dividing
   * the buckets, counters (and histograms' and summaries' cumulative series) as exact increases
   * from raw samples. Prometheus holds no tenant's data of its own, so the tenant plays no part.
   */
  async queryBuckets(query: BucketQuery): Promise<BucketAnswer> {
    const counter = isCumulative(query.metric, await this.metricType(query.metric));
    const answer = await readBuckets(this, {
      selector: selector(query.metric, await this.pushdown(query.metric, query.filter ?? [])),
      series: query.series,
      buckets: query.buckets,
      counter,
      needFirst: query.needFirst ?? true,
      maxSeries: query.maxSeries,
      now: query.now ?? Math.floor(Date.now() / 1000),
    });
    return { states: answer.states, seriesCount: answer.seriesCount, levels: [answer.level], expired: false };
  }

  /** A metric's type: metadata (cached for a minute), else its name (metricTypes.ts). */
  async metricType(metric: string): Promise<PrometheusMetricType> {
    const now = Date.now();
    if (!this.types || this.types.until <= now) {
      const typed = await this.listMetrics();
      this.types = { byName: new Map(typed.map((entry) => [entry.name, entry.type])), until: now + 60_000 };
    }
    return this.types.byName.get(metric) ?? typeByName(metric, new Set());
  }

  private types: { byName: ReadonlyMap<string, PrometheusMetricType>; until: number } | null = null;

  /** Every metric name the server knows. */
  metricNames(): Promise<string[]> {
    return this.http.get<string[]>('label/__name__/values');
  }

  /** Every metric name the server knows, with its type (metadata, else naming conventions). */
  async listMetrics(): Promise<TypedMetric[]> {
    const [names, metadata] = await Promise.all([
      this.metricNames(),
      this.http.get<Record<string, MetadataEntry[]>>('metadata'),
    ]);
    return typeMetrics([...names].sort(), metadata);
  }

  /**
   * Label matchers that narrow a read by a tag filter (promql.ts), knowing the metric's real
   * label names (cached 30 s) so a tag name matches a label whatever its case. When the names
   * cannot be read, nothing is pushed down: the exact filter still applies, only less cheaply.
   */
  async pushdown(metric: string, filter: readonly TagPair[]): Promise<Matcher[]> {
    if (filter.length === 0) return [];
    const now = Date.now();
    let cached = this.labelCache.get(metric);
    if (!cached || cached.until <= now) {
      try {
        cached = { names: await this.labelNames(metric), until: now + 30_000 };
      } catch {
        return [];
      }
      if (this.labelCache.size > 10_000) this.labelCache.clear();
      this.labelCache.set(metric, cached);
    }
    return pushdownMatchers(filter, cached.names);
  }

  private readonly labelCache = new Map<string, { names: string[]; until: number }>();

  /** Label names, of one metric's series when `metric` is given (for building filters). */
  async labelNames(metric?: string | null): Promise<string[]> {
    const params: Params = metric ? { 'match[]': selector(metric) } : {};
    return (await this.http.get<string[]>('labels', params)).filter((name) => name !== '__name__');
  }

  /** The values of one label, among one metric's series when `metric` is given. */
  async labelValues(label: string, metric?: string | null): Promise<string[]> {
    // The name is a path segment: `..` or `a/b` would ask another endpoint.
    if (!isLabelName(label)) {
      throw new UserInputError(`"${label}" is not a Prometheus label name: a letter or _, then letters, digits or _`, {
        field: 'name',
      });
    }
    const params: Params = metric ? { 'match[]': selector(metric) } : {};
    return this.http.get<string[]>(`label/${encodeURIComponent(label)}/values`, params);
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
