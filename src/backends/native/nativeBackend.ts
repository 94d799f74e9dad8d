/** Almanac's own time-series store on Redis (or Redis Cluster) as a backend. */
import type { NativeBackendConfig } from '../../config/schema.js';
import { measureHealth, type Backend, type BackendHealth } from '../backend.js';
import { connectRedis, type RedisConnection } from './redisConnection.js';

export class NativeBackend implements Backend {
  readonly kind = 'native';
  readonly id: string;
  readonly redis: RedisConnection;

  constructor(config: NativeBackendConfig) {
    this.id = config.id;
    this.redis = connectRedis(config);
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
