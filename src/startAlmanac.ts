/**
 * The composition root, `startAlmanac`: from a validated configuration to a listening gateway.
 * Builds the backends, the services and the HTTP server, and knows how to take them down in
 * order. It never touches the process (no signals, no exit, no environment): runGateway.ts adds
 * that for the command, and tests, benches and programs embedding Almanac call this directly.
 */
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticator.js';
import { JwtVerifier } from './auth/jwtVerifier.js';
import type { Backend, StoringBackend } from './backends/backend.js';
import { BackendRegistry } from './backends/backendRegistry.js';
import { closeRedis, connectRedis } from './redis/redisConnection.js';
import { systemClock, type Clock } from './clock.js';
import { publicUrlOf, type Config, type NativeBackendConfig } from './config/schema.js';
import { metricsToken } from './server/metricsToken.js';
import { createHttpServer } from './server/httpServer.js';
import { OutgoingTransactionRecorder } from './server/outgoingTransactionRecorder.js';
import { Telemetry } from './server/telemetry.js';
import { createServices } from './services/services.js';
import { UsageRecorder } from './services/usage/usageRecorder.js';
import { ConfigError } from './errors.js';
import { LimitBuckets } from './store/limitBuckets.js';
import { Store } from './store/store.js';
import { StoreHealth } from './store/storeHealth.js';

export interface RunningAlmanac {
  /** Where the gateway listens, e.g. `http://127.0.0.1:4000/`. */
  readonly url: string;
  /** PUBLIC_URL, always ending in "/". */
  readonly publicUrl: string;
  readonly metricsToken: string;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config & { adminApiKey: string };
  logger: Logger;
  clock?: Clock;
  /** Backends built by the caller, served beside the configured ones (a kind of the embedding program's own). */
  backends?: readonly Backend[];
}

export async function startAlmanac({
  config,
  logger,
  clock = systemClock,
  backends = [],
}: StartOptions): Promise<RunningAlmanac> {
  const storeConfig = storeBackendConfig(config);
  // Almanac's own records live in the store backend's Redis, on the connection that backend uses.
  const redis = connectRedis(storeConfig);
  const store = new Store(redis, config.store.keyPrefix);
  const storeHealth = new StoreHealth(redis, { logger });
  const outgoing = new OutgoingTransactionRecorder(logger);
  const registry = BackendRegistry.fromConfig(
    config.backends,
    {
      keyPrefix: config.store.keyPrefix,
      clock,
      recorder: outgoing,
      connections: new Map([[storeConfig.id, redis]]),
    },
    backends,
  );
  const measurements = storingBackend(registry, storeConfig.id);
  const closeBackends = async (): Promise<void> => {
    storeHealth.close();
    await registry.close();
    await closeRedis(redis);
  };
  const telemetry = new Telemetry();
  const services = createServices({
    registry,
    native: measurements,
    store,
    storeHealth,
    metricsRegistry: telemetry.processRegistry,
    clock,
    config,
  });
  outgoing.countInto(services.operationalMetrics);
  const usageRecorder = config.usage.enabled
    ? new UsageRecorder({
        write: (records) => services.usage.write(records),
        registry: telemetry.processRegistry,
        logger,
        bufferSize: config.usage.bufferSize,
        flushIntervalMs: config.usage.flushIntervalMs,
      })
    : null;
  let token = '';
  const authenticator = new Authenticator({
    adminApiKey: config.adminApiKey,
    tokens: services.tokens,
    jwt: config.auth.oidc ? new JwtVerifier(config.auth.oidc) : null,
  });
  const app = await createHttpServer({
    services,
    telemetry,
    logger,
    maxQueryTokens: config.server.maxQueryTokens,
    metricsToken: () => token,
    authenticator,
    allowAnonymous: config.auth.anonymous === 'loopback' && isLoopback(config.server.host),
    limits: config.limits,
    trustProxy: config.server.trustProxy,
    limitBuckets: new LimitBuckets(store),
    storeHealth,
    usageRecorder,
    clock,
  });
  try {
    await app.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    await usageRecorder?.close();
    await closeBackends();
    throw error;
  }
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.server.port;
  const url = publicUrlOf({ ...config.server, publicUrl: undefined }, port);
  const publicUrl = publicUrlOf(config.server, port);
  token = metricsToken(config.adminApiKey, publicUrl);

  return {
    url,
    publicUrl,
    metricsToken: token,
    async close() {
      await app.close();
      // After the last request was served, before Redis closes: what is buffered is written.
      await usageRecorder?.close();
      await closeBackends();
    },
  };
}

/** The native backend whose Redis keeps Almanac's records: `store.backend`, or the first native backend. */
function storeBackendConfig(config: Config): NativeBackendConfig {
  const natives = config.backends.filter((backend): backend is NativeBackendConfig => backend.kind === 'native');
  const chosen = config.store.backend ? natives.find((backend) => backend.id === config.store.backend) : natives[0];
  if (!chosen) {
    const problem = config.store.backend
      ? `no native backend "${config.store.backend}"`
      : 'Almanac keeps tokens and counters in Redis: configure a native backend (e.g. REDIS_URL)';
    throw new ConfigError([{ key: 'store.backend', source: 'configuration', problem }]);
  }
  return chosen;
}

/** The backend measurements are written to: the records' native backend. */
function storingBackend(registry: BackendRegistry, id: string): StoringBackend {
  const backend = registry.storing().find((candidate) => candidate.id === id);
  if (!backend) throw new Error(`backend "${id}" does not store measurements`);
  return backend;
}

/** Whether a listen address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
