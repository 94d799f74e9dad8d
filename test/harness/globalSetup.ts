/**
 * Starts a real redis-server and a real prometheus on free loopback ports for the test run
 * and stops them afterwards. Tests reach them through `inject('redisUrl')` and
 * `inject('prometheusUrl')`. Both are guarded processes: they die with the test runner.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { startPrometheusServer } from '../../src/stack/prometheusServer.js';
import { startRedisServer } from '../../src/stack/redisServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    prometheusUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'almanac-test-'));
  const logger = pino({ level: 'silent' });
  const [redis, prometheus] = await Promise.all([
    startRedisServer({ dataDir: join(dir, 'redis'), logger, appendOnly: false }),
    startPrometheusServer({ dataDir: join(dir, 'prometheus'), logger, scrapeIntervalSeconds: 1 }),
  ]);
  project.provide('redisUrl', redis.url);
  project.provide('prometheusUrl', prometheus.url);
  return async () => {
    await Promise.all([redis.stop(), prometheus.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
}
