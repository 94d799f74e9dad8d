import { randomUUID } from 'node:crypto';
/** Starts an in-process gateway on a free port against the harness's real backends. */
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { startAlmanac, type RunningAlmanac } from '../../src/startAlmanac.js';
import type { Backend } from '../../src/backends/backend.js';
import type { Clock } from '../../src/clock.js';
import { configSchema, type BackendConfigInput } from '../../src/config/schema.js';
import type { HarnessRedisTarget } from './globalSetup.js';
import { harnessRedisTarget } from './redis.js';

export const TEST_ADMIN_KEY = 'test-admin-api-key-0123456789abcdef';

export function harnessBackends(): BackendConfigInput[] {
  return [
    { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000 },
    { id: 'prometheus', kind: 'prometheus', url: inject('prometheusUrl'), timeoutMs: 5_000 },
  ];
}

/** The harness backends with the native one on another Redis (a test's own, to stop at will). */
export function backendsOnRedis(redis: HarnessRedisTarget, commandTimeoutMs: number): BackendConfigInput[] {
  return harnessBackends().map((backend) =>
    backend.kind === 'native' ? { ...backend, redis, commandTimeoutMs } : backend,
  );
}

export interface GraphQLInit {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The API token to send as a bearer token; default the operator's ADMIN_API_KEY, null for none. */
  token?: string | null;
}

export interface TestGateway extends RunningAlmanac {
  /** The prefix of every key this gateway writes; another gateway given it shares its records. */
  keyPrefix: string;
  graphql(query: string, init?: GraphQLInit): Promise<Response>;
}

export interface TestGatewayOptions {
  /** Share another gateway's records, as replicas do. */
  keyPrefix?: string;
  /** Settings merged into the test configuration (e.g. `{ server: { host: '0.0.0.0' } }`). */
  config?: Record<string, unknown>;
  /** The gateway's "now" (default the system clock): a clock the test sets makes calendars exact. */
  clock?: Clock;
  /** Backends built by the test, served beside the configured ones (a kind of the test's own). */
  extraBackends?: Backend[];
  /** Where the gateway logs (default nowhere): a test that reads the log lines passes its own. */
  logger?: Logger;
}

export async function startTestGateway(
  backends: BackendConfigInput[] = harnessBackends(),
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  // A key prefix of its own keeps each gateway's records apart in the shared harness Redis.
  const keyPrefix = options.keyPrefix ?? `test-${randomUUID().slice(0, 8)}`;
  const { server, ...rest } = options.config ?? {};
  const config = configSchema.parse({
    adminApiKey: TEST_ADMIN_KEY,
    logLevel: 'silent',
    store: { keyPrefix },
    backends,
    ...rest,
    server: { port: 0, ...(server as object | undefined) },
  });
  const almanac = await startAlmanac({
    config: { ...config, adminApiKey: TEST_ADMIN_KEY },
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.extraBackends ? { backends: options.extraBackends } : {}),
  });
  return {
    ...almanac,
    keyPrefix,
    close: () => almanac.close(),
    graphql: (query, { variables, headers = {}, token = TEST_ADMIN_KEY } = {}) =>
      fetch(new URL('graphql', almanac.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      }),
  };
}

/** A loopback URL where nothing listens, for a dead backend. */
export const DEAD_PROMETHEUS_URL = 'http://127.0.0.1:9';

/** The gateway's self-metrics, as `/metrics` serves them to a scrape with its token. */
export async function scrapeSelfMetrics(gateway: RunningAlmanac): Promise<string> {
  const response = await fetch(new URL('metrics', gateway.url), {
    headers: { authorization: `Basic ${Buffer.from(`admin:${gateway.metricsToken}`).toString('base64')}` },
  });
  return response.text();
}
