/**
 * A backend kind of the test's own (test/harness/memoryBackend.ts), registered beside the
 * harness's native store and Prometheus with no change to any service, answers metric listings,
 * series, calendar buckets and fan-outs as the kinds Almanac ships do; one that is down costs
 * only its own part of a fan-out. Expected values are the fixture's samples, added up by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT } from '../../src/auth/principal.js';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { MemoryBackend, type MemoryMetric } from '../harness/memoryBackend.js';
import { submitPoints } from '../harness/metrics.js';
import { query } from '../harness/tokens.js';

const DAY = 86_400;
/** Midnight UTC two days ago: within the native store's raw retention whenever the test runs. */
const T0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 2 * DAY;
const D0 = new Date(T0 * 1000).toISOString().slice(0, 10);
const D1 = new Date((T0 + DAY) * 1000).toISOString().slice(0, 10);
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

const ROOMS: MemoryMetric[] = [
  {
    name: 'room_temperature',
    description: 'Air temperature per room',
    series: [
      {
        tags: { room: 'kitchen' },
        samples: [
          [T0, 20],
          [T0 + 60, 22],
          [T0 + DAY, 18],
        ],
      },
      {
        tags: { room: 'hall' },
        samples: [
          [T0 + 30, 10],
          [T0 + DAY + 120, 14],
        ],
      },
    ],
  },
  { name: 'room_humidity', description: 'Relative humidity', series: [{ tags: { room: 'hall' }, samples: [] }] },
];

interface SeriesAnswer {
  series: {
    resolution: number;
    series: {
      nodes: { backend: string; tags: { name: string; value: string }[]; points: { time: string; value: number }[] }[];
    };
  };
}

const SERIES = `query ($q: SeriesQueryInput!) {
  series(query: $q) { resolution series(first: 100) { nodes { backend tags { name value } points { time value } } } }
}`;

function seriesOf(gateway: TestGateway, input: Record<string, unknown>) {
  return query<SeriesAnswer>(gateway, SERIES, {
    variables: {
      q: {
        metric: 'room_temperature',
        start: iso(T0),
        end: iso(T0 + 180),
        resolution: 60,
        summaryFunction: 'MEAN',
        ...input,
      },
    },
  });
}

describe('a backend kind written outside Almanac', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(undefined, { extraBackends: [new MemoryBackend('memory', ROOMS)] });
    // The native store has a series of the same metric: a fan-out merges both backends.
    await submitPoints(gateway, DEFAULT_TENANT, 'room_temperature', [{ room: 'attic' }], T0 + 90);
  });
  afterAll(() => gateway.close());

  it('lists its metrics with what it says of them', async () => {
    const { data, errors } = await query<{
      metrics: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      gateway,
      '{ metrics(backend: "memory") { totalCount edges { node { name backend type description labelNames labelValues(name: "room") } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.metrics.totalCount).toBe(2);
    expect(data?.metrics.edges.map(({ node }) => node)).toEqual([
      {
        name: 'room_humidity',
        backend: 'memory',
        type: 'GAUGE',
        description: 'Relative humidity',
        labelNames: ['room'],
        labelValues: ['hall'],
      },
      {
        name: 'room_temperature',
        backend: 'memory',
        type: 'GAUGE',
        description: 'Air temperature per room',
        labelNames: ['room'],
        labelValues: ['hall', 'kitchen'],
      },
    ]);
  });

  it('appears in the merged metric list beside the native store', async () => {
    const { data } = await query<{ metrics: { edges: { node: { name: string; backend: string } }[] } }>(
      gateway,
      '{ metrics(name: "room_*") { edges { node { name backend } } } }',
    );
    expect(data?.metrics.edges.map(({ node }) => `${node.backend}/${node.name}`)).toEqual([
      'memory/room_humidity',
      'memory/room_temperature',
      'native/room_temperature',
    ]);
  });

  it('answers a series query named to it, filtered by tag', async () => {
    const { data, errors } = await seriesOf(gateway, { backend: 'memory', tags: [{ name: 'room', value: 'KITCHEN' }] });
    expect(errors).toBeUndefined();
    expect(data?.series.series.nodes).toEqual([
      {
        backend: 'memory',
        tags: [{ name: 'room', value: 'kitchen' }],
        points: [
          { time: iso(T0), value: 20 },
          { time: iso(T0 + 60), value: 22 },
        ],
      },
    ]);
  });

  it('takes part in a fan-out, at the resolution the native store chose', async () => {
    const { data, errors } = await seriesOf(gateway, {});
    expect(errors).toBeUndefined();
    expect(data?.series.resolution).toBe(60);
    expect(data?.series.series.nodes).toEqual([
      { backend: 'memory', tags: [{ name: 'room', value: 'hall' }], points: [{ time: iso(T0), value: 10 }] },
      {
        backend: 'memory',
        tags: [{ name: 'room', value: 'kitchen' }],
        points: [
          { time: iso(T0), value: 20 },
          { time: iso(T0 + 60), value: 22 },
        ],
      },
      { backend: 'native', tags: [{ name: 'room', value: 'attic' }], points: [{ time: iso(T0 + 60), value: 1 }] },
    ]);
  });

  it('answers calendar buckets for virtualTimeseries', async () => {
    const ask = (filter?: { name: string; value: string }[]) =>
      query<{
        virtualTimeseries: {
          metric: string;
          seriesCount: number;
          points: { label: string; value: number; count: number }[];
        };
      }>(
        gateway,
        `query ($filter: [TagInput!]) { virtualTimeseries(metric: "memory/room_temperature", calendar: "#P1D", observed: SUMMED, range: "between(${D0}, ${D1})", filter: $filter) { metric seriesCount points { label value count } } }`,
        { variables: { filter } },
      );
    const all = await ask();
    expect(all.errors).toBeUndefined();
    expect(all.data?.virtualTimeseries).toEqual({
      metric: 'memory/room_temperature',
      seriesCount: 2,
      points: [
        { label: D0, value: 52, count: 3 },
        { label: D1, value: 32, count: 2 },
      ],
    });
    const hall = await ask([{ name: 'room', value: 'hall' }]);
    expect(hall.data?.virtualTimeseries.points).toEqual([
      { label: D0, value: 10, count: 1 },
      { label: D1, value: 14, count: 1 },
    ]);
  });
});

describe('a backend kind that is down', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(undefined, {
      extraBackends: [new MemoryBackend('memory', ROOMS), new MemoryBackend('broken', ROOMS, 'always')],
    });
  });
  afterAll(() => gateway.close());

  it('costs only its own metrics in a listing, and says so on the field', async () => {
    const { data, errors } = await query<{ metrics: { edges: { node: { backend: string; name: string } }[] } }>(
      gateway,
      '{ metrics(name: "room_*") { edges { node { name backend } } } }',
    );
    expect(data?.metrics.edges.map(({ node }) => `${node.backend}/${node.name}`)).toEqual([
      'memory/room_humidity',
      'memory/room_temperature',
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['metrics'],
        extensions: expect.objectContaining({ code: 'BACKEND_UNAVAILABLE', backend: 'broken' }),
      }),
    ]);
  });

  it('costs only its own series in a fan-out', async () => {
    const { data, errors } = await seriesOf(gateway, {});
    expect(data?.series.series.nodes.map(({ backend, tags }) => `${backend}:${tags[0]?.value}`)).toEqual([
      'memory:hall',
      'memory:kitchen',
    ]);
    expect(errors?.map(({ extensions }) => [extensions.code, extensions.backend])).toEqual([
      ['BACKEND_UNAVAILABLE', 'broken'],
    ]);
  });

  it('fails a query named to it with BACKEND_UNAVAILABLE', async () => {
    const { data, errors } = await seriesOf(gateway, { backend: 'broken' });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'broken' });
  });
});

describe('a backend kind that lists its metrics but fails to describe them', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(undefined, { extraBackends: [new MemoryBackend('slow', ROOMS, 'describing')] });
  });
  afterAll(() => gateway.close());

  it('lists them by name, without what it would say of them, and reports the failure on the field', async () => {
    const { data, errors } = await query<{
      metrics: { totalCount: number; edges: { node: { backend: string; name: string; description: string | null } }[] };
    }>(gateway, '{ metrics(name: "room_*") { totalCount edges { node { name backend description } } } }');
    expect(data?.metrics).toEqual({
      totalCount: 2,
      edges: [
        { node: { backend: 'slow', name: 'room_humidity', description: null } },
        { node: { backend: 'slow', name: 'room_temperature', description: null } },
      ],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['metrics'],
        extensions: expect.objectContaining({ code: 'BACKEND_UNAVAILABLE', backend: 'slow' }),
      }),
    ]);
  });
});
