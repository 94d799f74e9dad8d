/**
 * Get-and-reset under load: every increment must land in exactly one snapshot. Each test adds
 * a known number of increments while resetting over and over, then proves that the snapshots
 * plus the final read add up to exactly what was added — nothing lost, nothing counted twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestScope } from '../../src/auth/principal.js';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import {
  MAX_SUBSERVICES_PER_SERVICE,
  OperationalMetricsService,
} from '../../src/services/operationalMetricsService.js';
import { OperationalCounters } from '../../src/store/operationalCounters.js';
import { Store } from '../../src/store/store.js';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { harnessRedis } from '../harness/redis.js';
import {
  adminMetrics,
  readTree,
  readTreeWhen,
  scopedGraphql,
  serviceCount,
  type MetricsTree,
} from '../harness/operationalMetrics.js';

const OPERATOR: RequestScope = {
  principal: { kind: 'operator', id: null, name: 'admin', role: 'admin', tenant: 'default', environment: null },
  tenant: 'default',
  subservice: '/',
};

/** Runs `workers` loops that share `total` jobs; resolves when all are done. */
async function inParallel(workers: number, total: number, job: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) await job(next++);
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/** Calls `take` again and again until `done` settles; returns what each call took. */
async function takeUntil<T>(done: Promise<unknown>, take: () => Promise<T>): Promise<T[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const taken: T[] = [];
  while (!finished) taken.push(await take());
  return taken;
}

describe('over HTTP, with two replicas sharing one tree', () => {
  let first: TestGateway;
  let second: TestGateway;
  beforeAll(async () => {
    // The load is far beyond the operator's default rate limit, which is not what is tested here.
    const config = { limits: { rateLimit: { enabled: false } } };
    first = await startTestGateway(undefined, { config });
    second = await startTestGateway(undefined, { keyPrefix: first.keyPrefix, config });
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('2,000 requests from 8 clients are each in exactly one GET ?reset=true snapshot or the final read', async () => {
    const requests = 2_000;
    const load = inParallel(8, requests, (index) =>
      scopedGraphql(index % 2 ? first : second, 'load', index % 3 ? '/a' : '/b').then((response) => response.text()),
    );
    const [snapshots] = await Promise.all([
      takeUntil(load, async () => {
        const response = await adminMetrics(first, 'GET', '?reset=true');
        expect(response.status).toBe(200);
        return serviceCount((await response.json()) as MetricsTree, 'load');
      }),
      load,
    ]);

    const taken = snapshots.reduce((sum, count) => sum + count, 0);
    await readTreeWhen(first, (tree) => taken + serviceCount(tree, 'load') >= requests);
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything counted twice would land by now
    const final = serviceCount(await readTree(second), 'load');

    expect(snapshots.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3); // resets ran during the load
    expect(taken + final).toBe(requests);
  });
});

describe('in the service, resetting one service while two are counted', () => {
  let redis: RedisConnection;
  let metrics: OperationalMetricsService;
  beforeAll(() => {
    redis = harnessRedis();
    metrics = new OperationalMetricsService(
      new OperationalCounters(new Store(redis, `test-${randomUUID().slice(0, 8)}`)),
    );
  });
  afterAll(async () => {
    await redis.quit();
  });

  it("takes every increment of the reset service exactly once and leaves the other's untouched", async () => {
    const recordings = 5_000;
    let bytesToA = 0;
    let bytesToB = 0;
    const load = inParallel(16, recordings, async (index) => {
      const service = index % 2 ? 'a' : 'b';
      const bytes = (index % 7) + 1;
      if (service === 'a') bytesToA += bytes;
      else bytesToB += bytes;
      await metrics.recordMany(
        { tenant: service, subservice: index % 3 ? '/x' : '/' },
        { incomingTransactions: 1, incomingTransactionRequestSize: bytes },
      );
    });
    const [snapshots] = await Promise.all([takeUntil(load, () => metrics.readAndReset(OPERATOR, 'a')), load]);

    const final = await metrics.read(OPERATOR);
    const sumOf = (counter: 'incomingTransactions' | 'incomingTransactionRequestSize'): number =>
      snapshots.reduce((sum, snapshot) => sum + (snapshot.sum[counter] ?? 0), 0) +
      (final.services.find((service) => service.name === 'a')?.sum[counter] ?? 0);

    expect(snapshots.filter((snapshot) => snapshot.services.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(snapshots.every((snapshot) => snapshot.services.every((service) => service.name === 'a'))).toBe(true);
    expect(sumOf('incomingTransactions')).toBe(recordings / 2);
    expect(sumOf('incomingTransactionRequestSize')).toBe(bytesToA);
    const b = final.services.find((service) => service.name === 'b')?.sum;
    expect(b).toEqual({ incomingTransactions: recordings / 2, incomingTransactionRequestSize: bytesToB });
  });
});

describe('bounded counters', () => {
  it(`a service counts at most ${MAX_SUBSERVICES_PER_SERVICE} subservices; further ones are ignored, and a reset frees the room`, async () => {
    const redis = harnessRedis();
    try {
      const service = new OperationalMetricsService(
        new OperationalCounters(new Store(redis, `test-${randomUUID().slice(0, 8)}`)),
      );
      for (let i = 0; i < MAX_SUBSERVICES_PER_SERVICE + 5; i++) {
        await service.record({ tenant: 'crowded', subservice: `/s${i}` }, 'incomingTransactions', 1);
      }
      const operator: RequestScope = {
        principal: { kind: 'operator', id: null, name: 'admin', role: 'admin', tenant: 'default', environment: null },
        tenant: 'default',
        subservice: '/',
      };
      const tree = await service.readAndReset(operator, 'crowded');
      expect(tree.services[0]?.subservices).toHaveLength(MAX_SUBSERVICES_PER_SERVICE);
      await service.record({ tenant: 'crowded', subservice: '/late' }, 'incomingTransactions', 1);
      expect((await service.read(operator, 'crowded')).services[0]?.subservices.map((entry) => entry.name)).toEqual([
        '/late',
      ]);
    } finally {
      await redis.quit();
    }
  }, 60_000);
});
