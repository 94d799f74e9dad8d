/**
 * Metrics of the native store (AppOptics reference, "Metrics"): listing a page at a time, one
 * by name, upsert, and bulk update and delete by a list of names or one wildcard pattern.
 *
 * The rule: deleting a metric deletes its measurements, and in this order — forget its series
 * in the index, delete each series' points, then the metric's record. A failure half-way leaves
 * the record, so the metric stays listed and deleting it again finishes the job; the other
 * order could leave points that nothing lists and nothing can delete.
 */
import type { MetricPage, MetricRecord } from '../backends/native/metricCatalog.js';
import type { NativeBackend } from '../backends/native/nativeBackend.js';
import {
  checkComposite,
  metricName,
  metricSelection,
  readMetricChanges,
  type MetricChangeRequest,
  type MetricSelection,
} from '../domain/metricChanges.js';
import { UserInputError } from '../errors.js';

export const MAX_PAGE_SIZE = 1_000;
/** Series deleted at once: each deletion scans for its keys, so a few in flight, not thousands. */
const DELETE_CONCURRENCY = 8;

export interface MetricListing {
  /** Substring, or a whole-name pattern with `*` / `?`. */
  pattern?: string | null;
  first: number;
  /** The name the page starts after. */
  after?: string | null;
  descending: boolean;
}

/** The names, or the pattern, of a bulk operation, as sent. */
export interface MetricSelectionRequest {
  names?: readonly string[] | null;
  pattern?: string | null;
}

export class MetricService {
  constructor(private readonly native: NativeBackend) {}

  /** The id of the backend the metrics live in. */
  get backendId(): string {
    return this.native.id;
  }

  list(tenant: string, listing: MetricListing): Promise<MetricPage> {
    if (!Number.isInteger(listing.first) || listing.first < 1 || listing.first > MAX_PAGE_SIZE) {
      throw new UserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${listing.first}`, { field: 'first' });
    }
    return this.native.metrics.page(tenant, listing);
  }

  find(tenant: string, name: string): Promise<MetricRecord | null> {
    return this.native.metrics.get(tenant, name);
  }

  /** Creates the metric or changes the properties given; attributes merge key by key. */
  async upsert(tenant: string, rawName: string, request: MetricChangeRequest): Promise<MetricRecord> {
    const name = metricName(rawName);
    const changes = readMetricChanges(request);
    checkComposite(await this.native.metrics.get(tenant, name), changes);
    return this.native.metrics.upsert(tenant, name, changes);
  }

  /** Applies the same changes to every selected metric that exists; returns those, by name. */
  async updateMany(
    tenant: string,
    selection: MetricSelectionRequest,
    request: Omit<MetricChangeRequest, 'type' | 'composite'>,
  ): Promise<MetricRecord[]> {
    const selected = metricSelection(selection.names, selection.pattern);
    const changes = readMetricChanges(request);
    const names = await this.selectedNames(tenant, selected);
    const updated = await this.native.metrics.updateMany(tenant, names, changes);
    return updated.sort((a, b) => compareNames(a.name, b.name));
  }

  /** Deletes every selected metric that exists, with its measurements; returns their names. */
  async deleteMany(tenant: string, selection: MetricSelectionRequest): Promise<string[]> {
    const names = await this.selectedNames(tenant, metricSelection(selection.names, selection.pattern));
    const existing = await this.existing(tenant, names);
    for (const name of existing) await this.deleteMeasurements(tenant, name);
    await this.native.metrics.remove(tenant, existing);
    return existing;
  }

  private async deleteMeasurements(tenant: string, metric: string): Promise<void> {
    const ids = await this.native.index.removeMetric(tenant, metric);
    for (let start = 0; start < ids.length; start += DELETE_CONCURRENCY) {
      const batch = ids.slice(start, start + DELETE_CONCURRENCY);
      await Promise.all(batch.map((id) => this.native.series.deleteSeries(tenant, id)));
    }
  }

  /** The names a selection stands for: the pattern's matches, or the names as given. */
  private async selectedNames(tenant: string, selection: MetricSelection): Promise<string[]> {
    return 'names' in selection ? selection.names : this.native.metrics.names(tenant, selection.pattern);
  }

  private async existing(tenant: string, names: readonly string[]): Promise<string[]> {
    const records = await Promise.all(names.map((name) => this.native.metrics.get(tenant, name)));
    return records.flatMap((record) => (record ? [record.name] : [])).sort(compareNames);
  }
}

function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
