/**
 * Almanac's own time-series store on Redis (or Redis Cluster) as a backend: metrics from its
 * catalog, series from its index and stored levels, calendar buckets from its rollups, and a
 * write side (nativeMeasurementStore.ts). Its parts — catalog, index, series store — are its
 * own; everything above reaches them through the Backend interface.
 */
import type { Clock } from '../../clock.js';
import type { NativeBackendConfig } from '../../config/schema.js';
import { Store } from '../../store/store.js';
import { combineSeries } from '../../domain/bucketState.js';
import { viewOfRecord, type MetricView } from '../../domain/metricRecord.js';
import type { QuerySummary } from '../../domain/seriesAggregation.js';
import { NotFoundError, UserInputError } from '../../errors.js';
import {
  measureHealth,
  type Backend,
  type BackendHealth,
  type BucketAnswer,
  type BucketQuery,
  type ResultSeries,
  type SeriesMetric,
  type SeriesRead,
} from '../backend.js';
import { mapFailures, unavailable } from '../backendFailure.js';
import { planBuckets, type PieceLevel } from './bucketPlan.js';
import { MetricCatalog } from './metricCatalog.js';
import { NativeMeasurementStore } from './nativeMeasurementStore.js';
import { attributeSummary, NativeSeries } from './nativeSeries.js';
import { closeRedis, connectRedis, type RedisConnection } from '../../redis/redisConnection.js';
import { SeriesIndex } from './seriesIndex.js';
import { SeriesStore } from './seriesStore.js';
import { retentionFromDays, retentionOf } from './seriesWritePlan.js';

/** Every summary function: the native store keeps whole bucket states. */
const SUMMARIES: readonly QuerySummary[] = [
  'sum',
  'min',
  'max',
  'count',
  'mean',
  'first',
  'last',
  'stddev',
  'derivative',
  'all',
];

/** What every native backend shares: the key prefix of the deployment and the clock. */
export interface NativeContext {
  keyPrefix: string;
  clock: Clock;
  /**
   * Connections opened by the caller, by backend id: such a backend uses that one (the Redis
   * Almanac's own records are kept in, so one connection serves both and `/readyz` probes it)
   * and leaves closing it to the caller. Others open and close their own.
   */
  connections?: ReadonlyMap<string, RedisConnection>;
}

export class NativeBackend implements Backend {
  readonly kind = 'native';
  readonly id: string;
  readonly summaries = SUMMARIES;
  readonly store: NativeMeasurementStore;

  private readonly redis: RedisConnection;
  private readonly ownsConnection: boolean;
  private readonly series: SeriesStore;
  private readonly index: SeriesIndex;
  private readonly catalog: MetricCatalog;
  private readonly reader: NativeSeries;
  private readonly clock: Clock;

  constructor(config: NativeBackendConfig, { keyPrefix, clock, connections }: NativeContext) {
    this.clock = clock;
    this.id = config.id;
    const given = connections?.get(config.id);
    this.ownsConnection = !given;
    this.redis = given ?? connectRedis(config);
    const keys = new Store(this.redis, keyPrefix);
    this.series = new SeriesStore(this.redis, keyPrefix, retentionFromDays(config.retentionDays));
    this.index = new SeriesIndex(keys);
    this.catalog = new MetricCatalog(keys, clock);
    this.reader = new NativeSeries(this.id, this.index, this.series);
    this.store = new NativeMeasurementStore(this.id, this.catalog, this.index, this.series);
  }

  /** Metric names are case-insensitive: kept lower-cased (the reference). */
  metricName(name: string): string {
    return name.toLowerCase();
  }

  metricNames(tenant: string): Promise<string[]> {
    return this.call(() => this.catalog.names(tenant));
  }

  describeMetrics(tenant: string, names: readonly string[]): Promise<(MetricView | null)[]> {
    return this.call(async () =>
      (await this.catalog.getMany(tenant, names)).map((record) => (record ? viewOfRecord(this.id, record) : null)),
    );
  }

  /** Tag names of the metric's series, sorted. */
  labelNames(tenant: string, metric: string): Promise<string[]> {
    return this.call(async () => {
      const series = await this.index.list(tenant, metric);
      return [...new Set(series.flatMap((entry) => entry.tags.map(([name]) => name)))].sort();
    });
  }

  /** The values of a tag among the metric's series (tag names are lower-cased, as stored). */
  labelValues(tenant: string, metric: string, label: string): Promise<string[]> {
    return this.call(async () => {
      const series = await this.index.list(tenant, metric);
      const name = label.toLowerCase();
      return [...new Set(series.flatMap((entry) => entry.tags.filter(([tag]) => tag === name).map(([, v]) => v)))];
    });
  }

  seriesMetric(tenant: string, metric: string): Promise<SeriesMetric | null> {
    return this.call(async () => {
      const record = await this.catalog.get(tenant, metric);
      if (!record) return null;
      return {
        name: record.name,
        summary: attributeSummary(record),
        resolution: (window, asked, now, maxPoints) => this.reader.resolution(window, asked, record, now, maxPoints),
      };
    });
  }

  querySeries(read: SeriesRead): Promise<ResultSeries[]> {
    return this.call(() => this.reader.read(read));
  }

  /**
   * Calendar buckets from the rollups (bucketPlan.ts): each matching series' bucket states,
   * combined across series bucket by bucket (combineSeries). BEGINNING and END over several
   * series take the first (last) value of the series whose earliest (latest) sample is earliest
   * (latest), as exactly as the stored levels tell: rollups keep values, not the times of their
   * samples, so series whose first samples share one rollup bucket are taken in index order.
   */
  queryBuckets({ tenant, metric, series, buckets, maxSeries, internal }: BucketQuery): Promise<BucketAnswer> {
    return this.call(async () => {
      if (!internal && (await this.catalog.get(tenant, metric)) === null) {
        throw new NotFoundError(`no metric "${metric}" in this tenant`, { metric });
      }
      const matching = (await this.index.list(tenant, metric)).filter((entry) => series(new Map(entry.tags)));
      if (matching.length > maxSeries) {
        throw new UserInputError(
          `${matching.length} series of "${metric}" match (limit ${maxSeries}): narrow the filter`,
          { limit: 'maxSeriesPerQuery', max: maxSeries, actual: matching.length },
        );
      }
      const now = Math.floor(this.clock.now().getTime() / 1000);
      const plan = planBuckets(buckets, (level) => now - this.retentionOf(level));
      const perSeries = await Promise.all(
        matching.map((entry) => this.series.readTimedBuckets(tenant, entry.id, plan.readable, buckets.length)),
      );
      const states = buckets.map((_bucket, index) => combineSeries(perSeries.map((timed) => timed[index])));
      // With no series matching nothing was read: no level composed the buckets (schema: NONE).
      const read = matching.length > 0;
      return {
        states,
        seriesCount: matching.length,
        levels: read ? plan.levels.map(String) : [],
        expired: read && plan.expired,
      };
    });
  }

  private retentionOf(level: PieceLevel): number {
    const { retention } = this.series;
    return level === 'raw' ? retention.raw : retentionOf(retention, level);
  }

  checkHealth(): Promise<BackendHealth> {
    return measureHealth(async () => {
      const reply = await this.redis.ping();
      if (reply !== 'PONG') throw new Error(`unexpected PING reply "${reply}"`);
    });
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await closeRedis(this.redis);
  }

  private call<T>(run: () => Promise<T>): Promise<T> {
    return mapFailures(run, (error) => unavailable(this.id, error));
  }
}
