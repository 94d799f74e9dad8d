/**
 * A backend kind written for the tests, as a newcomer would write a third kind: an in-memory
 * `Backend` over fixed series, registered beside the configured backends with no change to any
 * service. It keeps raw samples and answers every part of the interface from them; `failing`
 * makes every call fail as a backend that is down does (BACKEND_UNAVAILABLE with its id), or
 * only describing metrics, as a backend whose metadata call times out after it listed names.
 */
import {
  measureHealth,
  type Backend,
  type BackendHealth,
  type BucketAnswer,
  type BucketQuery,
  type ResultSeries,
  type SeriesMetric,
  type SeriesRead,
} from '../../src/backends/backend.js';
import { combine, EMPTY, stateOfValue, type BucketState } from '../../src/domain/bucketState.js';
import { bareMetricView, type MetricView } from '../../src/domain/metricRecord.js';
import { bucketize, summarizeBuckets, type QuerySummary } from '../../src/domain/seriesAggregation.js';
import { BackendUnavailableError, UserInputError } from '../../src/errors.js';

export interface MemorySeries {
  /** Tags as the series has them; the filter sees them lower-cased. */
  tags: Record<string, string>;
  /** Unix seconds → value. */
  samples: readonly (readonly [number, number])[];
}

export interface MemoryMetric {
  name: string;
  description: string;
  series: readonly MemorySeries[];
}

const SUMMARIES: readonly QuerySummary[] = ['sum', 'min', 'max', 'count', 'mean', 'first', 'last', 'stddev'];

export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  readonly summaries = SUMMARIES;
  private readonly metrics: ReadonlyMap<string, MemoryMetric>;

  constructor(
    readonly id: string,
    metrics: readonly MemoryMetric[],
    private readonly failing: 'never' | 'always' | 'describing' = 'never',
  ) {
    this.metrics = new Map(metrics.map((metric) => [metric.name, metric]));
  }

  checkHealth(): Promise<BackendHealth> {
    return measureHealth(() => this.answer(() => undefined));
  }

  metricName(name: string): string {
    return name;
  }

  metricNames(): Promise<string[]> {
    return this.answer(() => [...this.metrics.keys()].sort());
  }

  describeMetrics(_tenant: string, names: readonly string[]): Promise<(MetricView | null)[]> {
    if (this.failing === 'describing') return Promise.reject(new BackendUnavailableError(this.id, 'timed out'));
    return this.answer(() => names.map((name) => this.view(name)));
  }

  labelNames(_tenant: string, metric: string): Promise<string[]> {
    return this.answer(() => [...new Set(this.seriesOf(metric).flatMap(({ tags }) => Object.keys(tags)))].sort());
  }

  labelValues(_tenant: string, metric: string, label: string): Promise<string[]> {
    return this.answer(() => [...new Set(this.seriesOf(metric).flatMap(({ tags }) => tags[label] ?? []))]);
  }

  seriesMetric(_tenant: string, metric: string): Promise<SeriesMetric | null> {
    return this.answer(() => (this.metrics.has(metric) ? { name: metric, summary: null, resolution: null } : null));
  }

  querySeries(read: SeriesRead): Promise<ResultSeries[]> {
    return this.answer(() =>
      this.matching(read.metric, (tags) => read.matches(tags) && read.requiredTags.every((name) => tags.has(name))).map(
        (series) => {
          const inWindow = series.samples
            .filter(([time]) => time >= read.window.start && time < read.window.end)
            .map(([time, value]) => ({ time, state: stateOfValue(value) }));
          return {
            backend: this.id,
            tags: Object.entries(series.tags).sort(([a], [b]) => (a < b ? -1 : 1)),
            points: summarizeBuckets(bucketize(inWindow, read.resolution), read.summary, read.detectReset),
          };
        },
      ),
    );
  }

  queryBuckets(query: BucketQuery): Promise<BucketAnswer> {
    return this.answer(() => {
      const series = this.matching(query.metric, query.series);
      if (series.length > query.maxSeries) {
        throw new UserInputError(`${series.length} series match (limit ${query.maxSeries})`, {});
      }
      const samples = series.flatMap((entry) => entry.samples).sort(([a], [b]) => a - b);
      const states = query.buckets.map(({ start, end }) =>
        samples
          .filter(([time]) => time >= start && time < end)
          .reduce<BucketState>((state, [, value]) => combine(state, stateOfValue(value)), EMPTY),
      );
      return { states, seriesCount: series.length, levels: series.length > 0 ? ['raw'] : [], expired: false };
    });
  }

  async close(): Promise<void> {}

  private view(name: string): MetricView | null {
    const metric = this.metrics.get(name);
    if (!metric) return null;
    return { ...bareMetricView(this.id, name), description: metric.description };
  }

  private seriesOf(metric: string): readonly MemorySeries[] {
    return this.metrics.get(metric)?.series ?? [];
  }

  private matching(metric: string, accepts: (tags: Map<string, string>) => boolean): MemorySeries[] {
    return this.seriesOf(metric).filter(({ tags }) =>
      accepts(new Map(Object.entries(tags).map(([name, value]) => [name.toLowerCase(), value.toLowerCase()]))),
    );
  }

  private async answer<T>(run: () => T): Promise<T> {
    if (this.failing === 'always') throw new BackendUnavailableError(this.id, 'connection refused');
    return run();
  }
}
