/** Almanac's own time-series store on Redis (or Redis Cluster) as a backend. */
import type { Clock } from '../../clock.js';
import type { NativeBackendConfig } from '../../config/schema.js';
import { Store } from '../../store/store.js';
import { measureHealth, type Backend, type BackendHealth } from '../backend.js';
import { MetricCatalog } from './metricCatalog.js';
import { connectRedis, type RedisConnection } from './redisConnection.js';
import { SeriesIndex } from './seriesIndex.js';
import { SeriesStore } from './seriesStore.js';

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

  constructor(config: NativeBackendConfig, { keyPrefix, clock }: NativeContext) {
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
