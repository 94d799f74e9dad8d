/**
 * The one interface every backend implements (DESIGN.md, "Backends implement one interface").
 * Services, resolvers and transport know a backend only through it: nothing outside a backend's
 * own folder knows PromQL strings or time-series Redis keys, and an ESLint rule keeps it so.
 *
 * The rule: a backend throws Almanac's typed errors (errors.ts) itself — BackendUnavailableError
 * with its id when it could not answer (down, timed out, circuit open), UserInputError for what
 * it refused, NotFoundError for what it does not have — so a service can tell a partial failure
 * (one backend down: its data is missing, the others' is returned) from a bad query.
 *
 * Adding a kind: a folder under `backends/` with a class implementing `Backend`, its factory in
 * `backendKinds.ts` and its settings in `config/schema.ts`. No service changes.
 */
import type { BucketState, SummaryFunction } from '../domain/bucketState.js';
import { classifyFailure } from './backendFailure.js';
import type { TimeRange } from '../domain/calendar/calendarBuckets.js';
import type { MetricPage, MetricProperties, MetricRecord, MetricView } from '../domain/metricRecord.js';
import type { PromResult } from '../domain/promqlResult.js';
import type { QuerySummary, ValuePoint } from '../domain/seriesAggregation.js';
import type { Level, ResolutionChoice, Window } from '../domain/seriesWindow.js';
import type { TagPair, TagPredicate } from '../domain/tags/tagFilter.js';

/** The kinds Almanac ships: the schema's `BackendKind`. */
export type ShippedBackendKind = 'prometheus' | 'native';

/** A backend's kind: one Almanac ships, or the name a backend written elsewhere gives its own. */
export type BackendKind = ShippedBackendKind | (string & {});

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface BackendHealth {
  ok: boolean;
  /** Round-trip time of the probe in milliseconds; null when it could not complete. */
  latencyMs: number | null;
  /** Why the backend is not healthy, as a class safe to show anyone (backendFailure.ts); null when it is. */
  error: string | null;
  /** The failure's own text (it may name hosts and ports), for operators only; null when healthy. */
  detail: string | null;
  checkedAt: Date;
}

/** How a counter is read: its samples as they are, or its increase or per-second rate per step. */
export type CounterMode = 'raw' | 'increase' | 'rate';

/** A metric a backend can answer series for, as a series query needs to know it before reading. */
export interface SeriesMetric {
  /** The metric's name as the backend keeps it (and as the answer shows it). */
  name: string;
  /** The summary function the metric's own attributes ask for (the reference's `summarize_function`); null when none. */
  summary: SummaryFunction | null;
  /**
   * The resolution and stored level to read a window at, for backends that keep levels of their
   * own (rollups): a query across backends reads every backend at the first such backend's
   * choice, keeping each series within `maxPoints`. Null for backends that compute any
   * resolution asked; the service then picks a round step (seriesWindow.ts ROUND_LEVELS).
   */
  resolution:
    ((window: Window, asked: number | null | undefined, now: number, maxPoints: number) => ResolutionChoice) | null;
}

/** Which series of a metric to read, and how to summarize them per bucket. */
export interface SeriesRead {
  tenant: string;
  /** `SeriesMetric.name`. */
  metric: string;
  window: Window;
  /** Seconds per point; point times are floored to it. */
  resolution: number;
  /** The stored level chosen with the resolution (`raw` or a grain); backends without levels ignore it. */
  level: Level['name'];
  summary: QuerySummary;
  /** Whether a counter's drop to a lower value is a reset (for `derivative`). */
  detectReset: boolean;
  /** How counters are read, on backends that know which metrics are counters. */
  counter: CounterMode;
  /** The tag filter as given, for backends that can narrow their reads with it; empty for tagsSearch. */
  filter: readonly TagPair[];
  /** Which series take part, by their tags (names and values lower-cased): applied exactly. */
  matches: TagPredicate;
  /** Tag names every returned series must carry (lower-cased; the group-by tags). */
  requiredTags: readonly string[];
}

/** One series of an answer. */
export interface ResultSeries {
  /** The id of the backend the series comes from. */
  backend: string;
  /** Sorted by name; for a group, the group's tags (none for `*`). */
  tags: [string, string][];
  /** One point per bucket with samples, in time order. */
  points: ValuePoint[];
}

/** Which series of a metric to aggregate into which buckets (calendar aggregation). */
export interface BucketQuery {
  tenant: string;
  /** The metric's name as the backend stores it. */
  metric: string;
  /** Which series take part: their samples are aggregated together. */
  series: TagPredicate;
  /** The filter the predicate was compiled from, for backends that can narrow their reads with it. */
  filter?: readonly TagPair[];
  /**
   * Almanac's own series (usage metrics), which no metric catalog lists. Otherwise a backend
   * that keeps a catalog answers NotFoundError for a metric the tenant does not have.
   */
  internal?: boolean;
  /** Whether each state's `first` must be exact (BEGINNING asked for); backends may skip it otherwise. */
  needFirst?: boolean;
  /** Contiguous buckets in time order (Unix seconds; ends exclusive). */
  buckets: readonly TimeRange[];
  /** More matching series than this is a UserInputError. */
  maxSeries: number;
  /** The query's "now" (Unix seconds): backends need not read past it. */
  now?: number;
}

export interface BucketAnswer {
  /** One state per bucket, in the order asked; EMPTY where no sample fell. */
  states: BucketState[];
  seriesCount: number;
  /** Which stored levels composed the buckets, coarsest first (`raw`, or a grain in seconds). */
  levels: string[];
  /** Whether some bucket lies partly past the retention of the only level that could compose it. */
  expired: boolean;
}

/** One sample of one series, to store. */
export interface Sample {
  metric: string;
  /** The series' tags, sorted by name, names and values lower-cased: they identify the series. */
  tags: readonly (readonly [string, string])[];
  /** Unix seconds. */
  time: number;
  /** What was measured then (one value is a state of count 1). */
  state: BucketState;
}

/**
 * How samples meet what a second already holds: `replace` (a measurement re-sent replaces the
 * stored one, so ingest is idempotent) or `add` (combined into it, as usage counts are).
 */
export type AppendMode = 'replace' | 'add';

/** The write side, on backends that store measurements. */
export interface MeasurementStore {
  /** How long raw points are kept, in seconds: older samples are not stored. */
  readonly rawRetentionSeconds: number;
  /**
   * Stores samples: groups them by series, registers new series and writes each series' points
   * (the last sample of a second wins in `replace` mode; `add` combines them). Resolves once the
   * store has them all.
   */
  append(tenant: string, samples: readonly Sample[], mode: AppendMode): Promise<void>;
  /** Creates each metric that does not exist yet, with the properties given; existing ones are left as they are. */
  createMetrics(tenant: string, metrics: readonly { name: string; properties: MetricProperties }[]): Promise<void>;
  findMetric(tenant: string, name: string): Promise<MetricRecord | null>;
  /** Names of the tenant's metrics matching a wildcard pattern or substring (all without one), in name order. */
  metricNames(tenant: string, pattern?: string | null): Promise<string[]>;
  listMetrics(
    tenant: string,
    listing: { pattern?: string | null; after?: string | null; first: number; descending: boolean },
  ): Promise<MetricPage>;
  /** Creates the metric or changes the properties given; attributes merge key by key. */
  upsertMetric(tenant: string, name: string, properties: MetricProperties): Promise<MetricRecord>;
  /** Applies the same properties to every named metric that exists; returns those updated. */
  updateMetrics(tenant: string, names: readonly string[], properties: MetricProperties): Promise<MetricRecord[]>;
  /**
   * Deletes the named metrics with every measurement of theirs. Measurements go first and the
   * record last, so a failure half-way leaves the metric listed and deleting it again finishes.
   */
  deleteMetrics(tenant: string, names: readonly string[]): Promise<void>;
}

/** PromQL evaluated as written, on backends that speak it. */
export interface PromqlEngine {
  /** Steps per series a range query may ask for at most. */
  readonly maxPointsPerSeries: number;
  /** An instant query at `time` (Unix seconds), or now. */
  instant(query: string, time?: number): Promise<PromResult>;
  /** A range query; the caller keeps it within `maxPointsPerSeries`. */
  range(query: string, start: number, end: number, step: number): Promise<PromResult>;
}

export interface Backend {
  readonly id: string;
  readonly kind: BackendKind;
  /** The circuit breaker's state, for backends that have one: a fan-out skips an open one. */
  readonly circuit?: CircuitState;
  /**
   * How long one request waits for this backend in all, however many calls it makes
   * (services/fanOut.ts); none: only the backend's own timeouts bound it.
   */
  readonly timeoutMs?: number;
  /** Probes the backend with the cheapest real request it answers. Never throws. */
  checkHealth(): Promise<BackendHealth>;

  /**
   * The name a metric is kept under, as this backend matches names: the native store's namespace
   * is case-insensitive (lower-cased), Prometheus's is exact.
   */
  metricName(name: string): string;
  /** The names of every metric the tenant has on this backend. */
  metricNames(tenant: string): Promise<string[]>;
  /** The named metrics, in the order asked; null for a name the backend does not have. */
  describeMetrics(tenant: string, names: readonly string[]): Promise<(MetricView | null)[]>;
  /** Tag (label) names of a metric's series. */
  labelNames(tenant: string, metric: string): Promise<string[]>;
  /** The values a tag (label) takes among a metric's series. */
  labelValues(tenant: string, metric: string, label: string): Promise<string[]>;

  /** Summary functions the backend can compute per bucket. */
  readonly summaries: readonly QuerySummary[];
  /** The metric as series queries read it; null when the backend does not have it. */
  seriesMetric(tenant: string, metric: string): Promise<SeriesMetric | null>;
  /** The matching series, summarized per bucket. */
  querySeries(read: SeriesRead): Promise<ResultSeries[]>;
  /** The state of each bucket, over every series of the metric that matches. */
  queryBuckets(query: BucketQuery): Promise<BucketAnswer>;

  /** Present on backends that store measurements. */
  readonly store?: MeasurementStore;
  /** Present on backends that evaluate PromQL. */
  readonly promql?: PromqlEngine;

  /** Releases connections; the backend is unusable afterwards. */
  close(): Promise<void>;
}

/** A backend with a write side. */
export type StoringBackend = Backend & { readonly store: MeasurementStore };

/** A backend that evaluates PromQL. */
export type PromqlBackend = Backend & { readonly promql: PromqlEngine };

/** Runs a probe and turns its outcome and timing into a health record. */
export async function measureHealth(probe: () => Promise<void>): Promise<BackendHealth> {
  const started = performance.now();
  try {
    await probe();
    return {
      ok: true,
      latencyMs: roundMs(performance.now() - started),
      error: null,
      detail: null,
      checkedAt: new Date(),
    };
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: classifyFailure(error).text,
      detail: describeFailure(error),
      checkedAt: new Date(),
    };
  }
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** An error's message with its cause's, for operators: it may name hosts and ports. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
