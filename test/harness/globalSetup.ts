/**
 * Starts a real redis-server and a real prometheus on free loopback ports for the test run
 * and stops them afterwards. Tests reach them through `inject('redis')` (the native backend's
 * `redis` setting; harnessBackends() and harnessRedis() use it) and `inject('prometheusUrl')`.
 * Two more prometheus servers serve fixed data backfilled from prometheusFixtures.ts, without
 * scraping: `inject('prometheusFixtureAUrl')` (the reference's metrics) and
 * `inject('prometheusFixtureBUrl')` (another subset, and awkward label values).
 * All are guarded processes: they die with the test runner.
 *
 * The `integration` project gets one redis-server; `integration-cluster` (globalSetupCluster.ts)
 * runs the same tests against a 3-node Redis Cluster instead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { TestProject } from 'vitest/node';
import { startPrometheusServer, type LocalPrometheus } from '../../src/stack/prometheusServer.js';
import { startRedisCluster, type ClusterNode } from './redisCluster.js';
import { startRedisServer } from '../../src/stack/redisServer.js';
import { backfillFixture, FIXTURE_A, FIXTURE_B, type Fixture } from './prometheusFixtures.js';

/** Where the harness Redis is, in the form of a native backend's `redis` setting. */
export type HarnessRedisTarget = { url: string } | { cluster: ClusterNode[] };

declare module 'vitest' {
  export interface ProvidedContext {
    redis: HarnessRedisTarget;
    prometheusUrl: string;
    prometheusFixtureAUrl: string;
    prometheusFixtureBUrl: string;
  }
}

export type RedisTopology = 'server' | 'cluster';

export async function startHarness(project: TestProject, topology: RedisTopology): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'almanac-test-'));
  const logger = pino({ level: 'silent' });
  const [redis, prometheus, fixtureA, fixtureB] = await Promise.all([
    topology === 'cluster'
      ? startRedisCluster({ dataDir: join(dir, 'redis'), logger })
      : startRedisServer({ dataDir: join(dir, 'redis'), logger, appendOnly: false }),
    startPrometheusServer({ dataDir: join(dir, 'prometheus'), logger, scrapeIntervalSeconds: 1 }),
    startFixturePrometheus(FIXTURE_A, dir, logger),
    startFixturePrometheus(FIXTURE_B, dir, logger),
  ]);
  project.provide('redis', 'nodes' in redis ? { cluster: [...redis.nodes] } : { url: redis.url });
  project.provide('prometheusUrl', prometheus.url);
  project.provide('prometheusFixtureAUrl', fixtureA.url);
  project.provide('prometheusFixtureBUrl', fixtureB.url);
  return async () => {
    await Promise.all([redis.stop(), prometheus.stop(), fixtureA.stop(), fixtureB.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
}

/** A prometheus over the fixture's backfilled data: no scraping, and a retention that keeps it all. */
async function startFixturePrometheus(fixture: Fixture, dir: string, logger: Logger): Promise<LocalPrometheus> {
  const dataDir = join(dir, fixture.name);
  const file = join(dir, `${fixture.name}.om`);
  await backfillFixture(fixture, file, join(dataDir, 'tsdb'));
  await rm(file);
  return startPrometheusServer({ dataDir, logger, scrapeSelf: false, retention: '100y' });
}

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startHarness(project, 'server');
}
