/** Almanac's own time-series store on Redis (or Redis Cluster) as a backend. */
import type { Clock } from '../../clock.js';
import type { NativeBackendConfig } from '../../config/schema.js';
import { Store } from '../../store/store.js';
import { combine, EMPTY, type BucketState } from '../../domain/bucketState.js';
import { UserInputError } from '../../errors.js';
import { measureHealth, type Backend, type BackendHealth, type BucketAnswer, type BucketQuery } from '../backend.js';
import { planBuckets, type PieceLevel } from './bucketPlan.js';
import { MetricCatalog } from './metricCatalog.js';
import { connectRedis, type RedisConnection } from './redisConnection.js';
import { SeriesIndex } from './seriesIndex.js';
import { SeriesStore, type TimedState } from './seriesStore.js';
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

/**
 * One bucket's states of several series as one: counts, sums and extremes combine in any order,
 * but the first value is the series' whose first value was found earliest and the last the one
 * found latest; ties (one rollup bucket, or one second) go to the earlier series for the first
 * and the later for the last, as `combine` does.
 */
function combineSeries(timed: readonly (TimedState | undefined)[]): BucketState {
  let total: BucketState = EMPTY;
  let first = { at: Number.POSITIVE_INFINITY, value: Number.NaN };
  let last = { at: Number.NEGATIVE_INFINITY, value: Number.NaN };
  for (const entry of timed) {
    if (!entry || entry.state.count === 0) continue;
    total = combine(total, entry.state);
    if (entry.firstAt < first.at) first = { at: entry.firstAt, value: entry.state.first };
    if (entry.lastAt >= last.at) last = { at: entry.lastAt, value: entry.state.last };
  }
  return total.count === 0 ? EMPTY : { ...total, first: first.value, last: last.value };
}
