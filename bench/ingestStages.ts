/**
 * The pieces of one `POST /v1/measurements`, each timed alone so that the end-to-end figure of
 * ingestThroughput.ts can be explained: the raw Redis reference (pipelined HSETs), the
 * gateway's CPU work per measurement (JSON parsing, validation, planning the Lua writes), the
 * storage path alone (SeriesStore.write, one Lua call per series) and the HTTP transport alone
 * (a bare Fastify route that only parses the body).
 *
 * The batches are the ones the end-to-end run sends: 1,000 consecutive series of metric
 * `bench.cpu` (tag host=h0000..h9999) at one timestamp, the timestamp advancing every 10.
 */
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { seriesIdOf } from '../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../src/backends/native/seriesStore.js';
import { SeriesKeys, RAW_CHUNK_SECONDS, floorTo } from '../src/backends/native/seriesLayout.js';
import { planSeriesWrite, type Retention, type SeriesPoint } from '../src/backends/native/seriesWritePlan.js';
import { validateBatch } from '../src/domain/measurements/measurementBatch.js';
import { bucketStateOf } from '../src/services/ingestService.js';

export const SERIES = 10_000;
export const BATCH_SIZE = 1_000;
export const BATCHES_PER_TIMESTAMP = SERIES / BATCH_SIZE;
export const STEP_SECONDS = 60;
export const METRIC = 'bench.cpu';

/** Retention the gateway applies when none is configured (config/schema.ts defaults), in seconds. */
export const DEFAULT_RETENTION: Retention = {
  raw: 7 * 86_400,
  r900: 90 * 86_400,
  r3600: 730 * 86_400,
  r86400: 3_650 * 86_400,
};

export interface Batch {
  /** The JSON body as sent. */
  body: string;
  time: number;
  /** Index of the first series (host number) in the batch. */
  firstSeries: number;
  values: number[];
}

export const hostOf = (series: number): string => `h${String(series).padStart(4, '0')}`;

/** Batch `index` of a run whose first timestamp is `firstTime`. */
export function makeBatch(index: number, firstTime: number): Batch {
  const time = firstTime + Math.floor(index / BATCHES_PER_TIMESTAMP) * STEP_SECONDS;
  const firstSeries = (index % BATCHES_PER_TIMESTAMP) * BATCH_SIZE;
  const values: number[] = [];
  const measurements = [];
  for (let i = 0; i < BATCH_SIZE; i += 1) {
    // A gauge with two decimals, like a CPU percentage.
    const value = (((firstSeries + i) * 37 + time / STEP_SECONDS) % 10_000) / 100;
    values.push(value);
    measurements.push({ name: METRIC, value, time, tags: { host: hostOf(firstSeries + i) } });
  }
  return { body: JSON.stringify({ measurements }), time, firstSeries, values };
}

export function makeBatches(count: number, firstIndex: number, firstTime: number): Batch[] {
  return Array.from({ length: count }, (_, i) => makeBatch(firstIndex + i, firstTime));
}

/**
 * Where the timed batches start: 12:30 UTC yesterday. Ingest cost depends on what is already
 * stored — the quarter recompute reads the whole 2-hour raw chunk, the day recompute every
 * hour of the day so far — so the run starts half an hour into a chunk and half a day into a
 * day, after `prefill` has stored what steady ingest would have left there. With the default
 * 3 × 200 batches the rounds cover chunk fills of 31-50, 51-70 and 71-90 points: the median
 * round is a chunk about half full, the average over a chunk's life.
 */
export function steadyStateStart(now: number): number {
  return floorTo(now, 86_400) - 86_400 + 12 * 3_600 + 30 * 60;
}

/**
 * Stores, through SeriesStore.write, what steady ingest leaves before `firstTime` for every
 * series: one point per hour of the day before the current chunk (so each of those hours has
 * a bucket), then a point a minute from the chunk's start.
 */
export async function prefill(url: string, prefix: string, firstTime: number): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const store = new SeriesStore(redis, prefix, DEFAULT_RETENTION);
  const chunk = floorTo(firstTime, RAW_CHUNK_SECONDS);
  const times: number[] = [];
  for (let time = floorTo(firstTime, 86_400); time < chunk; time += 3_600) times.push(time);
  for (let time = chunk; time < firstTime; time += STEP_SECONDS) times.push(time);
  try {
    for (let first = 0; first < SERIES; first += BATCH_SIZE) {
      await Promise.all(
        Array.from({ length: BATCH_SIZE }, (_, i) => {
          const id = seriesIdOf(METRIC, [['host', hostOf(first + i)]]);
          return store.write(
            'default',
            id,
            times.map((time) => ({
              time,
              state: sampleState((((first + i) * 37 + time / STEP_SECONDS) % 10_000) / 100),
            })),
          );
        }),
      );
    }
  } finally {
    redis.disconnect();
  }
}

const sampleState = (value: number): SeriesPoint['state'] =>
  bucketStateOf({ count: 1, sum: value, min: null, max: null, last: null, stddev: null, sumsq: null });

/** Runs `task(0..count-1)` with `clients` loops in flight; returns the wall seconds taken. */
export async function runConcurrent(
  count: number,
  clients: number,
  task: (index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * The reference: the same number of points HSET into per-series hashes (one per series and
 * 2-hour chunk, as the raw layout), pipelined 1,000 at a time from one ioredis client.
 */
export async function pipelinedHsetRate(client: Redis, batches: readonly Batch[]): Promise<number> {
  const seconds = await runConcurrent(batches.length, 1, async (index) => {
    const batch = batches[index] as Batch;
    const chunk = floorTo(batch.time, RAW_CHUNK_SECONDS);
    const pipeline = client.pipeline();
    batch.values.forEach((value, i) => {
      pipeline.hset(`ref:{s:${hostOf(batch.firstSeries + i)}}:raw:${chunk}`, batch.time - chunk, String(value));
    });
    await pipeline.exec();
  });
  return (batches.length * BATCH_SIZE) / seconds;
}

export interface CpuStages {
  /** Microseconds per measurement, single-threaded, no I/O. */
  parse: number;
  validate: number;
  plan: number;
}

/** The gateway's own CPU work per measurement, stage by stage, on the first `sample` batches. */
export function cpuStages(batches: readonly Batch[], sample = 50): CpuStages {
  const chosen = batches.slice(0, sample);
  const context = { now: new Date(), environment: null };
  const time = (work: () => void): number => {
    const started = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - started) / 1e3 / (chosen.length * BATCH_SIZE);
  };
  let parsed: unknown[] = [];
  const parse = time(() => {
    parsed = chosen.map((batch) => JSON.parse(batch.body) as unknown);
  });
  let accepted: ReturnType<typeof validateBatch>['accepted'][] = [];
  const validate = time(() => {
    accepted = parsed.map((payload) => validateBatch(payload, context).accepted);
  });
  const plan = time(() => {
    for (const measurements of accepted) {
      for (const m of measurements) {
        const id = seriesIdOf(m.name, m.tags);
        const points: SeriesPoint[] = [{ time: m.time, state: bucketStateOf(m.state) }];
        planSeriesWrite(new SeriesKeys('cpu', 'default', id), points, DEFAULT_RETENTION);
      }
    }
  });
  return { parse, validate, plan };
}

export interface StorageOnly {
  rate: number;
  /** This process's CPU per measurement (planning, ioredis encoding and replies), in µs. */
  clientCpuUs: number;
}

/**
 * The storage path alone: for every batch, one SeriesStore.write (one Lua call) per series, all
 * in flight together as the ingest service issues them, `clients` batches at a time.
 */
export async function storageOnlyRate(
  url: string,
  prefix: string,
  batches: readonly Batch[],
  clients: number,
  enableAutoPipelining: boolean,
): Promise<StorageOnly> {
  const redis = new Redis(url, { enableAutoPipelining, maxRetriesPerRequest: 1 });
  const store = new SeriesStore(redis, prefix, DEFAULT_RETENTION);
  const writes = batches.map((batch) =>
    batch.values.map((value, i) => ({
      id: seriesIdOf(METRIC, [['host', hostOf(batch.firstSeries + i)]]),
      points: [{ time: batch.time, state: sampleState(value) }],
    })),
  );
  try {
    const cpuBefore = process.cpuUsage();
    const seconds = await runConcurrent(batches.length, clients, async (index) => {
      await Promise.all((writes[index] ?? []).map((write) => store.write('default', write.id, write.points)));
    });
    const cpu = process.cpuUsage(cpuBefore);
    const measurements = batches.length * BATCH_SIZE;
    return { rate: measurements / seconds, clientCpuUs: (cpu.user + cpu.system) / measurements };
  } finally {
    redis.disconnect();
  }
}

/** The HTTP transport alone: a bare Fastify route that parses the JSON body and answers 202. */
export async function bareHttpRate(batches: readonly Batch[], clients: number): Promise<number> {
  const app = Fastify({ bodyLimit: 16 * 1_048_576 });
  app.post('/v1/measurements', async (request, reply) => {
    const total = (request.body as { measurements: unknown[] }).measurements.length;
    return reply
      .code(202)
      .send({ measurements: { summary: { total, accepted: total, failed: 0, filtered: 0 } }, errors: [] });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const seconds = await runConcurrent(batches.length, clients, async (index) => {
      const response = await fetch(`${url}/v1/measurements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: (batches[index] as Batch).body,
      });
      if (response.status !== 202) throw new Error(`bare HTTP answered ${response.status}`);
      await response.arrayBuffer();
    });
    return (batches.length * BATCH_SIZE) / seconds;
  } finally {
    await app.close();
  }
}
