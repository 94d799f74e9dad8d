import { randomUUID } from 'node:crypto';
/** Starts an in-process gateway on a free port against the harness's real backends. */
import { pino } from 'pino';
import { inject } from 'vitest';
import { startAlmanac, type RunningAlmanac } from '../../src/almanac.js';
import { configSchema, type BackendConfig } from '../../src/config/schema.js';

export const TEST_ADMIN_KEY = 'test-admin-api-key-0123456789abcdef';

export function harnessBackends(): BackendConfig[] {
  return [
    { id: 'native', kind: 'native', redis: { url: inject('redisUrl') }, commandTimeoutMs: 2_000 },
    { id: 'prometheus', kind: 'prometheus', url: inject('prometheusUrl'), timeoutMs: 5_000 },
  ];
}

export interface TestGateway extends RunningAlmanac {
  graphql(
    query: string,
    init?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function startTestGateway(backends: BackendConfig[] = harnessBackends()): Promise<TestGateway> {
  // A key prefix of its own keeps each gateway's records apart in the shared harness Redis.
  const keyPrefix = `test-${randomUUID().slice(0, 8)}`;
  const config = configSchema.parse({ server: { port: 0 }, adminApiKey: TEST_ADMIN_KEY, logLevel: 'silent', store: { keyPrefix }, backends });
  const almanac = await startAlmanac({
    config: { ...config, adminApiKey: TEST_ADMIN_KEY },
    logger: pino({ level: 'silent' }),
  });
  return {
    ...almanac,
    close: () => almanac.close(),
    graphql: (query, { variables, headers = {} } = {}) =>
      fetch(new URL('graphql', almanac.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
  };
}

/** A loopback URL where nothing listens, for a dead backend. */
export const DEAD_PROMETHEUS_URL = 'http://127.0.0.1:9';
