/**
 * Measurement ingest over HTTP, as an agent would send it: the reference's POST
 * /v1/measurements and GraphQL's submitMeasurements, against a real gateway and Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import { seriesIdOf } from '../../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../../src/backends/native/seriesStore.js';
import { summarize } from '../../src/domain/bucketState.js';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import { harnessRedis } from '../harness/redis.js';
import { createToken, query } from '../harness/tokens.js';

const DAY = 86_400;
let gateway: TestGateway;
let redis: RedisConnection;
let points: SeriesStore;
let recorder: string;
const now = (): number => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  gateway = await startTestGateway(undefined, { config: { limits: { rateLimit: { enabled: false } } } });
  redis = harnessRedis();
  points = new SeriesStore(redis, gateway.keyPrefix, {
    raw: 7 * DAY,
    r900: 90 * DAY,
    r3600: 730 * DAY,
    r86400: 3650 * DAY,
  });
  recorder = (await createToken(gateway, { role: 'RECORDER', tenant: 'ingest' })).secret;
});
afterAll(async () => {
  await redis.quit();
  await gateway.close();
});

function post(body: unknown, token: string | null = recorder): Promise<Response> {
  return fetch(new URL('v1/measurements', gateway.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'collector/1.2',
      ...(token ? { authorization: `Basic ${Buffer.from(`${token}:`).toString('base64')}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function stored(metric: string, tags: [string, string][], tenant = 'ingest'): Promise<[number, number | null][]> {
  const series = await points.read(tenant, seriesIdOf(metric, tags), 'raw', now() - DAY, now() + 3600);
  return series.map((point) => [point.time, summarize(point.state, 'mean')]);
}

describe('POST /v1/measurements', () => {
  it('stores a batch and answers 202 with the reference summary', async () => {
    const time = now() - 120;
    const response = await post({
      tags: { region: 'US-East', host: 'web-1' },
      measurements: [
        { name: 'Cpu.Load', value: 0.5, time },
        { name: 'cpu.load', value: 0.7, time: time + 60, tags: { host: 'web-2' } },
        { name: 'requests', count: 4, sum: 10, min: 1, max: 4, time },
      ],
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-partial-failure')).toBeNull();
    expect(await response.json()).toEqual({
      measurements: { summary: { total: 3, accepted: 3, failed: 0, filtered: 0 } },
      errors: [],
    });
    expect(
      await stored('cpu.load', [
        ['host', 'web-1'],
        ['region', 'us-east'],
      ]),
    ).toEqual([[time, 0.5]]);
    // Embedded tags replace the top-level tags: no region here.
    expect(await stored('cpu.load', [['host', 'web-2']])).toEqual([[time + 60, 0.7]]);
    expect(
      await stored('requests', [
        ['host', 'web-1'],
        ['region', 'us-east'],
      ]),
    ).toEqual([[time, 2.5]]);
  });

  it('a batch sent twice changes nothing; a point for the same second replaces the old one', async () => {
    const time = now() - 300;
    const batch = {
      tags: { host: 'a' },
      measurements: [
        { name: 'twice', value: 1, time },
        { name: 'twice', value: 2, time: time + 1 },
      ],
    };
    await post(batch);
    await post(batch);
    expect(await stored('twice', [['host', 'a']])).toEqual([
      [time, 1],
      [time + 1, 2],
    ]);
    await post({ tags: { host: 'a' }, measurements: [{ name: 'twice', value: 9, time }] });
    expect(await stored('twice', [['host', 'a']])).toEqual([
      [time, 9],
      [time + 1, 2],
    ]);
  });

  it('some measurements rejected: 202, x-partial-failure, and each error names its param', async () => {
    const response = await post({
      measurements: [
        { name: 'ok', value: 1, tags: { a: 'b' } },
        { name: 'bad name!', value: 1, tags: { a: 'b' } },
        { name: 'untagged', value: 1 },
      ],
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-partial-failure')).toBe('true');
    const body = (await response.json()) as {
      measurements: { summary: object };
      errors: { param: string; reason: string }[];
    };
    expect(body.measurements.summary).toEqual({ total: 3, accepted: 1, failed: 2, filtered: 0 });
    expect(body.errors.map((error) => error.param)).toEqual(['measurements[1].name', 'measurements[2].tags']);
  });

  it('all rejected: 400; the reserved namespace is filtered, not failed', async () => {
    const rejected = await post({ measurements: [{ name: 'x', tags: { a: 'b' } }] });
    expect(rejected.status).toBe(400);
    const filtered = await post({ measurements: [{ name: 'almanac.internal', value: 1, tags: { a: 'b' } }] });
    expect(filtered.status).toBe(202);
    expect(await filtered.json()).toMatchObject({
      measurements: { summary: { total: 1, accepted: 0, failed: 0, filtered: 1 } },
    });
  });

  it('a number above 1e126 aborts the whole request with 400 naming the param', async () => {
    const response = await post({
      measurements: [
        { name: 'ok', value: 1, tags: { a: 'b' } },
        { name: 'huge', value: 1e127, tags: { a: 'b' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', param: 'measurements[1].value' } }],
    });
  });

  it('creates a metric on its first measurement with the properties sent then, and ignores later ones', async () => {
    await post({
      measurements: [
        {
          name: 'temp',
          value: 20,
          tags: { room: 'a' },
          period: 60,
          display_name: 'Temperature',
          attributes: { display_units_short: '°C' },
        },
      ],
    });
    await post({ measurements: [{ name: 'temp', value: 21, tags: { room: 'a' }, display_name: 'Something else' }] });
    const record = JSON.parse(
      (await redis.hget(`${gateway.keyPrefix}:{t:ingest}:metric-defs`, 'temp')) ?? '{}',
    ) as Record<string, unknown>;
    expect(record).toMatchObject({
      name: 'temp',
      type: 'gauge',
      displayName: 'Temperature',
      period: 60,
      attributes: { display_units_short: '°C', created_by_ua: 'collector/1.2' },
    });
  });

  it('needs a recorder token: a viewer gets 403, no credentials 401', async () => {
    const viewer = (await createToken(gateway, { role: 'VIEWER', tenant: 'ingest' })).secret;
    const batch = { measurements: [{ name: 'x', value: 1, tags: { a: 'b' } }] };
    expect((await post(batch, viewer)).status).toBe(403);
    expect((await post(batch, null)).status).toBe(401);
  });

  it("a token's environment is added as a tag unless the measurement carries one", async () => {
    await query(gateway, 'mutation { createEnvironment(name: "Production") { id } }', {
      headers: { 'fiware-service': 'ingest' },
    });
    const token = (await createToken(gateway, { role: 'RECORDER', tenant: 'ingest', environment: 'Production' }))
      .secret;
    const time = now() - 60;
    await post(
      {
        measurements: [
          { name: 'env.test', value: 1, time, tags: { host: 'h' } },
          { name: 'env.test', value: 2, time, tags: { host: 'h', environment: 'staging' } },
        ],
      },
      token,
    );
    expect(
      await stored('env.test', [
        ['environment', 'production'],
        ['host', 'h'],
      ]),
    ).toEqual([[time, 1]]);
    expect(
      await stored('env.test', [
        ['environment', 'staging'],
        ['host', 'h'],
      ]),
    ).toEqual([[time, 2]]);
  });

  it('counts accepted and failed measurements in the operational metrics', async () => {
    await post({
      measurements: [
        { name: 'op', value: 1, tags: { a: 'b' } },
        { name: 'op', tags: { a: 'b' } },
      ],
    });
    const tree = await fetch(new URL('admin/metrics', gateway.url), {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    const body = (await tree.json()) as { services: Record<string, { sum: Record<string, number> }> };
    expect(body.services.ingest?.sum.measurementsAccepted).toBeGreaterThanOrEqual(1);
    expect(body.services.ingest?.sum.measurementsFailed).toBeGreaterThanOrEqual(1);
  });
});

describe('submitMeasurements', () => {
  it('takes the same batch as GraphQL input and answers the same summary', async () => {
    const time = new Date((now() - 30) * 1000).toISOString();
    const response = await query<{ submitMeasurements: unknown }>(
      gateway,
      `mutation ($input: MeasurementBatchInput!) {
        submitMeasurements(input: $input) { summary { total accepted failed filtered } errors { param reason } }
      }`,
      {
        token: recorder,
        variables: {
          input: {
            time,
            tags: [{ name: 'host', value: 'gql' }],
            measurements: [
              { name: 'graphql.ingest', value: 3 },
              { name: 'graphql.ingest', count: 2, sum: 5, tags: [] },
            ],
          },
        },
      },
    );
    expect(response.data?.submitMeasurements).toEqual({
      summary: { total: 2, accepted: 1, failed: 1, filtered: 0 },
      errors: [{ param: 'measurements[1].tags', reason: expect.stringMatching(/at least one tag/i) }],
    });
    expect(await stored('graphql.ingest', [['host', 'gql']])).toEqual([[Date.parse(time) / 1000, 3]]);
  });
});
