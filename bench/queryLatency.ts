/**
 * Figure (b): latency of the GraphQL `series` query for ONE series over a year of 1-minute
 * data — 1 day at 1-minute resolution (raw chunks), 30 days at 1 hour (hourly rollup) and 1
 * year at 1 day (daily rollup) — beside the REFERENCE measured in the same run: the HGETALLs
 * the query does, sent raw with ioredis. Target: the 1-year query ≤ 20 ms p50. The 1-day query
 * is timed with points as objects and as `columns` (parallel arrays).
 *
 * A year is 525,600 points: it is written with SeriesStore.write (the ingest service's own
 * path), a day per call, after one measurement over HTTP has created the metric and indexed
 * the series. Raw retention is 400 days so that no raw chunk of the year has expired.
 *
 *   npm run bench:query -- --runs 50
 */
import { performance } from 'node:perf_hooks';
import { type Redis } from 'ioredis';
import { DEFAULT_TENANT } from '../src/auth/principal.js';
import { NativeBackend } from '../src/backends/native/nativeBackend.js';
import { seriesIdOf } from '../src/backends/native/seriesIndex.js';
import { SeriesKeys, blockSeconds, floorTo, RAW_CHUNK_SECONDS } from '../src/backends/native/seriesLayout.js';
import { type SeriesStore, type StorageLevel } from '../src/backends/native/seriesStore.js';
import type { SeriesPoint } from '../src/backends/native/seriesWritePlan.js';
import { systemClock } from '../src/clock.js';
import { configSchema } from '../src/config/schema.js';
import { BackendRegistry } from '../src/backends/backendRegistry.js';
import { FanOut } from '../src/services/fanOut.js';
import { SeriesQueryService } from '../src/services/seriesQueryService.js';
import {
  argNumber,
  machineLine,
  median,
  ms,
  percentile,
  printFigures,
  printTable,
  ratio,
  type FigureRow,
} from './benchReport.js';
import {
  BENCH_KEY_PREFIX,
  redisVersion,
  startBenchGateway,
  nativeParts,
  type NativeParts,
  startBenchRedis,
  type BenchGateway,
  type RetentionDays,
} from './benchStack.js';

const DAY = 86_400;
const RETENTION_DAYS: RetentionDays = { raw: 400, r900: 400, r3600: 730, r86400: 3_650 };
const TARGET_MS = 20;
const METRIC = 'bench.latency';
/** A second metric whose index holds 10,000 series, of which the query still reads one. */
const WIDE_METRIC = 'bench.wide';
const WIDE_SERIES = 10_000;

const valueAt = (time: number): number => Math.round((50 + 10 * Math.sin(time / 3_600)) * 100) / 100;

interface Window {
  name: string;
  start: number;
  end: number;
  resolution: number;
  level: StorageLevel;
  points: number;
}

type Form = 'points' | 'columns';

const QUERY: Record<Form, string> = {
  points:
    'query ($q: SeriesQueryInput!) { series(query: $q) { resolution level series { nodes { points { time value } } } } }',
  columns:
    'query ($q: SeriesQueryInput!) { series(query: $q) { resolution level series { nodes { columns { times values } } } } }',
};

interface SeriesAnswer {
  data?: { series: { level: string; series: { nodes: { points?: unknown[]; columns?: { times: unknown[] } }[] } } };
  errors?: unknown[];
}

async function timeGraphql(gateway: BenchGateway, metric: string, window: Window, form: Form): Promise<number> {
  const variables = {
    q: {
      metric,
      start: new Date(window.start * 1000).toISOString(),
      end: new Date(window.end * 1000).toISOString(),
      resolution: window.resolution,
      tags: [{ name: 'host', value: 'h0' }],
    },
  };
  const started = performance.now();
  const response = await gateway.post('graphql', JSON.stringify({ query: QUERY[form], variables }));
  const body = (await response.json()) as SeriesAnswer;
  const elapsed = performance.now() - started;
  const nodes = body.data?.series.series.nodes ?? [];
  const returned = nodes[0]?.points?.length ?? nodes[0]?.columns?.times.length;
  if (body.errors || nodes.length !== 1 || returned !== window.points) {
    throw new Error(`${window.name} (${form}) answered ${JSON.stringify(body).slice(0, 400)}`);
  }
  return elapsed;
}

/** The reference: the HGETALLs SeriesStore.read sends for this window, timed raw. */
function referenceReader(client: Redis, seriesId: string, window: Window): () => Promise<number> {
  const keys = new SeriesKeys(BENCH_KEY_PREFIX, DEFAULT_TENANT, seriesId);
  const span = window.level === 'raw' ? RAW_CHUNK_SECONDS : blockSeconds(window.level);
  const names: string[] = [];
  for (let block = floorTo(window.start, span); block < window.end; block += span) {
    names.push(window.level === 'raw' ? keys.raw(block) : keys.rollup(window.level, block));
  }
  return async () => {
    const started = performance.now();
    await Promise.all(names.map((name) => client.hgetall(name)));
    return performance.now() - started;
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Creates the metric and indexes series h0 over HTTP, then writes a year of it directly. */
async function loadYear(
  gateway: BenchGateway,
  store: SeriesStore,
  metric: string,
  start: number,
  end: number,
): Promise<void> {
  const response = await gateway.post(
    'v1/measurements',
    JSON.stringify({
      tags: { host: 'h0' },
      measurements: [{ name: metric, value: valueAt(end - 60), time: end - 60 }],
    }),
  );
  if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  const id = seriesIdOf(metric, [['host', 'h0']]);
  for (let day = start; day < end; day += DAY) {
    const points: SeriesPoint[] = [];
    for (let time = day; time < day + DAY; time += 60) {
      const value = valueAt(time);
      points.push({
        time,
        state: { count: 1, sum: value, min: value, max: value, first: value, last: value, sumsq: value * value },
      });
    }
    await store.write(DEFAULT_TENANT, id, points);
  }
}

interface Timings {
  graphql: Record<Form, number[]>;
  service: number[];
  storeRead: number[];
  reference: number[];
}

async function measureWindow(
  runs: number,
  window: Window,
  metric: string,
  gateway: BenchGateway,
  parts: NativeParts,
  service: SeriesQueryService,
  client: Redis,
): Promise<Timings> {
  const id = seriesIdOf(metric, [['host', 'h0']]);
  const reference = referenceReader(client, id, window);
  const query = {
    metric,
    start: window.start,
    end: window.end,
    resolution: window.resolution,
    tags: [{ name: 'host', value: 'h0' }] as const,
  };
  const timings: Timings = { graphql: { points: [], columns: [] }, service: [], storeRead: [], reference: [] };
  const warmUp = 5;
  // Interleaved, so that noise from the shared machine hits every form alike.
  for (let run = 0; run < warmUp + runs; run += 1) {
    const points = await timeGraphql(gateway, metric, window, 'points');
    const columns = await timeGraphql(gateway, metric, window, 'columns');
    const serviced = await timed(() => service.query(DEFAULT_TENANT, query, new FanOut().forOperation()));
    const read = await timed(() => parts.series.read(DEFAULT_TENANT, id, window.level, window.start, window.end));
    const raw = await reference();
    if (run < warmUp) continue;
    timings.graphql.points.push(points);
    timings.graphql.columns.push(columns);
    timings.service.push(serviced);
    timings.storeRead.push(read);
    timings.reference.push(raw);
  }
  return timings;
}

async function main(): Promise<void> {
  const runs = argNumber('runs', 50);
  const redis = await startBenchRedis();
  const gateway = await startBenchGateway(redis.url, { retentionDays: RETENTION_DAYS });
  const nativeConfig = configSchema.parse({
    backends: [{ id: 'native', kind: 'native', redis: { url: redis.url }, retentionDays: RETENTION_DAYS }],
  }).backends[0];
  if (nativeConfig?.kind !== 'native') throw new Error('no native backend config');
  const native = new NativeBackend(nativeConfig, { keyPrefix: BENCH_KEY_PREFIX, clock: systemClock });
  const parts = nativeParts(redis.client, nativeConfig);
  const service = new SeriesQueryService(new BackendRegistry([native]), systemClock, configSchema.parse({}).limits);
  try {
    console.log(machineLine(await redisVersion(redis.client)));
    const end = floorTo(Math.floor(Date.now() / 1000), DAY);
    const start = end - 365 * DAY;
    let loading = performance.now();
    await loadYear(gateway, parts.series, METRIC, start, end);
    console.log(
      `wrote 525,600 one-minute points of one series in ${((performance.now() - loading) / 1000).toFixed(1)} s (SeriesStore.write, a day per call)`,
    );
    loading = performance.now();
    await loadYear(gateway, parts.series, WIDE_METRIC, start, end);
    const others = Array.from({ length: WIDE_SERIES - 1 }, (_, i) => {
      const tags: [string, string][] = [['host', `h${i + 1}`]];
      return { id: seriesIdOf(WIDE_METRIC, tags), tags };
    });
    await parts.index.register(DEFAULT_TENANT, WIDE_METRIC, others);
    console.log(
      `wrote the same year for ${WIDE_METRIC} h0 and indexed ${WIDE_SERIES - 1} more series of it in ${((performance.now() - loading) / 1000).toFixed(1)} s`,
    );

    const windows: Window[] = [
      { name: '1 day at 1 min', start: end - DAY, end, resolution: 60, level: 'raw', points: 1_440 },
      { name: '30 days at 1 h', start: end - 30 * DAY, end, resolution: 3_600, level: 3_600, points: 720 },
      { name: '1 year at 1 day', start, end, resolution: DAY, level: DAY, points: 365 },
    ];
    const figures: FigureRow[] = [];
    const breakdown: string[][] = [];
    const p = (values: number[]): string => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.99))}`;
    const cases = [
      ...windows.map((window) => ({ window, metric: METRIC })),
      { window: windows[2] as Window, metric: WIDE_METRIC },
    ];
    for (const { window, metric } of cases) {
      const t = await measureWindow(runs, window, metric, gateway, parts, service, redis.client);
      const label =
        metric === WIDE_METRIC
          ? `${window.name}, metric of ${WIDE_SERIES.toLocaleString('en-US')} series`
          : window.name;
      const isTarget = window.resolution === DAY && metric === METRIC;
      for (const form of ['points', 'columns'] as const) {
        figures.push({
          figure: `${label} (${window.points} pts), ${form}`,
          value: p(t.graphql[form]),
          reference: `${p(t.reference)} raw HGETALL`,
          ratio: ratio(median(t.graphql[form]), median(t.reference)),
          target: isTarget ? `p50 ≤ ${TARGET_MS} ms` : '',
          met: isTarget ? percentile(t.graphql[form], 0.5) <= TARGET_MS : null,
        });
      }
      breakdown.push([label, p(t.reference), p(t.storeRead), p(t.service), p(t.graphql.points), p(t.graphql.columns)]);
    }
    printFigures(`(b) series query latency, one series, ${runs} runs each (p50 / p99)`, figures);
    printTable(
      'where the time goes (p50 / p99): read, service and GraphQL each include the work left of them; the two GraphQL forms are alternatives',
      ['window', 'raw HGETALL', 'SeriesStore.read', 'SeriesQueryService', 'GraphQL points', 'GraphQL columns'],
      breakdown,
    );
  } finally {
    await native.close();
    await gateway.close();
    await redis.stop();
  }
}

await main();
