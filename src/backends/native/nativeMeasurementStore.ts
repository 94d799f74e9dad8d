/**
 * The native store's write side (backend.ts `MeasurementStore`): the one path every sample
 * takes into Redis, whoever sent it (ingest, usage recording), and the metric catalog's
 * changes.
 *
 * The rules: a series is registered in the index before its points are written, so every
 * stored point is reachable from the index (a failure between the two leaves an indexed series
 * without points, never points nothing lists); a metric is deleted measurements first, record
 * last, so a failure half-way leaves it listed and deleting it again finishes the job.
 */
import type { AppendMode, MeasurementStore, Sample } from '../backend.js';
import { mapFailures, unavailable } from '../backendFailure.js';
import { combine, EMPTY, type BucketState } from '../../domain/bucketState.js';
import type { MetricPage, MetricProperties, MetricRecord } from '../../domain/metricRecord.js';
import type { MetricCatalog } from './metricCatalog.js';
import { seriesIdOf, type SeriesIndex, type TagPairs } from './seriesIndex.js';
import type { SeriesStore } from './seriesStore.js';

/** Series deleted at once: each deletion unlinks its keys level by level, so a few in flight, not thousands. */
const DELETE_CONCURRENCY = 8;

interface PendingSeries {
  metric: string;
  id: string;
  tags: TagPairs;
  /** Unix second → its state. */
  points: Map<number, BucketState>;
}

export class NativeMeasurementStore implements MeasurementStore {
  constructor(
    private readonly backendId: string,
    private readonly catalog: MetricCatalog,
    private readonly index: SeriesIndex,
    private readonly series: SeriesStore,
  ) {}

  get rawRetentionSeconds(): number {
    return this.series.retention.raw;
  }

  append(tenant: string, samples: readonly Sample[], mode: AppendMode): Promise<void> {
    return this.call(async () => {
      const pending = groupBySeries(samples, mode);
      const byMetric = new Map<string, PendingSeries[]>();
      for (const entry of pending.values()) {
        const list = byMetric.get(entry.metric);
        if (list) list.push(entry);
        else byMetric.set(entry.metric, [entry]);
      }
      await Promise.all(
        [...byMetric].map(([metric, entries]) =>
          this.index.register(
            tenant,
            metric,
            entries.map(({ id, tags }) => ({ id, tags })),
          ),
        ),
      );
      await Promise.all(
        [...pending.values()].map((entry) =>
          this.series.write(
            tenant,
            entry.id,
            [...entry.points].sort(([a], [b]) => a - b).map(([time, state]) => ({ time, state })),
            mode,
          ),
        ),
      );
    });
  }

  createMetrics(tenant: string, metrics: readonly { name: string; properties: MetricProperties }[]): Promise<void> {
    return this.call(async () => {
      await Promise.all(metrics.map(({ name, properties }) => this.catalog.createIfMissing(tenant, name, properties)));
    });
  }

  findMetric(tenant: string, name: string): Promise<MetricRecord | null> {
    return this.call(() => this.catalog.get(tenant, name));
  }

  metricNames(tenant: string, pattern?: string | null): Promise<string[]> {
    return this.call(() => this.catalog.names(tenant, pattern));
  }

  listMetrics(
    tenant: string,
    listing: { pattern?: string | null; after?: string | null; first: number; descending: boolean },
  ): Promise<MetricPage> {
    return this.call(() => this.catalog.page(tenant, listing));
  }

  upsertMetric(tenant: string, name: string, properties: MetricProperties): Promise<MetricRecord> {
    return this.call(() => this.catalog.upsert(tenant, name, properties));
  }

  updateMetrics(tenant: string, names: readonly string[], properties: MetricProperties): Promise<MetricRecord[]> {
    return this.call(() => this.catalog.updateMany(tenant, names, properties));
  }

  deleteMetrics(tenant: string, names: readonly string[]): Promise<void> {
    return this.call(async () => {
      for (const name of names) await this.deleteMeasurements(tenant, name);
      await this.catalog.remove(tenant, names);
    });
  }

  /** Forgets the metric's series in the index, then deletes each series' points. */
  private async deleteMeasurements(tenant: string, metric: string): Promise<void> {
    const ids = await this.index.removeMetric(tenant, metric);
    for (let start = 0; start < ids.length; start += DELETE_CONCURRENCY) {
      const batch = ids.slice(start, start + DELETE_CONCURRENCY);
      await Promise.all(batch.map((id) => this.series.deleteSeries(tenant, id)));
    }
  }

  private call<T>(run: () => Promise<T>): Promise<T> {
    return mapFailures(run, (error) => unavailable(this.backendId, error));
  }
}

/** Samples by series and second: the last of a second wins when replacing; all combine when adding. */
function groupBySeries(samples: readonly Sample[], mode: AppendMode): Map<string, PendingSeries> {
  const pending = new Map<string, PendingSeries>();
  for (const { metric, tags, time, state } of samples) {
    const id = seriesIdOf(metric, tags);
    let entry = pending.get(id);
    if (!entry) {
      entry = { metric, id, tags, points: new Map() };
      pending.set(id, entry);
    }
    entry.points.set(time, mode === 'add' ? combine(entry.points.get(time) ?? EMPTY, state) : state);
  }
  return pending;
}
