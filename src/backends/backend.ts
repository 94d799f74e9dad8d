/**
 * The one interface every backend implements. Nothing outside `backends/` knows PromQL
 * strings or Redis keys; services talk to backends only through this interface. Later
 * capabilities (metrics, series, bucket states) are added here as they are built.
 */
import type { BucketState } from '../domain/bucketState.js';
import type { TimeRange } from '../domain/calendar/calendarBuckets.js';
import type { TagPair, TagPredicate } from '../domain/tags/tagFilter.js';

export type BackendKind = 'prometheus' | 'native';

/** Which series of a metric to aggregate into which buckets (calendar aggregation). */
export interface BucketQuery {
  tenant: string;
  /** The metric's name as the backend stores it. */
  metric: string;
  /** Which series take part: their samples are aggregated together. */
  series: TagPredicate;
  /** The filter the predicate was compiled from, for backends that can narrow their reads with it. */
  filter?: readonly TagPair[];
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

export interface BackendHealth {
  ok: boolean;
  /** Round-trip time of the probe in milliseconds; null when it could not complete. */
  latencyMs: number | null;
  /** Why the backend is not healthy; null when it is. */
  error: string | null;
  checkedAt: Date;
}

export interface Backend {
  readonly id: string;
  readonly kind: BackendKind;
  /** Probes the backend with the cheapest real request it answers. Never throws. */
  checkHealth(): Promise<BackendHealth>;
  /**
   * The state of each bucket, over every series of the metric that matches; absent where the
   * backend cannot aggregate into arbitrary buckets yet.
   */
  queryBuckets?(query: BucketQuery): Promise<BucketAnswer>;
  /** The circuit breaker's state, for backends that have one (`closed`, `open`, `half_open`). */
  readonly circuit?: 'closed' | 'open' | 'half_open';
  /** Releases connections; the backend is unusable afterwards. */
  close(): Promise<void>;
}

/** Runs a probe and turns its outcome and timing into a health record. */
export async function measureHealth(probe: () => Promise<void>): Promise<BackendHealth> {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, latencyMs: roundMs(performance.now() - started), error: null, checkedAt: new Date() };
  } catch (error) {
    return { ok: false, latencyMs: null, error: describe(error), checkedAt: new Date() };
  }
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
