/**
 * Calendar aggregation on the native store: the GraphQL `virtualTimeseries` query (and, under
 * it, CalendarQueryService and NativeBackend.queryBuckets) for monthly (#P1M) buckets over a
 * year and hourly (#PT1H) buckets over a day, in Europe/Berlin, for one series and for all 100
 * series of one metric. Target: the year in months for ONE series ≤ 20 ms p50.
 *
 * REFERENCE, measured in the same run on the same Redis: reading the same series and range raw
 * — the HGETALLs of every 2-hour raw chunk that overlaps it, sent with ioredis. Two floors, to
 * split the query's time: the HMGETs SeriesStore sends for the bucket plan (one per rollup piece
 * and key), replayed raw without decoding or combining, and the same fields merged into one
 * HMGET per key.
 *
 * The data: last year (Berlin) of 1-minute points, 527,040 a series (the UTC days that overlap
 * the year, so its edges hold real data), for 100 series of `bench.calendar`. Ingesting that
 * through the Lua script would take hours, so the layout is written directly: raw chunk fields
 * and the 15-minute, hourly and daily states (combined child by child, as the script does, and
 * encoded with pointCodec) are HSET pipelined into the keys SeriesKeys gives, without expiry;
 * the series are indexed and the metric created through the backend's own index and catalog.
 * Retention is 800 days for raw, r900 and r3600, so the bucket plan counts last year as held
 * under the real clock. Every case is checked once (per-bucket counts and sums, and the year's
 * total against the generated values) before it is timed.
 *
 *   npm run bench:calendar -- --runs 50 --raw-runs 10 --wide-raw-runs 3
 */
import { performance } from 'node:perf_hooks';
import { type Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { DEFAULT_TENANT } from '../src/auth/principal.js';
import type { BucketQuery } from '../src/backends/backend.js';
import { BackendRegistry } from '../src/backends/backendRegistry.js';
import { planBuckets } from '../src/backends/native/bucketPlan.js';
import { NativeBackend } from '../src/backends/native/nativeBackend.js';
import { encodeState } from '../src/backends/native/pointCodec.js';
import { seriesIdOf } from '../src/backends/native/seriesIndex.js';
import {
  blockSeconds,
  floorTo,
  RAW_CHUNK_SECONDS,
  rollupSlot,
  SeriesKeys,
  type RollupGrain,
} from '../src/backends/native/seriesLayout.js';
import { retentionOf, type Retention } from '../src/backends/native/seriesWritePlan.js';
import { systemClock } from '../src/clock.js';
import { configSchema } from '../src/config/schema.js';
import { combine, combineAll, EMPTY, stateOfValue, type BucketState } from '../src/domain/bucketState.js';
import { calendarBuckets } from '../src/domain/calendar/calendarBuckets.js';
import { parseCalendar } from '../src/domain/calendar/calendarCode.js';
import { evaluateRange } from '../src/domain/ranges/rangeExpression.js';
import { compileTagFilter, type TagPair } from '../src/domain/tags/tagFilter.js';
import { CalendarQueryService, type VirtualQuery } from '../src/services/calendarQueryService.js';
import { argNumber, count, machineLine, median, ms, percentile, printTable, ratio } from './benchReport.js';
import {
  BENCH_KEY_PREFIX,
  nativeParts,
  type NativeParts,
  redisInfo,
  redisVersion,
  startBenchGateway,
  startBenchRedis,
  type BenchGateway,
  type RetentionDays,
} from './benchStack.js';

const DAY = 86_400;
const ZONE = 'Europe/Berlin';
const METRIC = 'bench.calendar';
const SERIES = 100;
const RETENTION_DAYS: RetentionDays = { raw: 800, r900: 800, r3600: 800, r86400: 3_650 };
const TARGET_MS = 20;
const WARM_UP = 5;

const hostOf = (series: number): string => `h${String(series).padStart(3, '0')}`;
const tagsOf = (series: number): [string, string][] => [['host', hostOf(series)]];
const idOf = (series: number): string => seriesIdOf(METRIC, tagsOf(series));
/** A gauge with two decimals, different for every series. */
const valueAt = (series: number, time: number): number =>
  Math.round((50 + (series % 7) + 10 * Math.sin(time / 3_600 + series)) * 100) / 100;

interface Case {
  name: string;
  calendar: string;
  range: string;
  /** Series numbers the filter selects. */
  series: number[];
  filter: TagPair[] | null;
  buckets: number;
  level: string;
  /** Where the reference reads raw: the span of the buckets. */
  start: number;
  end: number;
}

// ---- loading: the native layout, written directly ----

/** HSETs one UTC day of one series: 12 raw chunks, its 96 quarters, 24 hours and the day. */
function writeDay(pipeline: ReturnType<Redis['pipeline']>, keys: SeriesKeys, series: number, day: number): void {
  const quarters: BucketState[] = [];
  for (let chunk = day; chunk < day + DAY; chunk += RAW_CHUNK_SECONDS) {
    const fields: string[] = [];
    let quarter: BucketState = EMPTY;
    for (let offset = 0; offset < RAW_CHUNK_SECONDS; offset += 60) {
      const state = stateOfValue(valueAt(series, chunk + offset));
      fields.push(String(offset), encodeState(state));
      quarter = combine(quarter, state);
      if ((offset + 60) % 900 === 0) {
        quarters.push(quarter);
        quarter = EMPTY;
      }
    }
    pipeline.hset(keys.raw(chunk), ...fields);
  }
  const hours = Array.from({ length: 24 }, (_, hour) => combineAll(quarters.slice(hour * 4, hour * 4 + 4)));
  pipeline.hset(keys.rollup(900, day), ...quarters.flatMap((state, field) => [String(field), encodeState(state)]));
  const hourSlot = rollupSlot(3_600, day);
  pipeline.hset(
    keys.rollup(3_600, hourSlot.blockStart),
    ...hours.flatMap((state, hour) => [String(hourSlot.field + hour), encodeState(state)]),
  );
  const daySlot = rollupSlot(DAY, day);
  pipeline.hset(keys.rollup(DAY, daySlot.blockStart), String(daySlot.field), encodeState(combineAll(hours)));
}

async function loadLayout(client: Redis, parts: NativeParts, firstDay: number, endDay: number): Promise<void> {
  const DAYS_PER_PIPELINE = 8;
  const write = async (series: number): Promise<void> => {
    const keys = new SeriesKeys(BENCH_KEY_PREFIX, DEFAULT_TENANT, idOf(series));
    for (let from = firstDay; from < endDay; from += DAYS_PER_PIPELINE * DAY) {
      const pipeline = client.pipeline();
      for (let day = from; day < Math.min(endDay, from + DAYS_PER_PIPELINE * DAY); day += DAY) {
        writeDay(pipeline, keys, series, day);
      }
      const failed = (await pipeline.exec())?.find(([error]) => error);
      if (failed) throw new Error(`loading ${hostOf(series)}: ${String(failed[0])}`);
    }
  };
  for (let series = 0; series < SERIES; series += 2) await Promise.all([write(series), write(series + 1)]);
  await parts.catalog.createIfMissing(DEFAULT_TENANT, METRIC, { description: 'calendar bench' });
  const entries = Array.from({ length: SERIES }, (_, series) => ({ id: idOf(series), tags: tagsOf(series) }));
  await parts.index.register(DEFAULT_TENANT, METRIC, entries);
}

/**
 * Loading grows the AOF past the size that triggers a rewrite, and a rewrite of ~1 GB forks a
 * process that competes for the 2 cores: start it now and wait for it, so none runs while
 * queries are timed (reads add nothing to the AOF). Returns the seconds waited.
 */
async function settleAof(client: Redis): Promise<number> {
  const started = performance.now();
  if ((await redisInfo(client, 'persistence')).get('aof_enabled') !== '1') return 0;
  await client.bgrewriteaof().catch(() => undefined); // "already in progress" is fine
  for (;;) {
    const info = await redisInfo(client, 'persistence');
    if (info.get('aof_rewrite_in_progress') === '0' && info.get('aof_rewrite_scheduled') === '0') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance.now() - started) / 1000;
}

// ---- checking answers against the generated values ----

interface Bucket {
  label: string;
  start: number;
  end: number;
  value: number | null;
  count: number;
}

function expectedSum(series: readonly number[], start: number, end: number): { sum: number; count: number } {
  let sum = 0;
  let points = 0;
  for (const s of series) {
    for (let time = Math.ceil(start / 60) * 60; time < end; time += 60) {
      sum += valueAt(s, time);
      points += 1;
    }
  }
  return { sum, count: points };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Throws unless every bucket and the span's total hold exactly the generated points. */
function check(what: string, c: Case, buckets: readonly Bucket[], level: string, seriesCount: number): void {
  const fail = (problem: string): never => {
    throw new Error(`${what}, ${c.name}: ${problem}`);
  };
  if (buckets.length !== c.buckets) fail(`${buckets.length} buckets, expected ${c.buckets}`);
  if (level !== c.level) fail(`level ${level}, expected ${c.level}`);
  if (seriesCount !== c.series.length) fail(`${seriesCount} series, expected ${c.series.length}`);
  for (const bucket of buckets) {
    const expected = expectedSum(c.series, bucket.start, bucket.end);
    if (bucket.count !== expected.count || !close(bucket.value ?? Number.NaN, expected.sum)) {
      fail(`bucket ${bucket.label}: ${bucket.value} (${bucket.count}), expected ${expected.sum} (${expected.count})`);
    }
  }
  const total = expectedSum(c.series, c.start, c.end);
  const sum = buckets.reduce((a, bucket) => a + (bucket.value ?? 0), 0);
  const points = buckets.reduce((a, bucket) => a + bucket.count, 0);
  if (points !== total.count || !close(sum, total.sum)) {
    fail(`buckets total ${sum} (${points}), generated ${total.sum} (${total.count})`);
  }
}

// ---- the timed forms ----

const QUERY = `query ($metric: String!, $calendar: String!, $range: String!, $filter: [TagInput!]) {
  virtualTimeseries(metric: $metric, calendar: $calendar, observed: SUMMED, range: $range, timeZone: "${ZONE}", filter: $filter) {
    level seriesCount points { label start end value count }
  }
}`;

interface GraphqlAnswer {
  data?: {
    virtualTimeseries: {
      level: string;
      seriesCount: number;
      points: { label: string; start: string; end: string; value: number | null; count: number }[];
    };
  };
  errors?: unknown[];
}

async function graphql(gateway: BenchGateway, c: Case): Promise<GraphqlAnswer> {
  const variables = { metric: METRIC, calendar: c.calendar, range: c.range, filter: c.filter };
  const response = await gateway.post('graphql', JSON.stringify({ query: QUERY, variables }));
  const body = (await response.json()) as GraphqlAnswer;
  if (body.errors || !body.data) throw new Error(`${c.name} answered ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

function checkGraphql(c: Case, body: GraphqlAnswer): void {
  const answer = body.data?.virtualTimeseries;
  if (!answer) throw new Error(`${c.name}: no answer`);
  const seconds = (iso: string): number => Date.parse(iso) / 1000;
  const buckets = answer.points.map((p) => ({ ...p, start: seconds(p.start), end: seconds(p.end) }));
  check('GraphQL', c, buckets, answer.level, answer.seriesCount);
}

/** Raw chunks in flight at most, so that 100 series × a year (438,100 replies) never sit in memory at once. */
const RAW_IN_FLIGHT = 5_000;

/** The 2-hour raw chunk keys overlapping [start, end) of each series, in batches of whole series. */
function rawChunkBatches(c: Case): string[][] {
  const batches: string[][] = [[]];
  for (const series of c.series) {
    const keys = new SeriesKeys(BENCH_KEY_PREFIX, DEFAULT_TENANT, idOf(series));
    const names: string[] = [];
    for (let chunk = floorTo(c.start, RAW_CHUNK_SECONDS); chunk < c.end; chunk += RAW_CHUNK_SECONDS) {
      names.push(keys.raw(chunk));
    }
    const last = batches.at(-1) as string[];
    if (last.length > 0 && last.length + names.length > RAW_IN_FLIGHT) batches.push(names);
    else last.push(...names);
  }
  return batches;
}

/**
 * The reference: HGETALL of every raw chunk, a batch at a time (all of a batch in flight).
 * Returns the milliseconds spent waiting for the batches and the number of points in [start, end).
 */
async function readRaw(client: Redis, c: Case, batches: readonly string[][]): Promise<[number, number]> {
  let elapsed = 0;
  let points = 0;
  for (const names of batches) {
    const started = performance.now();
    const chunks = await Promise.all(names.map((name) => client.hgetall(name)));
    elapsed += performance.now() - started;
    chunks.forEach((fields, index) => {
      const chunk = Number(names[index]?.slice(names[index].lastIndexOf(':') + 1));
      for (const offset of Object.keys(fields)) {
        const time = chunk + Number(offset);
        if (time >= c.start && time < c.end) points += 1;
      }
    });
  }
  return [elapsed, points];
}

/** The HMGETs SeriesStore sends for the plan (one per rollup piece and key), for every series. */
function planReads(c: Case, query: BucketQuery, retention: Retention): [string, string[]][] {
  const now = Math.floor(Date.now() / 1000);
  const held = (level: 'raw' | RollupGrain): number =>
    now - (level === 'raw' ? retention.raw : retentionOf(retention, level));
  const plan = planBuckets(query.buckets, held);
  if (plan.expired || plan.levels.includes('raw')) throw new Error(`${c.name}: plan ${JSON.stringify(plan.levels)}`);
  const reads: [string, string[]][] = [];
  for (const series of c.series) {
    const keys = new SeriesKeys(BENCH_KEY_PREFIX, DEFAULT_TENANT, idOf(series));
    for (const piece of plan.pieces) {
      const grain = piece.level as RollupGrain;
      const span = blockSeconds(grain);
      for (let block = floorTo(piece.start, span); block < piece.end; block += span) {
        const fields: string[] = [];
        for (let time = Math.max(block, piece.start); time < Math.min(block + span, piece.end); time += grain) {
          fields.push(String((time - block) / grain));
        }
        reads.push([keys.rollup(grain, block), fields]);
      }
    }
  }
  return reads;
}

/** The same fields, one HMGET per key: what the plan would cost if SeriesStore merged its reads by key. */
function mergedByKey(reads: readonly [string, string[]][]): [string, string[]][] {
  const merged = new Map<string, string[]>();
  for (const [key, fields] of reads) merged.set(key, [...(merged.get(key) ?? []), ...fields]);
  return [...merged];
}

const sendAll = (client: Redis, reads: readonly [string, string[]][]): Promise<unknown> =>
  Promise.all(reads.map(([key, fields]) => client.hmget(key, ...fields)));

interface Timings {
  graphql: number[];
  service: number[];
  backend: number[];
  hmget: number[];
  merged: number[];
  raw: number[];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface Measured extends Timings {
  /** Commands sent: HMGETs of the plan, the same merged by key, raw chunks read by the reference. */
  reads: number;
  mergedReads: number;
  chunks: number;
}

interface Stack {
  gateway: BenchGateway;
  native: NativeBackend;
  parts: NativeParts;
  service: CalendarQueryService;
  client: Redis;
}

interface Prepared {
  request: VirtualQuery;
  query: BucketQuery;
  reads: [string, string[]][];
  rawBatches: string[][];
  /** Milliseconds of the checked raw read. */
  firstRaw: number;
}

/** Checks the case's answers (service, GraphQL, raw chunks) against the generated values, once. */
async function prepareCase({ gateway, parts, service, client }: Stack, c: Case): Promise<Prepared> {
  const request: VirtualQuery = {
    metric: METRIC,
    calendar: c.calendar,
    observed: 'summed',
    range: c.range,
    timeZone: ZONE,
    filter: c.filter,
  };
  const answer = await service.evaluate(DEFAULT_TENANT, request);
  check('service', c, answer.points, answer.level, answer.seriesCount);
  checkGraphql(c, await graphql(gateway, c));
  const range = evaluateRange(c.range, { now: systemClock.now(), timeZone: ZONE });
  const query: BucketQuery = {
    tenant: DEFAULT_TENANT,
    metric: METRIC,
    series: compileTagFilter(c.filter ?? []),
    buckets: calendarBuckets(parseCalendar(c.calendar), ZONE, range),
    maxSeries: SERIES,
  };
  const rawBatches = rawChunkBatches(c);
  const [firstRaw, rawPoints] = await readRaw(client, c, rawBatches);
  const expected = expectedSum(c.series, c.start, c.end).count;
  if (rawPoints !== expected) throw new Error(`${c.name}: raw chunks hold ${rawPoints} points, expected ${expected}`);
  return { request, query, reads: planReads(c, query, parts.series.retention), rawBatches, firstRaw };
}

async function measureCase(stack: Stack, c: Case, runs: number, rawRuns: number): Promise<Measured> {
  const { gateway, native, service, client } = stack;
  const { request, query, reads, rawBatches, firstRaw } = await prepareCase(stack, c);
  const merged = mergedByKey(reads);
  const t: Timings = { graphql: [], service: [], backend: [], hmget: [], merged: [], raw: [] };
  const interleaveRaw = rawRuns >= runs;
  // Interleaved, so that noise from the shared machine hits every form alike.
  for (let run = 0; run < WARM_UP + runs; run += 1) {
    const g = await timed(() => graphql(gateway, c));
    const s = await timed(() => service.evaluate(DEFAULT_TENANT, request));
    const b = await timed(() => native.queryBuckets(query));
    const h = await timed(() => sendAll(client, reads));
    const m = await timed(() => sendAll(client, merged));
    const r = interleaveRaw ? (await readRaw(client, c, rawBatches))[0] : Number.NaN;
    if (run < WARM_UP) continue;
    t.graphql.push(g);
    t.service.push(s);
    t.backend.push(b);
    t.hmget.push(h);
    t.merged.push(m);
    if (interleaveRaw) t.raw.push(r);
  }
  // A year of raw chunks takes long to read: fewer runs, after the others, the checked read
  // counting as the first (a raw read has little to warm up).
  if (!interleaveRaw) t.raw.push(firstRaw);
  for (let run = 1; !interleaveRaw && run < rawRuns; run += 1) t.raw.push((await readRaw(client, c, rawBatches))[0]);
  const chunks = rawBatches.reduce((n, names) => n + names.length, 0);
  return { ...t, reads: reads.length, mergedReads: merged.length, chunks };
}

function cases(year: number, yearStart: number, yearEnd: number): Case[] {
  const all = Array.from({ length: SERIES }, (_, series) => series);
  const day = `${year}-06-15`;
  const dayStart = DateTime.fromISO(day, { zone: ZONE }).toSeconds();
  const dayEnd = DateTime.fromISO(day, { zone: ZONE }).plus({ days: 1 }).toSeconds();
  const one = { series: [0], filter: [{ name: 'host', value: hostOf(0) }] };
  const wide = { series: all, filter: null };
  const months = {
    calendar: '#P1M',
    range: String(year),
    buckets: 12,
    level: '86400,3600',
    start: yearStart,
    end: yearEnd,
  };
  const hours = { calendar: '#PT1H', range: day, buckets: 24, level: '3600', start: dayStart, end: dayEnd };
  return [
    { name: `${year} in months (#P1M), 1 series`, ...months, ...one },
    { name: `${year} in months (#P1M), ${SERIES} series`, ...months, ...wide },
    { name: `${day} in hours (#PT1H), 1 series`, ...hours, ...one },
    { name: `${day} in hours (#PT1H), ${SERIES} series`, ...hours, ...wide },
  ];
}

/** value ÷ reference; small ratios keep two significant digits and show the inverse. */
function shareOf(value: number, reference: number): string {
  const share = value / reference;
  return share >= 0.1 ? ratio(value, reference) : `${share.toPrecision(2)}× (1/${Math.round(1 / share)})`;
}

function report(results: readonly [Case, Measured][], runs: number): void {
  const p50 = (values: number[]): string => ms(percentile(values, 0.5));
  const p99 = (values: number[]): string => ms(percentile(values, 0.99));
  const figures: string[][] = [];
  const breakdown: string[][] = [];
  for (const [c, t] of results) {
    const isTarget = c.calendar === '#P1M' && c.series.length === 1;
    const reference = `${p50(t.raw)} raw HGETALL${t.raw.length < runs ? ` (${t.raw.length} runs)` : ''}`;
    for (const [form, values] of [
      ['GraphQL', t.graphql],
      ['service', t.service],
    ] as const) {
      const met = percentile(values, 0.5) <= TARGET_MS ? 'MET' : 'NOT MET';
      figures.push([
        `${c.name}, ${form}`,
        p50(values),
        p99(values),
        reference,
        shareOf(median(values), median(t.raw)),
        isTarget ? `p50 ≤ ${TARGET_MS} ms` : '',
        isTarget ? met : '',
      ]);
    }
    const both = (values: number[]): string => `${p50(values)} / ${p99(values)}`;
    breakdown.push([
      c.name,
      `${both(t.raw)} (${count(t.chunks)})`,
      `${both(t.hmget)} (${count(t.reads)})`,
      `${both(t.merged)} (${count(t.mergedReads)})`,
      both(t.backend),
      both(t.service),
      both(t.graphql),
    ]);
  }
  printTable(
    `calendar aggregation in ${ZONE}, ${runs} runs each (the reference: HGETALL of the raw chunks of the same series and range)`,
    ['case', 'p50', 'p99', 'reference p50', 'ratio', 'target', 'met?'],
    figures,
  );
  printTable(
    'where the time goes (p50 / p99; commands in brackets): queryBuckets sends the plan HMGETs and decodes and combines their replies; the service and GraphQL each include the work to their left',
    [
      'case',
      'raw HGETALL (chunks)',
      'plan HMGETs raw (cmds)',
      'same, 1 HMGET/key (cmds)',
      'queryBuckets',
      'CalendarQueryService',
      'GraphQL',
    ],
    breakdown,
  );
}

async function main(): Promise<void> {
  const runs = argNumber('runs', 50);
  const rawRuns = argNumber('raw-runs', 10);
  const wideRawRuns = argNumber('wide-raw-runs', 3);
  const redis = await startBenchRedis();
  const gateway = await startBenchGateway(redis.url, { retentionDays: RETENTION_DAYS });
  const nativeConfig = configSchema.parse({
    backends: [{ id: 'native', kind: 'native', redis: { url: redis.url }, retentionDays: RETENTION_DAYS }],
  }).backends[0];
  if (nativeConfig?.kind !== 'native') throw new Error('no native backend config');
  const native = new NativeBackend(nativeConfig, { keyPrefix: BENCH_KEY_PREFIX, clock: systemClock });
  const parts = nativeParts(redis.client, nativeConfig);
  const limits = configSchema.parse({}).limits;
  const service = new CalendarQueryService(new BackendRegistry([native]), native, systemClock, limits);
  try {
    console.log(machineLine(await redisVersion(redis.client)));
    const year = DateTime.now().setZone(ZONE).year - 1;
    const yearStart = DateTime.fromObject({ year }, { zone: ZONE }).toSeconds();
    const yearEnd = DateTime.fromObject({ year: year + 1 }, { zone: ZONE }).toSeconds();
    const firstDay = floorTo(yearStart, DAY);
    const endDay = Math.ceil(yearEnd / DAY) * DAY;
    const loading = performance.now();
    await loadLayout(redis.client, parts, firstDay, endDay);
    const points = ((endDay - firstDay) / 60) * SERIES;
    console.log(
      `wrote ${count(points)} one-minute points (${SERIES} series × ${(endDay - firstDay) / DAY} UTC days) and their rollups in ${((performance.now() - loading) / 1000).toFixed(1)} s (pipelined HSET)`,
    );

    console.log(`waited ${(await settleAof(redis.client)).toFixed(1)} s for the AOF rewrite the load started`);

    const stack = { gateway, native, parts, service, client: redis.client };
    const results: [Case, Measured][] = [];
    for (const c of cases(year, yearStart, yearEnd)) {
      const yearRawRuns = c.series.length > 1 ? wideRawRuns : rawRuns;
      results.push([c, await measureCase(stack, c, runs, c.calendar === '#P1M' ? yearRawRuns : runs)]);
    }
    report(results, runs);
  } finally {
    await native.close();
    await gateway.close();
    await redis.stop();
  }
}

await main();
