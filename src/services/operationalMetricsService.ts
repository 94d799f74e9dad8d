/**
 * Operational metrics (the Perseo reference's `/admin/metrics`): counters per service and
 * subservice, kept in Redis by store/operationalCounters.ts so that every replica adds to the
 * same tree. Here are the rules: who may see or reset which service, that a counter only
 * grows, and how many subservices a service may count.
 */
import { hasRole, type RequestScope } from '../auth/principal.js';
import {
  buildOperationalMetrics,
  rawIncrements,
  type OperationalMetric,
  type OperationalMetrics,
  type RawField,
} from '../domain/operationalMetricsTree.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { OperationalCounters } from '../store/operationalCounters.js';

/** Where a recording is counted: the request's tenant (the reference's service) and subservice. */
export type MetricsScope = Pick<RequestScope, 'tenant' | 'subservice'>;

/**
 * Most subservices counted per service. Any caller may name any Fiware-ServicePath, so without
 * a bound one client could grow the counters without end; past it, new subservices are not
 * counted (as Perseo ignores requests for invalid subservices).
 */
export const MAX_SUBSERVICES_PER_SERVICE = 1_000;

export class OperationalMetricsService {
  constructor(private readonly counters: OperationalCounters) {}

  /** Adds `amount` to one counter; for `serviceTime`, one transaction that took `amount` ms. */
  record(scope: MetricsScope, metric: OperationalMetric, amount: number): Promise<void> {
    return this.recordMany(scope, { [metric]: amount });
  }

  /** Adds several amounts at once, atomically: a snapshot holds all of them or none. */
  async recordMany(scope: MetricsScope, amounts: Partial<Record<OperationalMetric, number>>): Promise<void> {
    await this.counters.add(
      { service: scope.tenant, subservice: scope.subservice },
      incrementsOf(amounts),
      MAX_SUBSERVICES_PER_SERVICE,
    );
  }

  /** The tree the viewer may see: everything for the operator, one service for a tenant's admin. */
  async read(viewer: RequestScope | null, service?: string): Promise<OperationalMetrics> {
    return buildOperationalMetrics(await this.counters.read(visibleService(viewer, service)));
  }

  /** Reads the viewer's tree and resets it in one atomic step. */
  async readAndReset(viewer: RequestScope | null, service?: string): Promise<OperationalMetrics> {
    return buildOperationalMetrics(await this.counters.take(visibleService(viewer, service)));
  }

  /** Resets the viewer's tree, as if Almanac had just started. */
  async reset(viewer: RequestScope | null, service?: string): Promise<void> {
    await this.readAndReset(viewer, service);
  }
}

/**
 * The one service a viewer may see, or null for all of them. The operator sees every service
 * (or the one it names); a tenant's admin only its own; anyone else is refused.
 */
export function visibleService(viewer: RequestScope | null, service?: string): string | null {
  if (!viewer) throw new UnauthenticatedError('operational metrics need admin credentials');
  const { principal } = viewer;
  if (principal.kind === 'operator') return service ?? null;
  if (principal.kind === 'anonymous' || !hasRole(principal, 'admin')) {
    throw new ForbiddenError('operational metrics need the ADMIN role', { requires: 'ADMIN' });
  }
  if (service !== undefined && service !== principal.tenant) {
    throw new ForbiddenError(`operational metrics of service "${service}" belong to another tenant`, { service });
  }
  return principal.tenant;
}

function incrementsOf(amounts: Partial<Record<OperationalMetric, number>>): [RawField, number][] {
  const increments: [RawField, number][] = [];
  for (const [metric, amount] of Object.entries(amounts) as [OperationalMetric, number | undefined][]) {
    if (amount === undefined) continue;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`operational metric ${metric} only grows: got ${amount}`);
    }
    for (const [field, value] of Object.entries(rawIncrements(metric, amount)) as [RawField, number][]) {
      if (value > 0) increments.push([field, Math.round(value)]);
    }
  }
  return increments;
}
