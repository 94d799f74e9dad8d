/** Almanac's own time-series store on Redis (or Redis Cluster) as a backend. */
import type { Clock } from '../../clock.js';
import type { NativeBackendConfig } from '../../config/schema.js';
import { Store } from '../../store/store.js';
import { combineSeries } from '../../domain/bucketState.js';
import { UserInputError } from '../../errors.js';
import { measureHealth, type Backend, type BackendHealth, type BucketAnswer, type BucketQuery } from '../backend.js';
import { planBuckets, type PieceLevel } from './bucketPlan.js';
import { MetricCatalog } from './metricCatalog.js';
import { connectRedis, type RedisConnection } from './redisConnection.js';
import { SeriesIndex } from './seriesIndex.js';
import { SeriesStore } from './seriesStore.js';
import { retentionOf } from './seriesWritePlan.js';

const DAY = 86_400;

/** What every native backend shares: the key prefix of the deployment and the clock. */
export interface NativeContext {
  keyPrefix: string;
  clock: Clock;
}

export class NativeBackend implements Backend {
  readonly kind = 'native';
  readonly id: string;
  readonly redis: RedisConnection;
  /** Almanac's records kept in this Redis (used when this backend is the store). */
  readonly store: Store;
  readonly series: SeriesStore;
  readonly index: SeriesIndex;
  readonly metrics: MetricCatalog;

  private readonly clock: Clock;

  constructor(config: NativeBackendConfig, { keyPrefix, clock }: NativeContext) {
    this.clock = clock;
    this.id = config.id;
    this.redis = connectRedis(config);
    this.store = new Store(this.redis, keyPrefix);
    const days = config.retentionDays;
    this.series = new SeriesStore(this.redis, keyPrefix, {
      raw: days.raw * DAY,
      r900: days.r900 * DAY,
      r3600: days.r3600 * DAY,
      r86400: days.r86400 * DAY,
    });
    this.index = new SeriesIndex(this.store);
    this.metrics = new MetricCatalog(this.store, clock);
    // Connection errors surface through health and failed commands; an unhandled
    // 'error' event must not crash the process.
    this.redis.on('error', () => undefined);
  }

  /**
   * Calendar buckets from the rollups (bucketPlan.ts): each matching series' bucket states,
   * combined across series bucket by bucket (combineSeries). BEGINNING and END over several
   * series take the first (last) value of the series whose earliest (latest) sample is earliest
   * (latest), as exactly as the stored levels tell: rollups keep values, not the times of their
   * samples, so series whose first samples share one rollup bucket are taken in index order.
   */
  async queryBuckets({ tenant, metric, series, buckets, maxSeries }: BucketQuery): Promise<BucketAnswer> {
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
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
