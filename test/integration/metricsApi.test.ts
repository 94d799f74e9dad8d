/**
 * Metrics over GraphQL against a real gateway and Redis (reference, "Metrics"): upsert, one by
 * name, the paged listing with its filters, bulk update, and the checks on what is sent.
 * Deletion and tenant isolation are in metricsDeletion.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { inTenant, metricNamed, submitPoints, upsertMetric, type MetricBody } from '../harness/metrics.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(undefined, { config: { limits: { rateLimit: { enabled: false } } } });
});
afterAll(() => gateway.close());

const NO_ATTRIBUTES = {
  color: null,
  displayMax: null,
  displayMin: null,
  displayUnitsLong: null,
  displayUnitsShort: null,
  displayStacked: null,
  summarizeFunction: null,
  aggregate: null,
  createdByUa: null,
};

describe('upsertMetric and metric(name)', () => {
  it('creates a metric with the properties sent, lower-cased, as a GAUGE by default', async () => {
    const created = await upsertMetric(gateway, 'upsert', 'CPU.Percent.Used', {
      displayName: 'CPU used',
      period: 60,
      attributes: { summarizeFunction: 'SUM', color: '#FFFFFF', displayStacked: true },
    });
    expect(created).toEqual({
      name: 'cpu.percent.used',
      type: 'GAUGE',
      displayName: 'CPU used',
      description: null,
      period: 60,
      composite: null,
      createdAt: expect.any(String),
      updatedAt: created.createdAt,
      backend: 'native',
      attributes: { ...NO_ATTRIBUTES, summarizeFunction: 'SUM', color: '#FFFFFF', displayStacked: true },
    });
    expect(await metricNamed(gateway, 'upsert', 'cpu.percent.used')).toEqual(created);
  });

  it('updates only what is sent: attributes merge key by key, and null clears', async () => {
    const before = await upsertMetric(gateway, 'upsert', 'temp', {
      description: 'Room temperature',
      displayName: 'Temperature',
      attributes: { color: '#52D74C', displayMin: 0, displayUnitsShort: '°C' },
    });
    const after = await upsertMetric(gateway, 'upsert', 'temp', {
      displayName: null,
      period: 15,
      attributes: { displayMin: -40, displayMax: 150, color: null },
    });
    expect(after).toMatchObject({
      description: 'Room temperature',
      displayName: null,
      period: 15,
      createdAt: before.createdAt,
      attributes: { ...NO_ATTRIBUTES, displayMin: -40, displayMax: 150, displayUnitsShort: '°C' },
    });
    // Native metrics always have both dates (null is for Prometheus ones): NaN would fail this.
    expect(Date.parse(String(after.updatedAt))).toBeGreaterThanOrEqual(Date.parse(String(before.updatedAt)));
  });

  it('finds a metric whatever the case of the name, and answers null for one that does not exist', async () => {
    await upsertMetric(gateway, 'upsert', 'Disk.IO', {});
    expect((await metricNamed(gateway, 'upsert', 'DISK.io'))?.name).toBe('disk.io');
    expect(await metricNamed(gateway, 'upsert', 'disk.iops')).toBeNull();
  });

  it('a metric created by its first measurement is listed with its defaults, and upsert then changes it', async () => {
    await submitPoints(gateway, 'upsert', 'Queue_Len', [{ host: 'a' }], Math.floor(Date.now() / 1000) - 60);
    expect(await metricNamed(gateway, 'upsert', 'queue_len')).toMatchObject({ type: 'GAUGE', displayName: null });
    const updated = await upsertMetric(gateway, 'upsert', 'queue_len', { displayName: 'num. elements' });
    expect(updated.displayName).toBe('num. elements');
  });
});

describe('composite metrics', () => {
  const DEFINITION = 's("cpu.percent.user", {"environment": "prod"})';

  it('stores the definition of a COMPOSITE and keeps it through later updates', async () => {
    const created = await upsertMetric(gateway, 'composite', 'cpu.prod', { type: 'COMPOSITE', composite: DEFINITION });
    expect(created).toMatchObject({ type: 'COMPOSITE', composite: DEFINITION });
    const described = await upsertMetric(gateway, 'composite', 'cpu.prod', { description: 'prod CPU' });
    expect(described).toMatchObject({ type: 'COMPOSITE', composite: DEFINITION, description: 'prod CPU' });
  });

  it.each([
    ['a COMPOSITE without a definition', 'new.composite', { type: 'COMPOSITE' }, 'BAD_USER_INPUT', 'input.composite'],
    ['a GAUGE with a definition', 'new.gauge', { composite: DEFINITION }, 'BAD_USER_INPUT', 'input.composite'],
    ['clearing the definition of a COMPOSITE', 'cpu.prod', { composite: null }, 'BAD_USER_INPUT', 'input.composite'],
    ['turning a COMPOSITE into a GAUGE', 'cpu.prod', { type: 'GAUGE', composite: null }, 'CONFLICT', 'input.type'],
  ])('refuses %s', async (_case, name, input, code, field) => {
    await upsertMetric(gateway, 'composite', 'cpu.prod', { type: 'COMPOSITE', composite: DEFINITION });
    const result = await inTenant(
      gateway,
      'composite',
      'mutation ($name: String!, $input: MetricInput!) { upsertMetric(name: $name, input: $input) { name } }',
      { name, input },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    if (name !== 'cpu.prod') expect(await metricNamed(gateway, 'composite', name)).toBeNull();
  });
});

describe('input checks', () => {
  const UPSERT =
    'mutation ($name: String!, $input: MetricInput!) { upsertMetric(name: $name, input: $input) { name } }';
  it.each([
    ['a name with a space', 'cpu load', {}, 'name'],
    ['a name of 256 characters', 'x'.repeat(256), {}, 'name'],
    ['a name in the reserved almanac. namespace', 'Almanac.requests', {}, 'name'],
    ['a color that is not # and six hex digits', 'ok', { attributes: { color: 'red' } }, 'input.attributes.color'],
    ['an empty display name', 'ok', { displayName: '' }, 'input.displayName'],
    ['a period of 0', 'ok', { period: 0 }, 'input.period'],
    [
      'units of 256 characters',
      'ok',
      { attributes: { displayUnitsShort: 'u'.repeat(256) } },
      'input.attributes.displayUnitsShort',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, name, input, field) => {
    const result = await inTenant(gateway, 'checks', UPSERT, { name, input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await metricNamed(gateway, 'checks', 'ok')).toBeNull();
  });
});

describe('metrics: the paged listing', () => {
  const NAMES = ['app.a', 'app.b', 'app.c', 'app.d', 'app.e', 'app.f', 'app.g'];
  type Page = {
    edges: { cursor: string; node: MetricBody }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
  const PAGE = `query ($name: String, $first: Int, $after: String, $orderBy: MetricOrder) {
    metrics(backend: "native", name: $name, first: $first, after: $after, orderBy: $orderBy) {
      edges { cursor node { name } } pageInfo { hasNextPage endCursor } totalCount } }`;
  const page = (variables: Record<string, unknown>, tenant = 'paging') =>
    inTenant<{ metrics: Page }>(gateway, tenant, PAGE, variables);
  const names = (result: { data?: { metrics: Page } | null }) => result.data?.metrics.edges.map((e) => e.node.name);

  beforeAll(async () => {
    for (const name of [...NAMES].reverse()) await upsertMetric(gateway, 'paging', name);
  });

  it('pages through 7 metrics three at a time, in name order, with cursors and the total', async () => {
    const seen: string[] = [];
    const pages: { hasNextPage: boolean; totalCount: number }[] = [];
    let after: string | null = null;
    do {
      const result = await page({ first: 3, after });
      const metrics = result.data?.metrics as Page;
      seen.push(...(names(result) ?? []));
      pages.push({ hasNextPage: metrics.pageInfo.hasNextPage, totalCount: metrics.totalCount });
      expect(metrics.pageInfo.endCursor).toBe(metrics.edges.at(-1)?.cursor);
      after = metrics.pageInfo.hasNextPage ? metrics.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(NAMES);
    expect(pages).toEqual([
      { hasNextPage: true, totalCount: 7 },
      { hasNextPage: true, totalCount: 7 },
      { hasNextPage: false, totalCount: 7 },
    ]);
  });

  it("an edge's cursor starts the next page right after that metric", async () => {
    const first = await page({ first: 5 });
    const third = first.data?.metrics.edges[2]?.cursor;
    expect(names(await page({ first: 2, after: third }))).toEqual(['app.d', 'app.e']);
  });

  it('orders by name descending', async () => {
    const first = await page({ first: 3, orderBy: 'NAME_DESC' });
    expect(names(first)).toEqual(['app.g', 'app.f', 'app.e']);
    const next = await page({ first: 3, orderBy: 'NAME_DESC', after: first.data?.metrics.pageInfo.endCursor });
    expect(names(next)).toEqual(['app.d', 'app.c', 'app.b']);
  });

  it('filters by substring, or by whole-name wildcard pattern when it has * or ?, ignoring case', async () => {
    for (const name of ['app_requests', 'cpu_temp', 'cpu.user.time', 'db.query.time', 'request_size'])
      await upsertMetric(gateway, 'filters', name);
    const filtered = async (name: string) => {
      const result = await page({ name, first: 10 }, 'filters');
      return { names: names(result), totalCount: result.data?.metrics.totalCount };
    };
    expect(await filtered('REQUEST')).toEqual({ names: ['app_requests', 'request_size'], totalCount: 2 });
    expect(await filtered('*.time')).toEqual({ names: ['cpu.user.time', 'db.query.time'], totalCount: 2 });
    expect(await filtered('cpu?temp')).toEqual({ names: ['cpu_temp'], totalCount: 1 });
    expect(await filtered('*time')).toEqual({ names: ['cpu.user.time', 'db.query.time'], totalCount: 2 });
    expect(await filtered('nothing')).toEqual({ names: [], totalCount: 0 });
  });

  it.each([
    ['first 0', { first: 0 }, 'first'],
    ['first 1001', { first: 1001 }, 'first'],
    ['a cursor that metrics did not return', { after: 'bm9wZQ' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, variables, field) => {
    const result = await page(variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('updateMetrics', () => {
  const UPDATE = `mutation ($names: [String!], $pattern: String, $input: MetricUpdateInput!) {
    updateMetrics(names: $names, pattern: $pattern, input: $input) { name period attributes { displayMin displayUnitsShort } } }`;
  const update = (variables: Record<string, unknown>) =>
    inTenant<{ updateMetrics: MetricBody[] }>(gateway, 'bulk', UPDATE, variables);

  beforeAll(async () => {
    for (const name of ['cpu', 'servers', 'reqs', 'db.time', 'web.time', 'web.count'])
      await upsertMetric(gateway, 'bulk', name, { attributes: { displayUnitsLong: 'units' } });
  });

  it('by names: sets the properties of those that exist, skips the rest, and returns them', async () => {
    const result = await update({
      names: ['CPU', 'servers', 'reqs', 'missing'],
      input: { period: 60, attributes: { displayMin: 0 } },
    });
    expect(result.data?.updateMetrics).toEqual(
      ['cpu', 'reqs', 'servers'].map((name) => ({
        name,
        period: 60,
        attributes: { displayMin: 0, displayUnitsShort: null },
      })),
    );
    expect(await metricNamed(gateway, 'bulk', 'missing')).toBeNull();
    expect((await metricNamed(gateway, 'bulk', 'db.time'))?.period).toBeNull();
    expect((await metricNamed(gateway, 'bulk', 'cpu'))?.attributes.displayUnitsLong).toBe('units');
  });

  it('by pattern: sets the properties of every metric whose whole name matches', async () => {
    const result = await update({ pattern: '*.time', input: { attributes: { displayUnitsShort: 'ms' } } });
    expect(result.data?.updateMetrics.map((metric) => [metric.name, metric.attributes.displayUnitsShort])).toEqual([
      ['db.time', 'ms'],
      ['web.time', 'ms'],
    ]);
    expect((await metricNamed(gateway, 'bulk', 'web.count'))?.attributes.displayUnitsShort).toBeNull();
  });

  it.each([
    ['both names and pattern', { names: ['cpu'], pattern: 'c*' }],
    ['neither names nor pattern', {}],
    ['a pattern without a wildcard', { pattern: 'cpu' }],
    ['an empty list of names', { names: [] }],
    ['an invalid name in the list', { names: ['cpu', 'not valid'] }],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, selection) => {
    const result = await update({ ...selection, input: { description: 'changed' } });
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await metricNamed(gateway, 'bulk', 'cpu'))?.description).toBeNull();
  });
});
