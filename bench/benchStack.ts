/**
 * What every bench script starts: a fresh `redis-server` on a free loopback port (through the
 * same src/stack/redisServer.ts the embedded default uses) and an in-process gateway on it
 * (startAlmanac, as test/harness/gateway.ts does), authenticated with the operator key.
 *
 * The one rule: a bench measures one thing against a reference on the SAME Redis in the SAME
 * run, so everything here is started fresh per script and torn down at its end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startAlmanac, type RunningAlmanac } from '../src/startAlmanac.js';
import { MetricCatalog } from '../src/backends/native/metricCatalog.js';
import { SeriesIndex } from '../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../src/backends/native/seriesStore.js';
import { retentionFromDays } from '../src/backends/native/seriesWritePlan.js';
import { systemClock } from '../src/clock.js';
import { configSchema, type NativeBackendConfig } from '../src/config/schema.js';
import { Store } from '../src/store/store.js';
import { startRedisServer } from '../src/stack/redisServer.js';

export const BENCH_ADMIN_KEY = 'bench-admin-api-key-0123456789abcdef';
export const BENCH_KEY_PREFIX = 'bench';

const silent = pino({ level: 'silent' });

export interface BenchRedis {
  url: string;
  /** A plain client for references and INFO; not the gateway's connection. */
  client: Redis;
  stop(): Promise<void>;
}

/**
 * A fresh redis-server in a temporary directory. AOF is on (`everysec`), as the embedded
 * default runs it, unless BENCH_AOF=no.
 */
export async function startBenchRedis(): Promise<BenchRedis> {
  const dataDir = await mkdtemp(join(tmpdir(), 'almanac-bench-'));
  const appendOnly = process.env.BENCH_AOF !== 'no';
  const server = await startRedisServer({ dataDir, logger: silent, appendOnly });
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  return {
    url: server.url,
    client,
    async stop() {
      client.disconnect();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RetentionDays {
  raw: number;
  r900: number;
  r3600: number;
  r86400: number;
}

export interface BenchGatewayOptions {
  retentionDays?: RetentionDays;
  /** A Prometheus to add as backend `prometheus` (60 s timeout), beside the native one. */
  prometheusUrl?: string;
  /** Limits besides the ones set here (rate limits off, 16 MiB bodies). */
  limits?: Record<string, unknown>;
}

export interface BenchGateway extends RunningAlmanac {
  /** POSTs a body (already serialized) to a path with the operator key. */
  post(path: string, body: string, contentType?: string): Promise<Response>;
}

/** An in-process gateway on `redisUrl` (and a Prometheus if given): rate limits off, 16 MiB bodies, logs silent. */
export async function startBenchGateway(redisUrl: string, options: BenchGatewayOptions = {}): Promise<BenchGateway> {
  const config = configSchema.parse({
    adminApiKey: BENCH_ADMIN_KEY,
    logLevel: 'silent',
    store: { keyPrefix: BENCH_KEY_PREFIX },
    server: { port: 0 },
    backends: [
      {
        id: 'native',
        kind: 'native',
        redis: { url: redisUrl },
        commandTimeoutMs: 30_000,
        ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
      },
      ...(options.prometheusUrl
        ? [{ id: 'prometheus', kind: 'prometheus', url: options.prometheusUrl, timeoutMs: 60_000 }]
        : []),
    ],
    limits: { rateLimit: { enabled: false }, maxBodyBytes: 16 * 1_048_576, ...options.limits },
  });
  const almanac = await startAlmanac({ config: { ...config, adminApiKey: BENCH_ADMIN_KEY }, logger: silent });
  return {
    ...almanac,
    close: () => almanac.close(),
    post: (path, body, contentType = 'application/json') =>
      fetch(new URL(path, almanac.url), {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${BENCH_ADMIN_KEY}` },
        body,
      }),
  };
}

/** Fields of one INFO section as numbers (where they are numbers). */
export async function redisInfo(client: Redis, section: string): Promise<Map<string, string>> {
  const text = await client.info(section);
  const fields = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

/** CPU seconds (user + sys) the redis-server process has used so far. */
export async function redisCpuSeconds(client: Redis): Promise<number> {
  const cpu = await redisInfo(client, 'cpu');
  return Number(cpu.get('used_cpu_user')) + Number(cpu.get('used_cpu_sys'));
}

/** `redis-server --version`'s numbers, from INFO. */
export async function redisVersion(client: Redis): Promise<string> {
  return (await redisInfo(client, 'server')).get('redis_version') ?? 'unknown';
}

export interface NativeParts {
  series: SeriesStore;
  index: SeriesIndex;
  catalog: MetricCatalog;
}

/**
 * The native store's own parts over `client`, as the gateway's native backend builds them: for
 * benches that time a stage inside the backend (a store read) or load data past its interface.
 */
export function nativeParts(client: Redis, config: NativeBackendConfig): NativeParts {
  const keys = new Store(client, BENCH_KEY_PREFIX);
  return {
    series: new SeriesStore(client, BENCH_KEY_PREFIX, retentionFromDays(config.retentionDays)),
    index: new SeriesIndex(keys),
    catalog: new MetricCatalog(keys, systemClock),
  };
}
