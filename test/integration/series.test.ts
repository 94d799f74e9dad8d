/**
 * Series queries over GraphQL on data ingested through POST /v1/measurements, checked against
 * values computed directly from the samples sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';

const HOUR = 3_600;
let gateway: TestGateway;
let recorder: string;
/** Six whole hours ending at the last full hour: 1-minute samples for three hosts. */
const end = Math.floor(Date.now() / 1000 / HOUR) * HOUR;
const start = end - 6 * HOUR;
const HOSTS = [
  { host: 'a', region: 'us-east', base: 10 },
  { host: 'b', region: 'us-east', base: 20 },
  { host: 'c', region: 'us-west', base: 30 },
];
const valueAt = (base: number, time: number): number => base + ((time / 60) % 10);

beforeAll(async () => {
  gateway = await startTestGateway(undefined, { config: { limits: { rateLimit: { enabled: false } } } });
  recorder = (await createToken(gateway, { role: 'RECORDER', tenant: 'charts' })).secret;
  for (const { host, region, base } of HOSTS) {
    const measurements = [];
    for (let time = start; time < end; time += 60) measurements.push({ name: 'cpu', value: valueAt(base, time), time });
    const response = await fetch(new URL('v1/measurements', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${recorder}` },
      body: JSON.stringify({ tags: { host, region }, measurements }),
    });
    expect(response.status).toBe(202);
  }
});
afterAll(() => gateway.close());

interface SeriesBody {
  resolution: number;
  level: string;
  summaryFunction: string;
  series: {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    nodes: {
      tags: { name: string; value: string }[];
      points: { time: string; value: number | null; count: number | null }[];
      columns: { times: number[]; values: (number | null)[] };
    }[];
  };
}

async function series(
  input: Record<string, unknown>,
  page = '(first: 100)',
): Promise<{
  data?: { series: SeriesBody } | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}> {
  return query(
    gateway,
    `query ($q: SeriesQueryInput!) { series(query: $q) { resolution level summaryFunction series${page} { totalCount hasNextPage endCursor nodes { tags { name value } points { time value count } columns { times values } } } } }`,
    {
      token: recorder,
      variables: {
        q: {
          metric: 'cpu',
          start: new Date(start * 1000).toISOString(),
          end: new Date(end * 1000).toISOString(),
          ...input,
        },
      },
    },
  );
}

/** The value, or a failed test saying it was missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value, got nothing');
  return value;
}

const hostsOf = (body: SeriesBody): string[] =>
  body.series.nodes.map((node) => node.tags.find((tag) => tag.name === 'host')?.value ?? '*');

/** Mean per bucket of one host's samples, computed from what was sent. */
function expectedMeans(base: number, resolution: number): number[] {
  const means: number[] = [];
  for (let bucket = start; bucket < end; bucket += resolution) {
    const values: number[] = [];
    for (let time = bucket; time < bucket + resolution; time += 60) values.push(valueAt(base, time));
    means.push(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return means;
}

describe('series', () => {
  it('reads 1-minute points from the raw level, sorted by tags, as objects and as columns', async () => {
    const { data } = await series({ resolution: 60 });
    expect(data?.series).toMatchObject({ resolution: 60, level: 'RAW', summaryFunction: 'MEAN' });
    expect(hostsOf(must(data).series)).toEqual(['a', 'b', 'c']);
    const first = must(must(data).series.series.nodes[0]);
    expect(first.points).toHaveLength(360);
    expect(first.columns.times).toEqual(first.points.map((point) => Date.parse(point.time) / 1000));
    expect(first.columns.values).toEqual(first.points.map((point) => point.value));
  });

  it('reads hourly values from the hourly rollup, equal to the mean of the samples sent', async () => {
    const { data } = await series({ resolution: 3_600 });
    expect(data?.series).toMatchObject({ resolution: 3_600, level: '3600' });
    must(data).series.series.nodes.forEach((node, index) => {
      expect(node.points.map((point) => point.value)).toEqual(
        expectedMeans(must(HOSTS[index]).base, 3_600).map((mean) => expect.closeTo(mean, 9)),
      );
      expect(node.points.every((point) => point.count === 60)).toBe(true);
    });
  });

  it('without a resolution picks the finest level under the point limit and says which', async () => {
    expect((await series({})).data?.series).toMatchObject({ resolution: 60, level: 'RAW' });
  });

  it('filters with tags: wildcards, and a negated value that requires the tag', async () => {
    const { data } = await series({
      tags: [
        { name: 'region', value: 'us-*' },
        { name: 'region', value: '!us-west' },
      ],
    });
    expect(hostsOf(must(data).series)).toEqual(['a', 'b']);
  });

  it('filters with tagsSearch, and a syntax error says where', async () => {
    expect(
      hostsOf(must((await series({ tagsSearch: 'host=a or (region=us-west and not host=b)' })).data).series),
    ).toEqual(['a', 'c']);
    const broken = await series({ tagsSearch: 'host=a and (region=x' });
    expect(broken.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'tagsSearch', position: 21 },
    });
    expect(broken.errors?.[0]?.message).toMatch(/^at 21: expected/);
  });

  it('groups by region with SUM, and "*" combines every series into one without tags', async () => {
    const byRegion = must(
      (await series({ resolution: 3_600, groupBy: ['region'], groupByFunction: 'SUM' })).data,
    ).series;
    expect(byRegion.series.nodes.map((node) => node.tags)).toEqual([
      [{ name: 'region', value: 'us-east' }],
      [{ name: 'region', value: 'us-west' }],
    ]);
    const east = expectedMeans(10, 3_600).map((mean, i) => mean + must(expectedMeans(20, 3_600)[i]));
    expect(must(byRegion.series.nodes[0]).points.map((point) => point.value)).toEqual(
      east.map((value) => expect.closeTo(value, 9)),
    );
    const all = must((await series({ resolution: 3_600, groupBy: ['*'], groupByFunction: 'MAX' })).data).series;
    expect(all.series.nodes).toHaveLength(1);
    expect(must(all.series.nodes[0]).tags).toEqual([]);
  });

  it('pages through series with a cursor', async () => {
    const firstPage = must((await series({ resolution: 3_600 }, '(first: 2)')).data).series.series;
    expect(firstPage).toMatchObject({ totalCount: 3, hasNextPage: true });
    const next = must((await series({ resolution: 3_600 }, `(first: 2, after: "${firstPage.endCursor}")`)).data).series
      .series;
    expect(next).toMatchObject({ totalCount: 3, hasNextPage: false });
    expect(hostsOf({ series: next } as SeriesBody)).toEqual(['c']);
  });

  it.each([
    {
      name: 'start, end and duration together',
      input: { duration: 3_600 },
      message: /at most two of start, end and duration/,
    },
    {
      name: 'ALL with groupBy',
      input: { summaryFunction: 'ALL', groupBy: ['region'] },
      message: /ALL cannot be combined with groupBy/,
    },
    {
      name: 'tags and tagsSearch together',
      input: { tags: [{ name: 'host', value: 'a' }], tagsSearch: 'host=a' },
      message: /tags or tagsSearch, not both/,
    },
    {
      name: 'a resolution no level still holding the window offers',
      input: {
        start: new Date((start - 30 * 86_400) * 1000).toISOString(),
        end: new Date((start - 29 * 86_400) * 1000).toISOString(),
        resolution: 60,
      },
      message: /resolution 60 s is not available .* use a multiple of 900, 3600, 86400 s/,
    },
  ])('refuses $name with a message that says what to change', async ({ input, message }) => {
    const response = await series(input);
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
  });

  it('an unknown metric is NOT_FOUND', async () => {
    const response = await query(gateway, '{ series(query: { metric: "nope", duration: 60 }) { resolution } }', {
      token: recorder,
    });
    expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('a late point changes the daily value', async () => {
    const day = Math.floor(start / 86_400) * 86_400;
    const read = async (): Promise<number | null | undefined> =>
      (
        await query<{ series: SeriesBody }>(
          gateway,
          'query ($q: SeriesQueryInput!) { series(query: $q) { series { nodes { points { count } } } } }',
          {
            token: recorder,
            variables: {
              q: {
                metric: 'cpu',
                resolution: 86_400,
                start: new Date(day * 1000).toISOString(),
                duration: 86_400,
                tags: [{ name: 'host', value: 'a' }],
              },
            },
          },
        )
      ).data?.series.series.nodes[0]?.points[0]?.count;
    const before = await read();
    await fetch(new URL('v1/measurements', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${recorder}` },
      body: JSON.stringify({
        tags: { host: 'a', region: 'us-east' },
        measurements: [{ name: 'cpu', value: 1, time: Math.max(day, start - 3_600) + 7 }],
      }),
    });
    expect(await read()).toBe((before ?? 0) + 1);
  });

  it('a metric with attribute aggregate=true is read at its period: one point per period combining its measurements', async () => {
    const measurements = [];
    for (let time = end - HOUR; time < end; time += 60) measurements.push({ name: 'agg', value: 1, time });
    measurements[0] = {
      ...measurements[0],
      period: 300,
      attributes: { aggregate: true, summarize_function: 'sum' },
    } as (typeof measurements)[0];
    const response = await fetch(new URL('v1/measurements', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${recorder}` },
      body: JSON.stringify({ tags: { host: 'a' }, measurements }),
    });
    expect(response.status).toBe(202);
    const read = await query<{ series: SeriesBody }>(
      gateway,
      'query ($q: SeriesQueryInput!) { series(query: $q) { resolution summaryFunction series { nodes { points { value count } } } } }',
      {
        token: recorder,
        variables: { q: { metric: 'agg', duration: HOUR, end: new Date(end * 1000).toISOString() } },
      },
    );
    expect(read.data?.series).toMatchObject({ resolution: 300, summaryFunction: 'SUM' });
    const points = must(read.data?.series.series.nodes[0]).points;
    expect(points).toHaveLength(12);
    expect(points.every((point) => point.value === 5 && point.count === 5)).toBe(true);
  });
});
