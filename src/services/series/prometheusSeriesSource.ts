/**
 * Series of one Prometheus-API backend with the native store's query inputs: the tag filter is
 * pushed down as label matchers where PromQL can say it (never narrower) and then applied
 * exactly to the returned series, as for the native store; the step follows the resolution.
 */
import type { PrometheusBackend } from '../../backends/prometheus/prometheusBackend.js';
import type { CounterMode } from '../../backends/prometheus/prometheusSeries.js';
import type { Level, Window } from '../../domain/seriesWindow.js';
import type { TagPair, TagPredicate } from '../../domain/tags/tagFilter.js';
import type { ResultSeries } from './seriesResult.js';
import { lowerTags } from '../../backends/prometheus/promResult.js';

/** Resolutions chosen for Prometheus when a query names none: round steps, finest first. */
export const PROMETHEUS_LEVELS: readonly Level[] = [
  { name: 'raw', grain: 1, step: 60, retention: Number.MAX_SAFE_INTEGER },
  { name: 300, grain: 300, retention: Number.MAX_SAFE_INTEGER },
  { name: 900, grain: 900, retention: Number.MAX_SAFE_INTEGER },
  { name: 3_600, grain: 3_600, retention: Number.MAX_SAFE_INTEGER },
  { name: 86_400, grain: 86_400, retention: Number.MAX_SAFE_INTEGER },
];

/** The summary functions Prometheus 2.x can compute per bucket (an *_over_time function each). */
export const PROMETHEUS_SUMMARIES = ['mean', 'sum', 'min', 'max', 'count', 'last', 'stddev'] as const;
export type PrometheusSummary = (typeof PROMETHEUS_SUMMARIES)[number];

/** How long a backend's list of metric names is trusted before it is asked again. */
const NAMES_TTL_MS = 30_000;

export interface PrometheusRead {
  metric: string;
  window: Window;
  resolution: number;
  summary: PrometheusSummary;
  counter: CounterMode;
  tags: readonly TagPair[];
  matches: TagPredicate;
  requiredTags: readonly string[];
}

export class PrometheusSeriesSource {
  private names: { set: ReadonlySet<string>; until: number } | null = null;

  constructor(readonly backend: PrometheusBackend) {}

  /**
   * Whether the backend may have the metric, from its metric names (cached briefly), so a
   * fan-out skips backends that do not. When the names cannot be read, it may: the query
   * itself then fails and says why.
   */
  async mayHave(metric: string): Promise<boolean> {
    const now = Date.now();
    if (!this.names || this.names.until <= now) {
      try {
        this.names = { set: new Set(await this.backend.metricNames()), until: now + NAMES_TTL_MS };
      } catch {
        return true;
      }
    }
    return this.names.set.has(metric);
  }

  get id(): string {
    return this.backend.id;
  }

  async read(request: PrometheusRead): Promise<ResultSeries[]> {
    const { resolution } = request;
    const start = Math.floor(request.window.start / resolution) * resolution;
    const series = await this.backend.querySeries({
      metric: request.metric,
      matchers: await this.backend.pushdown(request.metric, request.tags),
      start,
      end: request.window.end,
      resolution,
      summary: request.summary,
      counter: request.counter,
    });
    return series.flatMap(({ labels, points }) => {
      const tags = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // The exact filter sees names and values lower-cased, as the native store keeps them.
      const lower = lowerTags(labels);
      if (!request.matches(lower) || !request.requiredTags.every((name) => lower.has(name))) return [];
      return [{ backend: this.id, tags, points }];
    });
  }
}
