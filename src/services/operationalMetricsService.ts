/**
 * Operational metrics (the Perseo reference's `/admin/metrics`): counters per service and
 * subservice, kept in Redis so that every replica adds to the same tree.
 *
 * Key layout: one hash, `store.operationalKey('counters')` (the `{ops}` slot), with a field
 * per counter `<service>:<subservice>:<raw field>`. Service names cannot contain `:` (tenancy)
 * and raw field names do not, so a field splits at its first and last `:` whatever the
 * subservice holds.
 *
 * The rule a reader must not break: a recording's increments are one Lua script on that
 * hash (which also bounds the subservices per service), and a get-and-reset is one Lua script
 * on it. Redis runs both atomically,
 * so each increment lands in exactly one snapshot: none is lost between read and reset, and
 * none is counted twice.
 */
import { hasRole, type RequestScope } from '../auth/principal.js';
import {
  buildOperationalMetrics,
  isRawField,
  rawIncrements,
  type CounterEntry,
  type OperationalMetric,
  type OperationalMetrics,
  type RawTotals,
} from '../domain/operationalMetricsTree.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Store } from '../store/store.js';

/** Where a recording is counted: the request's tenant (the reference's service) and subservice. */
export type MetricsScope = Pick<RequestScope, 'tenant' | 'subservice'>;

/**
 * Most subservices counted per service. Any caller may name any Fiware-ServicePath, so without
 * a bound one client could grow the counters without end; past it, new subservices are not
 * counted (as Perseo ignores requests for invalid subservices).
 */
export const MAX_SUBSERVICES_PER_SERVICE = 1_000;

/**
 * Adds increments unless the subservice is new and its service already has its fill.
 * KEYS: counters hash, known-subservices set, per-service count hash.
 * ARGV: service, "<service>:<subservice>", cap, then field/amount pairs.
 */
const RECORD_SCRIPT = `
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0 then
  if tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0') >= tonumber(ARGV[3]) then return 0 end
  redis.call('SADD', KEYS[2], ARGV[2])
  redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
end
for i = 4, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1
`;

/**
 * Takes (reads and deletes) the fields starting with ARGV[1] — the whole hash when it is
 * empty — and forgets the subservices it covered. KEYS as RECORD_SCRIPT's; ARGV[2] the service.
 */
const TAKE_SCRIPT = `
local prefix = ARGV[1]
local all = redis.call('HGETALL', KEYS[1])
if prefix == '' then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  return all
end
local taken = {}
for i = 1, #all, 2 do
  if string.sub(all[i], 1, #prefix) == prefix then
    taken[#taken + 1] = all[i]
    taken[#taken + 1] = all[i + 1]
    redis.call('HDEL', KEYS[1], all[i])
  end
end
for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if string.sub(member, 1, #prefix) == prefix then redis.call('SREM', KEYS[2], member) end
end
redis.call('HDEL', KEYS[3], ARGV[2])
return taken
`;

export class OperationalMetricsService {
  private readonly key: string;
  /** The counters hash, the known-subservices set and the per-service count, in script order. */
  private readonly keys: [string, string, string];

  constructor(private readonly store: Store) {
    this.key = store.operationalKey('counters');
    this.keys = [this.key, store.operationalKey('subservices'), store.operationalKey('subservice-counts')];
  }

  /** Adds `amount` to one counter; for `serviceTime`, one transaction that took `amount` ms. */
  record(scope: MetricsScope, metric: OperationalMetric, amount: number): Promise<void> {
    return this.recordMany(scope, { [metric]: amount });
  }

  /** Adds several amounts at once, atomically: a snapshot holds all of them or none. */
  async recordMany(scope: MetricsScope, amounts: Partial<Record<OperationalMetric, number>>): Promise<void> {
    const increments = incrementsOf(amounts);
    if (increments.length === 0) return;
    const place = `${scope.tenant}:${scope.subservice}`;
    const args = increments.flatMap(([field, amount]) => [`${place}:${field}`, amount]);
    await this.store.redis.eval(
      RECORD_SCRIPT,
      3,
      ...this.keys,
      scope.tenant,
      place,
      MAX_SUBSERVICES_PER_SERVICE,
      ...args,
    );
  }

  /** The tree the viewer may see: everything for the operator, one service for a tenant's admin. */
  async read(viewer: RequestScope | null, service?: string): Promise<OperationalMetrics> {
    const prefix = fieldPrefix(visibleService(viewer, service));
    const all = await this.store.redis.hgetall(this.key);
    return treeOf(Object.entries(all).filter(([field]) => field.startsWith(prefix)));
  }

  /** Reads the viewer's tree and resets it in one atomic step. */
  async readAndReset(viewer: RequestScope | null, service?: string): Promise<OperationalMetrics> {
    const visible = visibleService(viewer, service);
    const taken = (await this.store.redis.eval(
      TAKE_SCRIPT,
      3,
      ...this.keys,
      fieldPrefix(visible),
      visible ?? '',
    )) as string[];
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < taken.length; i += 2) pairs.push([taken[i] ?? '', taken[i + 1] ?? '']);
    return treeOf(pairs);
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

function fieldPrefix(service: string | null): string {
  return service === null ? '' : `${service}:`;
}

function incrementsOf(amounts: Partial<Record<OperationalMetric, number>>): [string, number][] {
  const increments: [string, number][] = [];
  for (const [metric, amount] of Object.entries(amounts) as [OperationalMetric, number | undefined][]) {
    if (amount === undefined) continue;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`operational metric ${metric} only grows: got ${amount}`);
    }
    const raw: RawTotals = rawIncrements(metric, amount);
    for (const [field, value] of Object.entries(raw)) {
      if (value > 0) increments.push([field, Math.round(value)]);
    }
  }
  return increments;
}

function treeOf(pairs: Iterable<[string, string]>): OperationalMetrics {
  const entries: CounterEntry[] = [];
  for (const [field, value] of pairs) {
    const entry = entryOf(field, value);
    if (entry) entries.push(entry);
  }
  return buildOperationalMetrics(entries);
}

/** `<service>:<subservice>:<raw field>` → an entry; null for a field this version does not know. */
function entryOf(field: string, value: string): CounterEntry | null {
  const first = field.indexOf(':');
  const last = field.lastIndexOf(':');
  if (first < 0 || last <= first) return null;
  const raw = field.slice(last + 1);
  if (!isRawField(raw)) return null;
  return { service: field.slice(0, first), subservice: field.slice(first + 1, last), field: raw, value: Number(value) };
}
