/**
 * Operational metrics as in the Perseo (and Orion) metrics API: counters per service (an
 * Almanac tenant) and subservice (a Fiware-ServicePath such as `/gardens`), with a `sum` for
 * each service and one over all services. Pure: from flat counter entries (as kept in Redis)
 * to the tree, and from the tree to the reference's JSON.
 *
 * The rule a reader must not break: every level is built from *raw totals* — additive
 * counters, plus serviceTime kept as a total and a count — and the values shown are derived
 * last, level by level. serviceTime at a `sum` is total time / timed transactions of everything
 * below it; an average of averages would weigh a quiet subservice like a busy one.
 */

/** The additive counters, shown as they are. */
export const OPERATIONAL_COUNTERS = [
  'incomingTransactions',
  'incomingTransactionRequestSize',
  'incomingTransactionResponseSize',
  'incomingTransactionErrors',
  'outgoingTransactions',
  'outgoingTransactionRequestSize',
  'outgoingTransactionResponseSize',
  'outgoingTransactionErrors',
  'measurementsAccepted',
  'measurementsFailed',
  'alertsFired',
  'okNotifications',
  'failedNotifications',
] as const;

export type OperationalCounter = (typeof OPERATIONAL_COUNTERS)[number];

/** What can be recorded: an additive counter, or `serviceTime` (milliseconds one transaction took). */
export type OperationalMetric = OperationalCounter | 'serviceTime';

/** What is stored: the additive counters and the two halves of the serviceTime average. */
export const RAW_FIELDS = [...OPERATIONAL_COUNTERS, 'serviceTimeMicros', 'serviceTimeCount'] as const;

export type RawField = (typeof RAW_FIELDS)[number];

/** Raw totals of one node of the tree; an absent field is zero. */
export type RawTotals = Partial<Record<RawField, number>>;

/** The values a node shows: counters above zero, and serviceTime (ms) when anything was timed. */
export type ShownValues = Partial<Record<OperationalMetric, number>>;

/** One stored counter of one subservice. */
export interface CounterEntry {
  service: string;
  /** As in Fiware-ServicePath: `/` or `/gardens/north`. */
  subservice: string;
  field: RawField;
  value: number;
}

export interface SubserviceMetrics {
  /** As in Fiware-ServicePath: `/` or `/gardens/north`. */
  name: string;
  totals: RawTotals;
}

export interface ServiceMetrics {
  name: string;
  /** By name. */
  subservices: SubserviceMetrics[];
  sum: RawTotals;
}

export interface OperationalMetrics {
  /** By name. */
  services: ServiceMetrics[];
  sum: RawTotals;
}

/** The reference's JSON shape, as served by `GET /admin/metrics`. */
export interface OperationalMetricsJson {
  services: Record<string, { subservs: Record<string, ShownValues>; sum: ShownValues }>;
  sum: ShownValues;
}

/**
 * The key of the root subservice `/` in the reference JSON. Keys are paths without their
 * leading slash, which would leave `/` as the empty key `""` — legal JSON, but awkward in every
 * tool (`jq '.subservs.""'`) and easy to mistake for "unknown". Orion's metrics API, which the
 * Perseo reference follows, names it `root-subserv`; it cannot collide with a real subservice
 * because `-` is not allowed in a path segment (auth/tenancy.ts has the same rule).
 */
export const ROOT_SUBSERVICE_KEY = 'root-subserv';

const RAW_FIELD_SET: ReadonlySet<string> = new Set(RAW_FIELDS);

export function isRawField(name: string): name is RawField {
  return RAW_FIELD_SET.has(name);
}

/** The stored increments one recording makes: serviceTime adds its microseconds and one timed transaction. */
export function rawIncrements(metric: OperationalMetric, amount: number): RawTotals {
  if (metric === 'serviceTime') return { serviceTimeMicros: Math.round(amount * 1000), serviceTimeCount: 1 };
  return { [metric]: amount };
}

/** Gathers flat entries into the tree, with the sums; services and subservices sorted by name. */
export function buildOperationalMetrics(entries: Iterable<CounterEntry>): OperationalMetrics {
  const byService = new Map<string, Map<string, RawTotals>>();
  for (const { service, subservice, field, value } of entries) {
    let subservices = byService.get(service);
    if (!subservices) byService.set(service, (subservices = new Map()));
    const totals = subservices.get(subservice) ?? {};
    totals[field] = (totals[field] ?? 0) + value;
    subservices.set(subservice, totals);
  }
  const services = [...byService.keys()].sort().map((name) => serviceMetrics(name, byService.get(name) ?? new Map()));
  return { services, sum: sumOf(services.map((service) => service.sum)) };
}

function serviceMetrics(name: string, subservices: ReadonlyMap<string, RawTotals>): ServiceMetrics {
  const sorted = [...subservices.keys()].sort().map((subservice) => ({
    name: subservice,
    totals: subservices.get(subservice) ?? {},
  }));
  return { name, subservices: sorted, sum: sumOf(sorted.map((subservice) => subservice.totals)) };
}

/** Field-wise sum of raw totals; fields absent everywhere stay absent. */
export function sumOf(parts: readonly RawTotals[]): RawTotals {
  const sum: RawTotals = {};
  for (const part of parts) {
    for (const field of RAW_FIELDS) {
      const value = part[field];
      if (value !== undefined) sum[field] = (sum[field] ?? 0) + value;
    }
  }
  return sum;
}

/** Average milliseconds per timed transaction; null when nothing was timed. */
export function averageServiceTime(totals: RawTotals): number | null {
  const count = totals.serviceTimeCount ?? 0;
  if (count <= 0) return null;
  return (totals.serviceTimeMicros ?? 0) / count / 1000;
}

/** The order the reference lists its metrics in: serviceTime after the incoming counters. */
const SHOWN_ORDER: readonly OperationalMetric[] = [
  ...OPERATIONAL_COUNTERS.slice(0, 4),
  'serviceTime',
  ...OPERATIONAL_COUNTERS.slice(4),
];

/**
 * What a node shows: the counters above zero and serviceTime when anything was timed, as
 * Orion does — a metric with nothing to say is left out, so a node with no data is `{}`.
 */
export function shownValues(totals: RawTotals): ShownValues {
  const shown: ShownValues = {};
  for (const metric of SHOWN_ORDER) {
    const value = metric === 'serviceTime' ? averageServiceTime(totals) : (totals[metric] ?? 0);
    if (value !== null && (metric === 'serviceTime' || value > 0)) shown[metric] = value;
  }
  return shown;
}

/** `/gardens/north` → `gardens/north`; `/` → `root-subserv` (see ROOT_SUBSERVICE_KEY). */
export function subserviceKey(subservice: string): string {
  const key = subservice.replace(/^\//, '');
  return key === '' ? ROOT_SUBSERVICE_KEY : key;
}

/** The reference's JSON: `{ services: { <s>: { subservs: { <key>: {...} }, sum } }, sum }`. */
export function toReferenceJson(metrics: OperationalMetrics): OperationalMetricsJson {
  const services: OperationalMetricsJson['services'] = {};
  for (const service of metrics.services) {
    const subservs: Record<string, ShownValues> = {};
    for (const subservice of service.subservices)
      subservs[subserviceKey(subservice.name)] = shownValues(subservice.totals);
    services[service.name] = { subservs, sum: shownValues(service.sum) };
  }
  return { services, sum: shownValues(metrics.sum) };
}
