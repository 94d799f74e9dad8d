/**
 * The composition root: from a validated configuration to a listening gateway. Builds the
 * backends, the services and the HTTP server, and knows how to take them down in order.
 */
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticator.js';
import { JwtVerifier } from './auth/jwtVerifier.js';
import { BackendRegistry } from './backends/backendRegistry.js';
import { systemClock, type Clock } from './clock.js';
import { publicUrlOf, type Config } from './config/schema.js';
import { metricsToken } from './server/metricsToken.js';
import { createHttpServer } from './server/httpServer.js';
import { OutgoingTransactionRecorder } from './server/outgoingTransactionRecorder.js';
import { Telemetry } from './server/telemetry.js';
import { createServices } from './services/services.js';
import { UsageRecorder } from './services/usage/usageRecorder.js';
import type { NativeBackend } from './backends/native/nativeBackend.js';
import { ConfigError } from './errors.js';

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
}

export async function startAlmanac({ config, logger, clock = systemClock }: StartOptions): Promise<RunningAlmanac> {
  const outgoing = new OutgoingTransactionRecorder(logger);
  const registry = BackendRegistry.fromConfig(config.backends, { keyPrefix: config.store.keyPrefix, clock }, outgoing);
  const storeBackend = openStore(config, registry);
  const store = storeBackend.store;
  const services = createServices({ registry, native: storeBackend, store, clock, config });
  outgoing.countInto(services.operationalMetrics);
  const telemetry = new Telemetry();
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
    store,
    usageRecorder,
    clock,
  });
  try {
    await app.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    await usageRecorder?.close();
    await registry.close();
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
      await registry.close();
    },
  };
}

/** The Redis where Almanac keeps its own records: `store.backend`, or the first native backend. */
function openStore(config: Config, registry: BackendRegistry): NativeBackend {
  const natives = registry.natives();
  const chosen = config.store.backend ? natives.find((backend) => backend.id === config.store.backend) : natives[0];
  if (!chosen) {
    const problem = config.store.backend
      ? `no native backend "${config.store.backend}"`
      : 'Almanac keeps tokens and counters in Redis: configure a native backend (e.g. REDIS_URL)';
    throw new ConfigError([{ key: 'store.backend', source: 'configuration', problem }]);
  }
  return chosen;
}

/** Whether a listen address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
