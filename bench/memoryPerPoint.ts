/**
 * Figure (c): Redis memory per stored raw point. `--series` series × 1,440 points (one UTC day
 * at 1 minute) are written with SeriesStore.write into a fresh redis-server, and memory is
 * read two ways: INFO used_memory before/after (everything: raw chunks, rollups, expiry
 * entries), and MEMORY USAGE summed over every raw chunk key (raw only) and every rollup key.
 * The REFERENCE, measured in the same run on the same Redis: the same points packed as binary
 * strings, one per series and 2-hour chunk (uint16 offset + float64 value = 10 bytes a point),
 * with the same expiry. Target ≤ 16 bytes per raw point.
 *
 * How many bytes a point takes depends on how long its value is as text, so two kinds of
 * value are stored: a gauge with two decimals ("37.25") and a full-precision double.
 *
 *   npm run bench:memory -- --series 1000
 */
import { Redis } from 'ioredis';
import { DEFAULT_TENANT } from '../src/auth/principal.js';
import { seriesIdOf } from '../src/backends/native/seriesIndex.js';
import { floorTo, RAW_CHUNK_SECONDS } from '../src/backends/native/seriesLayout.js';
import { SeriesStore } from '../src/backends/native/seriesStore.js';
import type { SeriesPoint } from '../src/backends/native/seriesWritePlan.js';
import { argNumber, count, machineLine, printFigures, printTable, ratio, type FigureRow } from './benchReport.js';
import { BENCH_KEY_PREFIX, redisInfo, redisVersion, startBenchRedis } from './benchStack.js';
import { DEFAULT_RETENTION } from './ingestStages.js';

const DAY = 86_400;
const POINTS_PER_SERIES = 1_440;
const TARGET_BYTES = 16;

interface Kind {
  name: string;
  value: (series: number, time: number) => number;
}

/** A deterministic stand-in for Math.random: the same doubles in every run. */
function fraction(series: number, time: number): number {
  let x = Math.imul(series ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(time, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const KINDS: Kind[] = [
  { name: 'gauge, 2 decimals', value: (series, time) => Math.round(fraction(series, time) * 10_000) / 100 },
  { name: 'full-precision double', value: (series, time) => fraction(series, time) * 100 },
];

async function usedMemory(client: Redis): Promise<number> {
  return Number((await redisInfo(client, 'memory')).get('used_memory'));
}

async function scan(client: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** MEMORY USAGE (every field counted) summed over the keys matching, and their hash entries. */
async function usageOf(client: Redis, pattern: string): Promise<{ keys: number; bytes: number; entries: number }> {
  const keys = await scan(client, pattern);
  const pipeline = client.pipeline();
  for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', 0).type(key);
  const replies = (await pipeline.exec()) ?? [];
  let bytes = 0;
  const hashes: string[] = [];
  for (let i = 0; i < replies.length; i += 2) {
    bytes += Number(replies[i]?.[1] ?? 0);
    if (replies[i + 1]?.[1] === 'hash') hashes.push(keys[i / 2] as string);
  }
  const lengths = hashes.length ? await Promise.all(hashes.map((key) => client.hlen(key))) : [];
  return { keys: keys.length, bytes, entries: lengths.reduce((a, b) => a + b, 0) };
}

function dayOf(kind: Kind, series: number, day: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let time = day; time < day + DAY; time += 60) {
    const v = kind.value(series, time);
    points.push({ time, state: { count: 1, sum: v, min: v, max: v, first: v, last: v, sumsq: v * v } });
  }
  return points;
}

interface Measured {
  total: number;
  raw: { keys: number; bytes: number; entries: number };
  rollups: { grain: string; keys: number; bytes: number; entries: number }[];
  sample: { key: string; bytes: number; entries: number; encoding: string };
  reference: { total: number; usage: number };
}

async function measureKind(
  client: Redis,
  store: SeriesStore,
  kind: Kind,
  seriesCount: number,
  day: number,
): Promise<Measured> {
  const ids = Array.from({ length: seriesCount }, (_, series) => seriesIdOf('bench.memory', [['host', `h${series}`]]));
  await client.flushall();
  const before = await usedMemory(client);
  for (let series = 0; series < seriesCount; series += 1) {
    await store.write(DEFAULT_TENANT, ids[series] as string, dayOf(kind, series, day));
  }
  const total = (await usedMemory(client)) - before;
  const raw = await usageOf(client, `${BENCH_KEY_PREFIX}:*:raw:*`);
  const rollups = [];
  for (const grain of ['900', '3600', '86400']) {
    rollups.push({ grain, ...(await usageOf(client, `${BENCH_KEY_PREFIX}:*:r${grain}:*`)) });
  }
  const sampleKey = `${BENCH_KEY_PREFIX}:{s:${DEFAULT_TENANT}:${ids[0]}}:raw:${day}`;
  const sample = {
    key: sampleKey,
    bytes: Number(await client.memory('USAGE', sampleKey, 'SAMPLES', 0)),
    entries: await client.hlen(sampleKey),
    encoding: String(await client.object('ENCODING', sampleKey)),
  };
  return { total, raw, rollups, sample, reference: await packedReference(client, kind, seriesCount, day) };
}

/** The same points as one binary string per series and chunk, with the raw chunks' expiry. */
async function packedReference(
  client: Redis,
  kind: Kind,
  seriesCount: number,
  day: number,
): Promise<{ total: number; usage: number }> {
  await client.flushall();
  const before = await usedMemory(client);
  for (let series = 0; series < seriesCount; series += 1) {
    const pipeline = client.pipeline();
    for (let chunk = day; chunk < day + DAY; chunk += RAW_CHUNK_SECONDS) {
      const packed = Buffer.alloc((RAW_CHUNK_SECONDS / 60) * 10);
      for (let i = 0; i < RAW_CHUNK_SECONDS / 60; i += 1) {
        packed.writeUInt16LE(i * 60, i * 10);
        packed.writeDoubleLE(kind.value(series, chunk + i * 60), i * 10 + 2);
      }
      const key = `ref:{s:${series}}:raw:${chunk}`;
      pipeline
        .set(key, packed)
        .expireat(key, floorTo(chunk, RAW_CHUNK_SECONDS) + RAW_CHUNK_SECONDS + DEFAULT_RETENTION.raw);
    }
    await pipeline.exec();
  }
  const total = (await usedMemory(client)) - before;
  const usage = await usageOf(client, 'ref:*');
  return { total, usage: usage.bytes };
}

async function main(): Promise<void> {
  const seriesCount = argNumber('series', 1_000);
  const redis = await startBenchRedis();
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const store = new SeriesStore(client, BENCH_KEY_PREFIX, DEFAULT_RETENTION);
  try {
    console.log(machineLine(await redisVersion(redis.client)));
    const day = floorTo(Math.floor(Date.now() / 1000), DAY) - DAY; // yesterday, UTC
    await store.write(DEFAULT_TENANT, 'warm-up', dayOf(KINDS[0] as Kind, 0, day)); // loads the script
    const points = seriesCount * POINTS_PER_SERIES;
    console.log(
      `${count(seriesCount)} series × ${POINTS_PER_SERIES} points = ${count(points)} raw points per kind of value`,
    );
    const figures: FigureRow[] = [];
    const details: string[][] = [];
    const perPoint = (bytes: number): string => `${(bytes / points).toFixed(2)} B`;
    for (const kind of KINDS) {
      const m = await measureKind(redis.client, store, kind, seriesCount, day);
      const rollupBytes = m.rollups.reduce((sum, level) => sum + level.bytes, 0);
      const reference = `${perPoint(m.reference.usage)} packed (used_memory ${perPoint(m.reference.total)})`;
      figures.push(
        {
          figure: `${kind.name}: raw chunk keys only (MEMORY USAGE)`,
          value: `${perPoint(m.raw.bytes)}/point`,
          reference,
          ratio: ratio(m.raw.bytes, m.reference.usage),
          target: `≤ ${TARGET_BYTES} B/point`,
          met: m.raw.bytes / points <= TARGET_BYTES,
        },
        {
          figure: `${kind.name}: everything (used_memory Δ, rollups incl.)`,
          value: `${perPoint(m.total)}/point`,
          reference,
          ratio: ratio(m.total, m.reference.total),
          target: `≤ ${TARGET_BYTES} B/point`,
          met: m.total / points <= TARGET_BYTES,
        },
      );
      details.push([
        kind.name,
        'raw chunks',
        count(m.raw.keys),
        count(m.raw.entries),
        perPoint(m.raw.bytes),
        `${(m.raw.bytes / m.raw.entries).toFixed(1)} B`,
      ]);
      for (const level of m.rollups) {
        details.push([
          kind.name,
          `r${level.grain} rollup`,
          count(level.keys),
          count(level.entries),
          perPoint(level.bytes),
          `${(level.bytes / level.entries).toFixed(1)} B`,
        ]);
      }
      details.push([kind.name, 'all rollups', '', '', perPoint(rollupBytes), '']);
      details.push([
        kind.name,
        `sample ${m.sample.encoding} chunk`,
        '1',
        String(m.sample.entries),
        '',
        `${(m.sample.bytes / m.sample.entries).toFixed(1)} B (${m.sample.bytes} B key)`,
      ]);
    }
    printFigures('(c) Redis memory per stored raw point', figures);
    printTable(
      'by level (MEMORY USAGE, SAMPLES 0)',
      ['values', 'keys', 'count', 'hash entries', 'per raw point', 'per entry'],
      details,
    );
  } finally {
    client.disconnect();
    await redis.stop();
  }
}

await main();
