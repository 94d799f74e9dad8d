/**
 * Calendar bucket states from a Prometheus-API backend (DESIGN.md: "Calendar aggregation is
 * the gateway's own"). PromQL cannot bucket by local calendar months, so Almanac asks for
 * states at a step that divides every bucket boundary and combines them:
 *
 * - Gauges: per step window [t, t + step), `count_over_time`, `sum_over_time`,
 *   `min_over_time`, `max_over_time`, `last_over_time` and `stddev_over_time` (for the sum of
 *   squares), evaluated at t + step - 1 ms over `[step - 1ms]`, so a window holds exactly its
 *   samples (prometheusSeries.ts). Prometheus 2 has no `first_over_time`: when BEGINNING is
 *   asked for, the raw samples of each bucket's first non-empty window are read to find it.
 * - Counters (typed so by metadata or by a `_total` name): the samples are read raw and each
 *   bucket's samples are the counter's increases between consecutive samples, a drop read as a
 *   reset (the increase is then the new value), each increase in the bucket of the later
 *   sample — so SUMMED is the exact increase over the bucket, with no extrapolation.
 *
 * The rule: the states returned mean the same as the native store's — a bucket's state is the
 * combination, in time order, of the states of the samples in [start, end) — so the observed
 * functions read them the same way whatever the backend.
 */
import {
  combineSeries,
  EMPTY,
  locate,
  NOT_LOCATED,
  stateOfValue,
  type BucketState,
  type LocatedState,
} from '../../domain/bucketState.js';
import type { TimeRange } from '../../domain/calendar/calendarBuckets.js';
import type { TagPredicate } from '../../domain/tags/tagFilter.js';
import { UserInputError } from '../../errors.js';
import type { PromResult } from '../../domain/promqlResult.js';
import { sampleValue } from '../../domain/promqlResult.js';
import { lowerTags, seriesKey } from './promResult.js';
import { evaluationTime, MAX_POINTS_PER_SERIES } from './prometheusSeries.js';

/** Steps tried, coarsest first; the first that divides every bucket boundary is used. */
const STEPS = [3_600, 900, 300, 60];
/** Raw samples are read in windows of this many seconds per query. */
const RAW_WINDOW = 7 * 86_400;
/** How far before the first bucket a counter's previous sample is looked for. */
const COUNTER_LOOKBACK = 3_600;
/** Raw windows read at once: memory holds their samples until they are folded into states. */
const RAW_WINDOWS_IN_FLIGHT = 4;
/** More requests to Prometheus than this for one calendar query is refused before any is sent. */
export const MAX_REQUESTS = 400;

export interface PromQuery {
  instant(query: string, time: number): Promise<PromResult>;
  range(query: string, start: number, end: number, step: number): Promise<PromResult>;
}

export interface BucketRead {
  /** A selector from promql.ts. */
  selector: string;
  /** Which series take part (labels lower-cased, as the native store keeps tags). */
  series: TagPredicate;
  buckets: readonly TimeRange[];
  counter: boolean;
  /** Whether each state's `first` must be exact (BEGINNING). */
  needFirst: boolean;
  maxSeries: number;
  /** Now, Unix seconds: nothing after it is read. */
  now: number;
}

export interface BucketStates {
  states: BucketState[];
  seriesCount: number;
  level: string;
}

/** The step that divides every boundary of `buckets`, or null (then samples are read raw). */
export function stepFor(buckets: readonly TimeRange[]): number | null {
  const boundaries = buckets.flatMap(({ start, end }) => [start, end]);
  return STEPS.find((step) => boundaries.every((time) => time % step === 0)) ?? null;
}

export async function readBuckets(prom: PromQuery, request: BucketRead): Promise<BucketStates> {
  const step = request.counter ? null : stepFor(request.buckets);
  if (step === null) return rawBuckets(prom, request);
  return steppedBuckets(prom, request, step);
}

/** One series being folded window by window: its bucket states, where it is, its last sample. */
interface RawSeries {
  states: LocatedState[];
  bucket: number;
  previous: number | null;
}

/**
 * Raw samples, read in windows of RAW_WINDOW a few at a time and folded into bucket states in
 * time order: memory holds the windows in flight, not the range, and a filter that matches too
 * many series is refused as soon as one window shows it.
 */
async function rawBuckets(prom: PromQuery, request: BucketRead): Promise<BucketStates> {
  const first = request.buckets[0];
  const last = request.buckets.at(-1);
  if (!first || !last) return { states: [], seriesCount: 0, level: 'RAW' };
  const from = first.start - (request.counter ? COUNTER_LOOKBACK : 0);
  const to = Math.min(last.end, request.now + 1);
  if (to <= from) return { states: request.buckets.map(() => EMPTY), seriesCount: 0, level: 'RAW' };
  const windows: TimeRange[] = [];
  for (let start = from; start < to; start += RAW_WINDOW)
    windows.push({ start, end: Math.min(to, start + RAW_WINDOW) });
  checkRequests(windows.length);
  const bySeries = new Map<string, RawSeries>();
  for (let index = 0; index < windows.length; index += RAW_WINDOWS_IN_FLIGHT) {
    const results = await Promise.all(
      windows
        .slice(index, index + RAW_WINDOWS_IN_FLIGHT)
        .map(({ start, end }) =>
          prom.instant(`${request.selector}[${(end - start) * 1_000 - 1}ms]`, (end * 1_000 - 1) / 1_000),
        ),
    );
    for (const result of results) foldWindow(request, result, bySeries);
  }
  const perSeries = [...bySeries.values()].map((series) => series.states);
  return { states: acrossSeries(perSeries, request.buckets.length), seriesCount: bySeries.size, level: 'RAW' };
}

/**
 * Adds one window's samples to each matching series' buckets. A counter's samples become its
 * increases between consecutive samples, each at the later sample's time, a drop read as a
 * reset (the increase is then the new value).
 */
function foldWindow(request: BucketRead, result: PromResult, bySeries: Map<string, RawSeries>): void {
  const { buckets } = request;
  for (const { labels, samples } of result.series) {
    if (!request.series(lowerTags(labels))) continue;
    const key = seriesKey(labels);
    let series = bySeries.get(key);
    if (!series) {
      if (bySeries.size >= request.maxSeries) {
        // Refused before the rest of the range is read, so how many match in all is not known.
        throw new UserInputError(
          `more than ${request.maxSeries} series match (limit ${request.maxSeries}): narrow the filter`,
          {
            limit: 'maxSeriesPerQuery',
            max: request.maxSeries,
          },
        );
      }
      series = { states: buckets.map(() => NOT_LOCATED), bucket: 0, previous: null };
      bySeries.set(key, series);
    }
    for (const sample of samples) {
      let value = sampleValue(sample.text);
      if (request.counter) {
        const previous = series.previous;
        series.previous = value;
        if (previous === null) continue;
        value = value >= previous ? value - previous : value;
      }
      while (series.bucket < buckets.length && sample.time >= (buckets[series.bucket] as TimeRange).end) {
        series.bucket += 1;
      }
      const range = buckets[series.bucket];
      if (!range || sample.time < range.start) continue;
      series.states[series.bucket] = locate(
        series.states[series.bucket] ?? NOT_LOCATED,
        stateOfValue(value),
        sample.time,
      );
    }
  }
}

const OVER_TIME = ['count', 'sum', 'min', 'max', 'last', 'stddev'] as const;
type OverTime = (typeof OVER_TIME)[number];

async function steppedBuckets(prom: PromQuery, request: BucketRead, step: number): Promise<BucketStates> {
  const first = request.buckets[0] as TimeRange;
  const last = request.buckets.at(-1) as TimeRange;
  const until = Math.min(last.end, Math.ceil((request.now + 1) / step) * step);
  const windows = Math.max(0, (until - first.start) / step);
  checkRequests(
    OVER_TIME.length * Math.ceil(windows / MAX_POINTS_PER_SERIES) + (request.needFirst ? request.buckets.length : 0),
  );
  const chunks: { start: number; end: number }[] = [];
  for (let index = 0; index < windows; index += MAX_POINTS_PER_SERIES) {
    const lastIndex = Math.min(windows, index + MAX_POINTS_PER_SERIES) - 1;
    chunks.push({ start: first.start + index * step, end: first.start + lastIndex * step });
  }
  const range = `[${step * 1_000 - 1}ms]`;
  const answers = await Promise.all(
    OVER_TIME.flatMap((fn) =>
      chunks.map(async (chunk) => ({
        fn,
        result: await prom.range(
          `${fn}_over_time(${request.selector}${range})`,
          evaluationTime(chunk.start, step),
          evaluationTime(chunk.end, step),
          step,
        ),
      })),
    ),
  );
  // series → window start → the window's statistics
  const stats = new Map<string, Map<number, Partial<Record<OverTime, number>>>>();
  for (const { fn, result } of answers) {
    for (const { labels, samples } of result.series) {
      const key = seriesKey(labels);
      if (!request.series(lowerTags(labels))) continue;
      const windowsOf = stats.get(key) ?? new Map<number, Partial<Record<OverTime, number>>>();
      for (const sample of samples) {
        const start = Math.round(sample.time * 1_000 + 1) / 1_000 - step;
        const entry = windowsOf.get(start) ?? {};
        entry[fn] = sampleValue(sample.text);
        windowsOf.set(start, entry);
      }
      stats.set(key, windowsOf);
    }
  }
  checkSeries(stats.size, request.maxSeries);
  const firsts = request.needFirst ? await firstSamples(prom, request, stats, step) : null;
  const perSeries = [...stats].map(([key, windowsOf]) =>
    request.buckets.map((bucket) => {
      // Located by window: a window's first and last samples are known to within the step.
      let located: LocatedState = NOT_LOCATED;
      for (let start = bucket.start; start < bucket.end; start += step) {
        const window = windowsOf.get(start);
        if (!window?.count) continue;
        const count = window.count;
        const sum = window.sum ?? 0;
        const stddev = window.stddev ?? 0;
        const first = firsts?.get(key)?.get(start);
        const state = {
          count,
          sum,
          min: window.min ?? Number.NaN,
          max: window.max ?? Number.NaN,
          first: first?.value ?? Number.NaN,
          last: window.last ?? Number.NaN,
          sumsq: count * (stddev * stddev + (sum / count) ** 2),
        };
        located = locate(located, state, start);
        // The first sample's own time, where it was read, places the first value exactly.
        if (first && located.firstAt === start) located = { ...located, firstAt: first.time };
      }
      return located;
    }),
  );
  return { states: acrossSeries(perSeries, request.buckets.length), seriesCount: stats.size, level: String(step) };
}

/** The first raw sample of each bucket's first non-empty window, per series: one instant query per window. */
async function firstSamples(
  prom: PromQuery,
  request: BucketRead,
  stats: ReadonlyMap<string, ReadonlyMap<number, Partial<Record<OverTime, number>>>>,
  step: number,
): Promise<Map<string, Map<number, { time: number; value: number }>>> {
  const wanted = new Set<number>();
  for (const windowsOf of stats.values()) {
    for (const bucket of request.buckets) {
      for (let start = bucket.start; start < bucket.end; start += step) {
        if (windowsOf.get(start)?.count) {
          wanted.add(start);
          break;
        }
      }
    }
  }
  // One request per distinct window: series that begin at different times ask for more.
  checkRequests(wanted.size);
  const found = new Map<string, Map<number, { time: number; value: number }>>();
  await Promise.all(
    [...wanted].map(async (start) => {
      const result = await prom.instant(`${request.selector}[${step * 1_000 - 1}ms]`, evaluationTime(start, step));
      for (const { labels, samples } of result.series) {
        const key = seriesKey(labels);
        const earliest = samples[0];
        if (!earliest) continue;
        const perWindow = found.get(key) ?? new Map<number, { time: number; value: number }>();
        perWindow.set(start, { time: earliest.time, value: sampleValue(earliest.text) });
        found.set(key, perWindow);
      }
    }),
  );
  return found;
}

/**
 * States of several series combined bucket by bucket: BEGINNING and END follow the times the
 * values were found at, whatever order the series come in (bucketState.ts combineSeries).
 */
function acrossSeries(perSeries: readonly LocatedState[][], buckets: number): BucketState[] {
  return Array.from({ length: buckets }, (_unused, index) => combineSeries(perSeries.map((states) => states[index])));
}

function checkRequests(count: number): void {
  if (count > MAX_REQUESTS) {
    throw new UserInputError(
      `the range would take ${count} requests to Prometheus (at most ${MAX_REQUESTS}): shorten the range or use a coarser calendar`,
      { field: 'range', limit: MAX_REQUESTS, actual: count },
    );
  }
}

function checkSeries(count: number, max: number): void {
  if (count > max) {
    throw new UserInputError(`${count} series match (limit ${max}): narrow the filter`, {
      limit: 'maxSeriesPerQuery',
      max,
      actual: count,
    });
  }
}
