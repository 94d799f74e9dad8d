/**
 * Redis connections for the native store: a single server or a Redis Cluster.
 *
 * ioredis's defaults turn a dead Redis into a long hang and a stalled one into an unbounded
 * wait. Here every command has a timeout, a command is retried at most once on reconnect
 * (ingest is idempotent, so a resent write is harmless), and reconnects back off to 2 s.
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { NativeBackendConfig } from '../../config/schema.js';

export type RedisConnection = Redis | Cluster;

export function connectRedis(config: NativeBackendConfig): RedisConnection {
  const common: RedisOptions = {
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: Math.max(config.commandTimeoutMs, 2_000),
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: false,
  };
  if ('url' in config.redis) return new Redis(config.redis.url, common);

  const { cluster, username, password, tls } = config.redis;
  return new Cluster(cluster, {
    redisOptions: { ...common, username, password, ...(tls ? { tls: {} } : {}) },
    clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}
