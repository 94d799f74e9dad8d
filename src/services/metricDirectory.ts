/**
 * The metrics of every backend in one list (DESIGN.md, "Many backends, one schema"): each
 * backend's metric names, merged by name and saying where each comes from, and described a
 * page at a time. Label names and values are discoverable per metric, for building filters.
 *
 * The rule: a backend that cannot be listed costs only its own metrics; its failure is
 * returned beside the others' (reported on the field's path), as for series queries, and each
 * call goes through the request's FanOut (fanOut.ts), which bounds the wait for it.
 */
import type { Backend } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import { bareMetricView, type MetricView } from '../domain/metricRecord.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import { type BackendUnavailableError, UserInputError } from '../errors.js';
import { requireAll, type BackendCalls, type PartialMode } from './fanOut.js';
import { MAX_PAGE_SIZE, type MetricListing } from './metricService.js';

export type { MetricView } from '../domain/metricRecord.js';

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
  /** Whether the page may miss a failed backend's metrics (the default) or must have every backend's. */
  partial?: PartialMode | null;
}

interface Entry {
  name: string;
  backend: string;
}

const MAX_LABEL_VALUES = 10_000;

export class MetricDirectory {
  constructor(private readonly registry: BackendRegistry) {}

  async list(tenant: string, listing: DirectoryListing, fanOut: BackendCalls): Promise<MetricDirectoryPage> {
    if (!Number.isInteger(listing.first) || listing.first < 1 || listing.first > MAX_PAGE_SIZE) {
      throw new UserInputError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${listing.first}`, { field: 'first' });
    }
    const failures: BackendUnavailableError[] = [];
    const matches = listing.pattern ? wildcardMatcher(listing.pattern.toLowerCase()) : () => true;
    const perBackend = await Promise.all(
      this.backends(listing.backend).map(async (backend): Promise<Entry[]> => {
        const outcome = await fanOut.call(backend, () => backend.metricNames(tenant));
        if (!outcome.ok) {
          failures.push(outcome.error);
          return [];
        }
        return outcome.value
          .filter((name) => matches(name.toLowerCase()))
          .map((name) => ({ name, backend: backend.id }));
      }),
    );
    // A part already missing: describing the page is not worth waiting for.
    requireAll(listing.partial, failures, this.registry.list());
    const sign = listing.descending ? -1 : 1;
    const ordered = perBackend.flat().sort((a, b) => sign * compareEntries(a, b));
    const after = listing.afterKey;
    const start = after ? ordered.findIndex((entry) => sign * compareEntries(entry, after) > 0) : 0;
    const from = start === -1 ? ordered.length : start;
    const page = ordered.slice(from, from + listing.first);
    const metrics = await this.describe(tenant, page, failures, fanOut);
    requireAll(listing.partial, failures, this.registry.list());
    return {
      metrics,
      totalCount: ordered.length,
      hasNextPage: from + listing.first < ordered.length,
      failures,
    };
  }

  /** One metric of one backend by name (as the backend matches names); null when none. */
  async find(tenant: string, name: string, backendId: string, fanOut: BackendCalls): Promise<MetricView | null> {
    const backend = this.registry.get(backendId);
    const [view] = await fanOut.answer(backend, () => backend.describeMetrics(tenant, [name]));
    return view ?? null;
  }

  /** Tag (label) names of a metric's series on its backend. */
  labelNames(tenant: string, view: MetricView, fanOut: BackendCalls): Promise<string[]> {
    const backend = this.registry.get(view.backend);
    return fanOut.answer(backend, () => backend.labelNames(tenant, view.name));
  }

  /** The values a tag (label) takes among a metric's series, sorted. */
  async labelValues(tenant: string, view: MetricView, label: string, fanOut: BackendCalls): Promise<string[]> {
    const backend = this.registry.get(view.backend);
    const values = await fanOut.answer(backend, () => backend.labelValues(tenant, view.name, label));
    return values.sort().slice(0, MAX_LABEL_VALUES);
  }

  /**
   * The page's metrics described, one call per backend, in page order. A metric gone since it was
   * listed, or whose backend failed to describe it (the failure joins `failures`), shows by name.
   */
  private async describe(
    tenant: string,
    page: readonly Entry[],
    failures: BackendUnavailableError[],
    fanOut: BackendCalls,
  ): Promise<MetricView[]> {
    const byBackend = new Map<string, string[]>();
    for (const { name, backend } of page) byBackend.set(backend, [...(byBackend.get(backend) ?? []), name]);
    const described = new Map<string, MetricView | null>();
    await Promise.all(
      [...byBackend].map(async ([id, names]) => {
        const backend = this.registry.get(id);
        const outcome = await fanOut.call(backend, () => backend.describeMetrics(tenant, names));
        if (!outcome.ok) {
          failures.push(outcome.error);
          return;
        }
        names.forEach((name, index) => described.set(JSON.stringify([id, name]), outcome.value[index] ?? null));
      }),
    );
    return page.map(
      ({ name, backend }) => described.get(JSON.stringify([backend, name])) ?? bareMetricView(backend, name),
    );
  }

  private backends(id: string | null | undefined): Backend[] {
    return id == null ? this.registry.list() : [this.registry.get(id)];
  }
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.backend === b.backend) return 0;
  return a.backend < b.backend ? -1 : 1;
}
