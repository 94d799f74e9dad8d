/**
 * Redis connections, to a single server or a Redis Cluster: the native backends' and the one
 * Almanac's own records (store/) are kept on. Below both, so neither imports the other for it.
 *
 * ioredis's defaults turn a dead Redis into a long hang and a stalled one into an unbounded
 * wait. Here every command has a timeout, a command is retried at most once on reconnect
 * (ingest is idempotent, so a resent write is harmless), and reconnects back off to 2 s.
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { NativeBackendConfig } from '../config/schema.js';

export type RedisConnection = Redis | Cluster;

/**
 * A connection to the configured Redis. Connection errors surface through health checks and
 * failed commands; its 'error' events are swallowed here, since an unhandled one would crash
 * the process.
 */
export function connectRedis(config: NativeBackendConfig): RedisConnection {
  const connection = openRedis(config);
  connection.on('error', () => undefined);
  return connection;
}

/** Closes a connection: QUIT when Redis answers, else at once. */
export async function closeRedis(connection: RedisConnection): Promise<void> {
  await connection.quit().catch(() => connection.disconnect());
}

function openRedis(config: NativeBackendConfig): RedisConnection {
  const common = {
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: Math.max(config.commandTimeoutMs, 2_000),
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    lazyConnect: false,
  } satisfies RedisOptions;
  if ('url' in config.redis) return new Redis(config.redis.url, common);

  const { cluster, username, password, tls } = config.redis;
  return new TimedCluster(cluster, {
    redisOptions: { ...common, username, password, ...(tls ? { tls: {} } : {}) },
    clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}

/**
 * A Cluster client whose commands time out as a single server's do. ioredis arms
 * `commandTimeout` only when a command reaches a node's connection; while the cluster is not
 * ready (every node down, or still connecting), commands wait in the Cluster's own offline
 * queue with no timer at all (redis/ioredis#1604), so every request would hang until Redis
 * came back. Arming the timer on entry bounds a command's whole life, as `Redis.sendCommand`
 * does for a single server; the node's own arming is then a no-op.
 */
class TimedCluster extends Cluster {
  override sendCommand(...args: Parameters<Cluster['sendCommand']>): unknown {
    const [command] = args;
    const timeout = this.options.redisOptions?.commandTimeout;
    if (typeof timeout === 'number') command.setTimeout(timeout);
    return super.sendCommand(...args);
  }
}
