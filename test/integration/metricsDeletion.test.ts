/**
 * Deleting metrics over GraphQL removes their stored points too (reference, "Delete a Metric"),
 * and a tenant never sees, changes or deletes another tenant's metrics. Points are written
 * through submitMeasurements and read back straight from the store, so "deleted" means gone
 * from Redis, not merely unlisted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriesIdOf } from '../../src/backends/native/seriesIndex.js';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import {
  inTenant,
  metricNamed,
  metricNames,
  nativeStoreOf,
  submitPoints,
  upsertMetric,
  type NativeStoreView,
} from '../harness/metrics.js';
import { createToken } from '../harness/tokens.js';

const DAY = 86_400;
const TIME = Math.floor(Date.now() / 1000) - 600;
let gateway: TestGateway;
let native: NativeStoreView;

beforeAll(async () => {
  gateway = await startTestGateway(undefined, { config: { limits: { rateLimit: { enabled: false } } } });
  native = nativeStoreOf(gateway);
});
afterAll(async () => {
  await native.redis.quit();
  await gateway.close();
});

/** How many raw points and 15-minute buckets one series holds around TIME. */
async function storedPoints(tenant: string, metric: string, host: string): Promise<number> {
  const id = seriesIdOf(metric, [['host', host]]);
  const raw = await native.points.read(tenant, id, 'raw', TIME - DAY, TIME + DAY);
  const rolled = await native.points.read(tenant, id, 900, TIME - DAY, TIME + DAY);
  return raw.length + rolled.length;
}

const DELETE = 'mutation ($names: [String!], $pattern: String) { deleteMetrics(names: $names, pattern: $pattern) }';
const deleteMetrics = (tenant: string, selection: Record<string, unknown>, token?: string) =>
  inTenant<{ deleteMetrics: string[] }>(gateway, tenant, DELETE, selection, token);

describe('deleteMetrics', () => {
  it('removes the metric, its series and every stored point, and leaves other metrics whole', async () => {
    await submitPoints(gateway, 'del', 'doomed', [{ host: 'a' }, { host: 'b' }], TIME);
    await submitPoints(gateway, 'del', 'kept', [{ host: 'a' }], TIME);
    expect(await storedPoints('del', 'doomed', 'a')).toBe(2);
    expect(await storedPoints('del', 'doomed', 'b')).toBe(2);

    const result = await deleteMetrics('del', { names: ['DOOMED', 'never.existed'] });
    expect(result.data?.deleteMetrics).toEqual(['doomed']);
    expect(await metricNamed(gateway, 'del', 'doomed')).toBeNull();
    expect(await native.index.list('del', 'doomed')).toEqual([]);
    expect(await storedPoints('del', 'doomed', 'a')).toBe(0);
    expect(await storedPoints('del', 'doomed', 'b')).toBe(0);
    expect(await storedPoints('del', 'kept', 'a')).toBe(2);
    expect(await metricNames(gateway, 'del')).toEqual(['kept']);
  });

  it('a measurement sent after the deletion creates the metric anew, with only the new points', async () => {
    await submitPoints(gateway, 'del', 'reborn', [{ host: 'a' }], TIME - 3_600);
    await deleteMetrics('del', { names: ['reborn'] });
    await submitPoints(gateway, 'del', 'reborn', [{ host: 'a' }], TIME);
    const raw = await native.points.read('del', seriesIdOf('reborn', [['host', 'a']]), 'raw', TIME - DAY, TIME + DAY);
    expect(raw.map((point) => point.time)).toEqual([TIME]);
    expect(await metricNamed(gateway, 'del', 'reborn')).not.toBeNull();
  });

  it('by pattern: deletes every metric whose whole name matches, as cpu*.90 in the reference', async () => {
    for (const name of ['cpu.a.90', 'cpu.b.90', 'cpu.a.50', 'gpu.a.90']) await upsertMetric(gateway, 'pattern', name);
    await submitPoints(gateway, 'pattern', 'cpu.b.90', [{ host: 'a' }], TIME);
    const result = await deleteMetrics('pattern', { pattern: 'CPU*.90' });
    expect(result.data?.deleteMetrics).toEqual(['cpu.a.90', 'cpu.b.90']);
    expect(await metricNames(gateway, 'pattern')).toEqual(['cpu.a.50', 'gpu.a.90']);
    expect(await storedPoints('pattern', 'cpu.b.90', 'a')).toBe(0);
  });

  it.each([
    ['both names and pattern', { names: ['x.1'], pattern: 'x*' }],
    ['neither names nor pattern', {}],
    ['a pattern without a wildcard (it would otherwise match as a substring)', { pattern: 'x' }],
  ])('refuses %s with BAD_USER_INPUT and deletes nothing', async (_case, selection) => {
    await upsertMetric(gateway, 'refused', 'x.1');
    const result = await deleteMetrics('refused', selection);
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await metricNames(gateway, 'refused')).toEqual(['x.1']);
  });

  it('needs an admin token: a recorder that may create metrics may not delete them', async () => {
    await upsertMetric(gateway, 'roles', 'guarded');
    const recorder = (await createToken(gateway, { role: 'RECORDER', tenant: 'roles' })).secret;
    const result = await deleteMetrics('roles', { names: ['guarded'] }, recorder);
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await metricNamed(gateway, 'roles', 'guarded')).not.toBeNull();
  });
});

describe('tenant isolation', () => {
  let otherAdmin: string;
  beforeAll(async () => {
    await upsertMetric(gateway, 'alpha', 'shared.name', { description: 'alpha' });
    await submitPoints(gateway, 'alpha', 'shared.name', [{ host: 'a' }], TIME);
    otherAdmin = (await createToken(gateway, { role: 'ADMIN', tenant: 'beta' })).secret;
  });

  it("another tenant's token neither lists nor finds the metric", async () => {
    const listed = await inTenant<{ metrics: { totalCount: number } }>(
      gateway,
      'beta',
      '{ metrics(backend: "native") { totalCount } }',
      {},
      otherAdmin,
    );
    expect(listed.data?.metrics.totalCount).toBe(0);
    const found = await inTenant(gateway, 'beta', '{ metric(name: "shared.name") { name } }', {}, otherAdmin);
    expect(found.data).toEqual({ metric: null });
  });

  it("another tenant's updates and deletions do not reach it", async () => {
    const UPDATE = 'mutation { updateMetrics(pattern: "*", input: { description: "beta" }) { name } }';
    expect((await inTenant(gateway, 'beta', UPDATE, {}, otherAdmin)).data).toEqual({ updateMetrics: [] });
    const deleted = await deleteMetrics('beta', { names: ['shared.name'] }, otherAdmin);
    expect(deleted.data?.deleteMetrics).toEqual([]);
    expect((await deleteMetrics('beta', { pattern: '*' }, otherAdmin)).data?.deleteMetrics).toEqual([]);
    expect((await metricNamed(gateway, 'alpha', 'shared.name'))?.description).toBe('alpha');
    expect(await storedPoints('alpha', 'shared.name', 'a')).toBe(2);
  });

  it('the same name in two tenants is two metrics', async () => {
    await upsertMetric(gateway, 'beta', 'shared.name', { description: 'beta' });
    expect((await deleteMetrics('beta', { names: ['shared.name'] }, otherAdmin)).data?.deleteMetrics).toEqual([
      'shared.name',
    ]);
    expect((await metricNamed(gateway, 'alpha', 'shared.name'))?.description).toBe('alpha');
    expect(await storedPoints('alpha', 'shared.name', 'a')).toBe(2);
  });
});
