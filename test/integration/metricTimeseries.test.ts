/**
 * Stored metric timeseries (the reference's *Metric Timeseries*) against a real gateway:
 * create in every metric form, list a page at a time, get, evaluate over a range as
 * virtualTimeseries does, update, delete — and the errors and roles of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ingest,
  NOW,
  series,
  SERIES_FIELDS,
  SITE_A,
  SITE_A_ONLY,
  SITE_B,
  startCalendarGateway,
  TENANT,
  TestClock,
  type CalendarSeries,
} from '../harness/calendarGateway.js';
import { days, expectedPoints, months } from '../harness/calendarOracle.js';
import type { TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';

const clock = new TestClock(NOW);
let gateway: TestGateway;
let recorder: string;
let viewer: string;
beforeAll(async () => {
  gateway = await startCalendarGateway({ clock });
  recorder = (await createToken(gateway, { role: 'RECORDER', tenant: TENANT })).secret;
  viewer = (await createToken(gateway, { role: 'VIEWER', tenant: TENANT })).secret;
  await ingest(gateway, recorder, { site: 'a' }, 'energy', SITE_A);
  await ingest(gateway, recorder, { site: 'b' }, 'energy', SITE_B);
});
afterAll(() => gateway.close());

const RECORD =
  'id provider metric name description calendar observed timeZone filter { name value } createdAt updatedAt';
const RANGE = 'between(2026-10-30, 2026-11-03)';
type Fields = Record<string, unknown>;

const mutate = <T>(source: string, variables: Fields = {}, token = recorder) =>
  query<T>(gateway, source, { token, variables });
const create = (input: Fields, token = recorder) =>
  mutate<{ createMetricTimeseries: Fields }>(
    `mutation ($input: MetricTimeseriesInput!) { createMetricTimeseries(input: $input) { ${RECORD} } }`,
    { input },
    token,
  );
async function get(id: string): Promise<Fields | null | undefined> {
  const { data, errors } = await query<{ metricTimeseries: Fields | null }>(
    gateway,
    `query ($id: ID!) { metricTimeseries(id: $id) { ${RECORD} } }`,
    { token: viewer, variables: { id } },
  );
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data?.metricTimeseries;
}

describe('stored metric timeseries', () => {
  it('creates definitions in every metric form, and refuses a taken id with CONFLICT', async () => {
    const created = await create({
      id: 'a-daily-ny',
      metric: 'native/energy',
      name: 'Site a per New York day',
      calendar: '#P1D',
      observed: 'SUMMED',
      timeZone: 'America/New_York',
      filter: SITE_A_ONLY,
    });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data?.createMetricTimeseries).toEqual({
      id: 'a-daily-ny',
      provider: 'native',
      metric: 'energy',
      name: 'Site a per New York day',
      description: null,
      calendar: '#P1D',
      observed: 'SUMMED',
      timeZone: 'America/New_York',
      filter: SITE_A_ONLY,
      createdAt: '2026-12-02T00:00:00.000Z',
      updatedAt: '2026-12-02T00:00:00.000Z',
    });
    const split = await create({
      id: 'b-monthly',
      provider: 'native',
      metric: 'Energy',
      calendar: '#P1M',
      observed: 'HIGH',
    });
    expect(split.data?.createMetricTimeseries).toMatchObject({
      provider: 'native',
      metric: 'energy',
      timeZone: 'UTC',
      filter: [],
    });
    const bare = await create({ id: 'c.bare', metric: 'energy', calendar: '#PT1H', observed: 'COUNT' });
    expect(bare.data?.createMetricTimeseries).toMatchObject({ provider: 'native', metric: 'energy' });

    const again = await create({ id: 'a-daily-ny', metric: 'energy', calendar: '#P1D', observed: 'SUMMED' });
    expect(again.errors?.[0]).toMatchObject({
      message: 'a metric timeseries "a-daily-ny" exists already',
      extensions: { code: 'CONFLICT', id: 'a-daily-ny' },
    });
  });

  it('refuses a viewer (FORBIDDEN) and an invalid definition (BAD_USER_INPUT, or NOT_FOUND for the provider)', async () => {
    const forbidden = await create({ id: 'by-viewer', metric: 'energy', calendar: '#P1D', observed: 'SUMMED' }, viewer);
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await get('by-viewer')).toBeNull();
    const cases: [Fields, string | undefined][] = [
      [{ id: 'bad id!' }, 'id'],
      [{ calendar: '#P2D' }, 'calendar'],
      [{ timeZone: 'Nowhere/City' }, 'timeZone'],
      [{ name: '' }, 'name'],
      [{ filter: [{ name: 'site', value: 'a b%' }] }, undefined],
    ];
    for (const [change, field] of cases) {
      const result = await create({ id: 'invalid', metric: 'energy', calendar: '#P1D', observed: 'SUMMED', ...change });
      expect(result.errors?.[0]?.extensions, JSON.stringify(result.errors)).toMatchObject({ code: 'BAD_USER_INPUT' });
      if (field) expect(result.errors?.[0]?.extensions.field).toBe(field);
    }
    // Usage metrics are filtered on their own tags only, checked when the definition is saved.
    const usage = await create({
      id: 'invalid',
      metric: 'AlmanacRequest/ReadRequests',
      calendar: '#P1D',
      observed: 'SUMMED',
      filter: [{ name: 'foo', value: 'bar' }],
    });
    expect(usage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const provider = await create({ id: 'invalid', metric: 'nowhere/energy', calendar: '#P1D', observed: 'SUMMED' });
    expect(provider.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await get('invalid')).toBeNull();
  });

  it('lists definitions by id, a page at a time, in the caller’s tenant only', async () => {
    const list = (variables: Fields, token = viewer) =>
      query<{
        metricTimeseriesList: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { cursor: string; node: { id: string } }[];
        };
      }>(
        gateway,
        'query ($first: Int, $after: String) { metricTimeseriesList(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
        { token, variables },
      );
    const ids = (page: Awaited<ReturnType<typeof list>>) =>
      page.data?.metricTimeseriesList.edges.map((edge) => edge.node.id);
    const first = await list({ first: 2 });
    expect(ids(first)).toEqual(['a-daily-ny', 'b-monthly']);
    const { pageInfo, edges } = first.data?.metricTimeseriesList ?? { pageInfo: null, edges: [] };
    expect(first.data?.metricTimeseriesList).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true, endCursor: edges[1]?.cursor },
    });
    const second = await list({ first: 2, after: pageInfo?.endCursor });
    expect(ids(second)).toEqual(['c.bare']);
    expect(second.data?.metricTimeseriesList.pageInfo.hasNextPage).toBe(false);
    expect(ids(await list({ first: 5, after: edges[0]?.cursor }))).toEqual(['b-monthly', 'c.bare']);

    const stranger = (await createToken(gateway, { role: 'VIEWER', tenant: 'calendar_other' })).secret;
    expect((await list({}, stranger)).data?.metricTimeseriesList.totalCount).toBe(0);
    expect((await list({ after: 'not-a-cursor' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await list({ first: 0 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it('gets one by id, and evaluates it over a range as virtualTimeseries does', async () => {
    expect(await get('a-daily-ny')).toMatchObject({ id: 'a-daily-ny', calendar: '#P1D' });
    expect(await get('nothing')).toBeNull();
    const values = (timeZone?: string) =>
      query<{ metricTimeseries: { values: CalendarSeries } }>(
        gateway,
        `query ($range: String!, $timeZone: String) { metricTimeseries(id: "a-daily-ny") { values(range: $range, timeZone: $timeZone) { ${SERIES_FIELDS} } } }`,
        { token: viewer, variables: { range: RANGE, ...(timeZone ? { timeZone } : {}) } },
      );
    const own = await values();
    expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
    expect(own.data?.metricTimeseries.values).toEqual(
      await series(
        { on: gateway, token: viewer },
        { calendar: '#P1D', observed: 'SUMMED', range: RANGE, timeZone: 'America/New_York', filter: SITE_A_ONLY },
      ),
    );
    expect(own.data?.metricTimeseries.values.points).toEqual(
      expectedPoints(SITE_A, days('America/New_York', '2026-10-30', '2026-11-03'), 'SUMMED'),
    );
    const kathmandu = await values('Asia/Kathmandu');
    expect(kathmandu.data?.metricTimeseries.values.points).toEqual(
      expectedPoints(SITE_A, days('Asia/Kathmandu', '2026-10-30', '2026-11-03'), 'SUMMED'),
    );
  });

  it('updates a definition: fields left out stay, null clears the name, and the new definition is evaluated', async () => {
    clock.seconds = NOW + 60;
    try {
      const updated = await mutate<{ updateMetricTimeseries: Fields & { values: CalendarSeries } }>(
        `mutation ($patch: MetricTimeseriesPatch!) { updateMetricTimeseries(id: "a-daily-ny", patch: $patch) { ${RECORD} values(range: "between(2026-10, 2026-11)") { ${SERIES_FIELDS} } } }`,
        {
          patch: {
            name: null,
            description: 'Monthly high',
            calendar: '#P1M',
            observed: 'HIGH',
            timeZone: 'Europe/Berlin',
          },
        },
      );
      expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
      const { values, ...record } = updated.data?.updateMetricTimeseries ?? { values: null };
      expect(record).toEqual({
        id: 'a-daily-ny',
        provider: 'native',
        metric: 'energy',
        name: null,
        description: 'Monthly high',
        calendar: '#P1M',
        observed: 'HIGH',
        timeZone: 'Europe/Berlin',
        filter: SITE_A_ONLY,
        createdAt: '2026-12-02T00:00:00.000Z',
        updatedAt: '2026-12-02T00:01:00.000Z',
      });
      expect(values?.points).toEqual(expectedPoints(SITE_A, months('Europe/Berlin', '2026-10', '2026-11'), 'HIGH'));
      expect(await get('a-daily-ny')).toEqual(record);
    } finally {
      clock.seconds = NOW;
    }
    const bad = await mutate(
      'mutation { updateMetricTimeseries(id: "a-daily-ny", patch: { calendar: "#P5D" }) { id } }',
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'calendar' });
    expect(await get('a-daily-ny')).toMatchObject({ calendar: '#P1M' });
    const missing = await mutate('mutation { updateMetricTimeseries(id: "nothing", patch: { name: "x" }) { id } }');
    expect(missing.errors?.[0]).toMatchObject({
      message: 'no metric timeseries "nothing"',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('deletes a definition: true once, then false', async () => {
    const remove = async () =>
      (await mutate<{ deleteMetricTimeseries: boolean }>('mutation { deleteMetricTimeseries(id: "c.bare") }')).data
        ?.deleteMetricTimeseries;
    expect(await remove()).toBe(true);
    expect(await get('c.bare')).toBeNull();
    expect(await remove()).toBe(false);
  });
});
