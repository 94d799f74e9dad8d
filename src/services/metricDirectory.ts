/**
 * The metrics of every backend in one list (DESIGN.md, "Many backends, one schema"): the
 * native catalogs' records and the Prometheus backends' metric names with their types
 * (metadata, else naming conventions), merged by name and saying where each comes from. Label
 * names and values are discoverable per metric, for building filters.
 *
 * The rule: a backend that cannot be listed costs only its own metrics; its failure is
 * returned beside the others' (reported on the field's path), as for series queries.
 */
import type { Backend } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import { backendFailure } from '../backends/backendFailure.js';
import type { MetricRecord } from '../backends/native/metricCatalog.js';
import type { NativeBackend } from '../backends/native/nativeBackend.js';
import type { PrometheusMetricType, TypedMetric } from '../backends/prometheus/metricTypes.js';
import { PrometheusBackend } from '../backends/prometheus/prometheusBackend.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import { BackendUnavailableError, UserInputError } from '../errors.js';
import { MAX_PAGE_SIZE, type MetricListing } from './metricService.js';

/** A metric as the schema shows it, from whichever backend has it. */
export interface MetricView {
  backend: string;
  name: string;
  /** The native catalog's record; null for a Prometheus metric. */
  record: MetricRecord | null;
  /** What Prometheus says of the metric; null for a native one. */
  prometheus: Omit<TypedMetric, 'name'> | null;
}

export interface MetricDirectoryPage {
  metrics: MetricView[];
  totalCount: number;
  hasNextPage: boolean;
  failures: BackendUnavailableError[];
}

export interface DirectoryListing extends MetricListing {
  /** Only this backend's metrics. */
  backend?: string | null;
  /** The cursor: the page starts after this (name, backend). */
  afterKey?: { name: string; backend: string } | null;
}

const MAX_LABEL_VALUES = 10_000;

export class MetricDirectory {
  constructor(private readonly registry: BackendRegistry) {}

  /** Native records as views. */
  static native(backend: string, record: MetricRecord): MetricView {
    return { backend, name: record.name, record, prometheus: null };
  }

  async list(tenant: string, listing: DirectoryListing): Promise<MetricDirectoryPage> {
    if (!Number.isInteger(listing.first) || listing.first < 1 || listing.first > MAX_PAGE_SIZE) {
      throw new UserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${listing.first}`, { field: 'first' });
    }
    const failures: BackendUnavailableError[] = [];
    const matches = listing.pattern ? wildcardMatcher(listing.pattern.toLowerCase()) : () => true;
    const perBackend = await Promise.all(
      this.backends(listing.backend).map(async (backend): Promise<Entry[]> => {
        try {
          return await entriesOf(tenant, backend, listing.pattern ?? null, matches);
        } catch (error) {
          const failure = backendFailure(backend.id, error);
          if (!(failure instanceof BackendUnavailableError)) throw failure;
          failures.push(failure);
          return [];
        }
      }),
    );
    const sign = listing.descending ? -1 : 1;
    const ordered = perBackend.flat().sort((a, b) => sign * compareEntries(a, b));
    const after = listing.afterKey;
    const start = after ? ordered.findIndex((entry) => sign * compareEntries(entry, after) > 0) : 0;
    const from = start === -1 ? ordered.length : start;
    const page = ordered.slice(from, from + listing.first);
    return {
      metrics: await Promise.all(page.map((entry) => entry.view())),
      totalCount: ordered.length,
      hasNextPage: from + listing.first < ordered.length,
      failures,
    };
  }

  /** One metric of one backend by name (exact for Prometheus, case-insensitive for native); null when none. */
  async find(tenant: string, name: string, backendId: string): Promise<MetricView | null> {
    const backend = this.registry.get(backendId);
    if (backend instanceof PrometheusBackend) {
      const typed = await this.call(backend, () => backend.listMetrics());
      const found = typed.find((metric) => metric.name === name);
      if (!found) return null;
      const { name: _name, ...prometheus } = found;
      return { backend: backend.id, name, record: null, prometheus };
    }
    const record = await this.call(backend, () => (backend as NativeBackend).metrics.get(tenant, name));
    return record ? MetricDirectory.native(backend.id, record) : null;
  }

  /** Tag (label) names of a metric's series on its backend, sorted. */
  async labelNames(tenant: string, view: MetricView): Promise<string[]> {
    const backend = this.registry.get(view.backend);
    if (backend instanceof PrometheusBackend) return this.call(backend, () => backend.labelNames(view.name));
    const series = await this.call(backend, () => (backend as NativeBackend).index.list(tenant, view.name));
    return [...new Set(series.flatMap((entry) => entry.tags.map(([name]) => name)))].sort();
  }

  /** The values a tag (label) takes among a metric's series, sorted. */
  async labelValues(tenant: string, view: MetricView, label: string): Promise<string[]> {
    const backend = this.registry.get(view.backend);
    const values =
      backend instanceof PrometheusBackend
        ? await this.call(backend, () => backend.labelValues(label, view.name))
        : [
            ...new Set(
              (await this.call(backend, () => (backend as NativeBackend).index.list(tenant, view.name))).flatMap(
                (entry) => entry.tags.filter(([name]) => name === label.toLowerCase()).map(([, value]) => value),
              ),
            ),
          ];
    return values.sort().slice(0, MAX_LABEL_VALUES);
  }

  private async call<T>(backend: Backend, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw backendFailure(backend.id, error);
    }
  }

  private backends(id: string | null | undefined): Backend[] {
    return id == null ? this.registry.list() : [this.registry.get(id)];
  }
}

interface Entry {
  name: string;
  backend: string;
  view(): Promise<MetricView>;
}

async function entriesOf(
  tenant: string,
  backend: Backend,
  pattern: string | null,
  matches: (name: string) => boolean,
): Promise<Entry[]> {
  if (backend instanceof PrometheusBackend) {
    const typed = await backend.listMetrics();
    return typed
      .filter((metric) => matches(metric.name.toLowerCase()))
      .map(({ name, ...prometheus }) => ({
        name,
        backend: backend.id,
        view: () => Promise.resolve({ backend: backend.id, name, record: null, prometheus }),
      }));
  }
  const native = backend as NativeBackend;
  const names = await native.metrics.names(tenant, pattern);
  return names.map((name) => ({
    name,
    backend: backend.id,
    view: async () => {
      const record = await native.metrics.get(tenant, name);
      return { backend: backend.id, name, record, prometheus: null };
    },
  }));
}

function compareEntries(a: { name: string; backend: string }, b: { name: string; backend: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.backend === b.backend) return 0;
  return a.backend < b.backend ? -1 : 1;
}

/** The schema's metric type of a Prometheus type. */
export function metricTypeOf(type: PrometheusMetricType): 'GAUGE' | 'COUNTER' | 'HISTOGRAM' | 'SUMMARY' | 'UNKNOWN' {
  switch (type) {
    case 'gauge':
      return 'GAUGE';
    case 'counter':
      return 'COUNTER';
    case 'histogram':
    case 'gaugehistogram':
      return 'HISTOGRAM';
    case 'summary':
      return 'SUMMARY';
    default:
      return 'UNKNOWN';
  }
}
