/**
 * The embedded default: with no backends configured, Almanac runs its own Redis and
 * Prometheus under `dataDir` and registers them as backends `native` and `prometheus`.
 * Both are guarded processes, so they stop when Almanac stops, however it stops.
 */
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { backendSchema, type BackendConfig } from '../config/schema.js';
import { startPrometheusServer, type GatewayScrape, type LocalPrometheus } from './prometheusServer.js';
import { startRedisServer, type LocalServer } from './redisServer.js';

export interface EmbeddedStack {
  readonly backends: BackendConfig[];
  readonly redis: LocalServer;
  readonly prometheus: LocalPrometheus;
  scrapeGateway(scrape: GatewayScrape): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedStack(dataDir: string, logger: Logger): Promise<EmbeddedStack> {
  const root = resolve(dataDir);
  const [redis, prometheus] = await Promise.allSettled([
    startRedisServer({ dataDir: join(root, 'redis'), logger }),
    startPrometheusServer({ dataDir: join(root, 'prometheus'), logger }),
  ]);
  if (redis.status === 'rejected' || prometheus.status === 'rejected') {
    await Promise.all(
      [redis, prometheus].map((started) => (started.status === 'fulfilled' ? started.value.stop() : undefined)),
    );
    const failure = redis.status === 'rejected' ? redis.reason : (prometheus as PromiseRejectedResult).reason;
    throw new Error(`could not start the embedded backends: ${(failure as Error).message}`, { cause: failure });
  }
  logger.info({ redis: redis.value.url, prometheus: prometheus.value.url }, 'embedded backends started');
  return {
    backends: [
      backendSchema.parse({ id: 'native', kind: 'native', redis: { url: redis.value.url } }),
      backendSchema.parse({ id: 'prometheus', kind: 'prometheus', url: prometheus.value.url }),
    ],
    redis: redis.value,
    prometheus: prometheus.value,
    scrapeGateway: (scrape) => prometheus.value.scrapeGateway(scrape),
    async stop() {
      await Promise.all([redis.value.stop(), prometheus.value.stop()]);
    },
  };
}
