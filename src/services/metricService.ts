/**
 * Metrics of the storing backend (AppOptics reference, "Metrics"): listing a page at a time,
 * one by name, upsert, and bulk update and delete by a list of names or one wildcard pattern.
 * Deleting a metric deletes its measurements (backend.ts `MeasurementStore.deleteMetrics`).
 */
import type { StoringBackend } from '../backends/backend.js';
import type { MetricPage, MetricRecord } from '../domain/metricRecord.js';
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
  constructor(private readonly backend: StoringBackend) {}

  /** The id of the backend the metrics live in. */
  get backendId(): string {
    return this.backend.id;
  }

  list(tenant: string, listing: MetricListing): Promise<MetricPage> {
    if (!Number.isInteger(listing.first) || listing.first < 1 || listing.first > MAX_PAGE_SIZE) {
      throw new UserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${listing.first}`, { field: 'first' });
    }
    return this.backend.store.listMetrics(tenant, listing);
  }

  find(tenant: string, name: string): Promise<MetricRecord | null> {
    return this.backend.store.findMetric(tenant, name);
  }

  /** Creates the metric or changes the properties given; attributes merge key by key. */
  async upsert(tenant: string, rawName: string, request: MetricChangeRequest): Promise<MetricRecord> {
    const name = metricName(rawName);
    const changes = readMetricChanges(request);
    checkComposite(await this.backend.store.findMetric(tenant, name), changes);
    return this.backend.store.upsertMetric(tenant, name, changes);
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
    const updated = await this.backend.store.updateMetrics(tenant, names, changes);
    return updated.sort((a, b) => compareNames(a.name, b.name));
  }

  /** Deletes every selected metric that exists, with its measurements; returns their names. */
  async deleteMany(tenant: string, selection: MetricSelectionRequest): Promise<string[]> {
    const names = await this.selectedNames(tenant, metricSelection(selection.names, selection.pattern));
    const existing = await this.existing(tenant, names);
    await this.backend.store.deleteMetrics(tenant, existing);
    return existing;
  }

  /** The names a selection stands for: the pattern's matches, or the names as given. */
  private async selectedNames(tenant: string, selection: MetricSelection): Promise<string[]> {
    return 'names' in selection ? selection.names : this.backend.store.metricNames(tenant, selection.pattern);
  }

  private async existing(tenant: string, names: readonly string[]): Promise<string[]> {
    const records = await Promise.all(names.map((name) => this.backend.store.findMetric(tenant, name)));
    return records.flatMap((record) => (record ? [record.name] : [])).sort(compareNames);
  }
}

function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
