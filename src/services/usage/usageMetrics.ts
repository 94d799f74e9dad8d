/**
 * The metrics of provider `AlmanacRequest`: Almanac's own usage, as the OpenDataDSL reference's
 * ODSLRequest provider offers them. Each is a native series per combination of the usage
 * record's dimensions (its tags), under a stored name with a `/` — which no user metric can
 * have — so they never appear among the tenant's metrics yet aggregate like any other.
 *
 * The rule: the tags below are the only fields a virtual timeseries over these metrics can
 * filter on; fields unique per request (id, invocationId, detail) are never tags, or every
 * request would make a series.
 */
import type { UsageAction, UsageRecord } from '../../domain/usageRecord.js';

export const USAGE_PROVIDER = 'AlmanacRequest';

export interface UsageMetric {
  name: string;
  description: string;
  /** Which requests feed the metric. */
  action: UsageAction;
  /** The sample a record contributes. */
  value: (record: UsageRecord) => number;
}

export const USAGE_METRICS: readonly UsageMetric[] = [
  { name: 'ReadRequests', description: 'A count of the read requests', action: 'read', value: () => 1 },
  {
    name: 'ReadRequestDuration',
    description: 'The read request durations in ms',
    action: 'read',
    value: (record) => record.duration,
  },
  {
    name: 'ReadRequestResponseSize',
    description: 'The read response sizes in bytes',
    action: 'read',
    value: (record) => record.responseSize,
  },
  { name: 'WriteRequests', description: 'A count of the write requests', action: 'write', value: () => 1 },
  { name: 'DeleteRequests', description: 'A count of the delete requests', action: 'delete', value: () => 1 },
];

/** The usage record fields that are tags of the usage series, and so filters of their timeseries. */
export const USAGE_TAGS = ['application', 'environment', 'httpstatus', 'method', 'service', 'type', 'user'] as const;

/** A usage metric by name, case-insensitive. */
export function findUsageMetric(name: string): UsageMetric | undefined {
  const lower = name.toLowerCase();
  return USAGE_METRICS.find((metric) => metric.name.toLowerCase() === lower);
}

/** The name the usage metric's series are stored under in the native store. */
export function usageSeriesName(metric: UsageMetric): string {
  return `${USAGE_PROVIDER}/${metric.name}`.toLowerCase();
}

/** The record's dimensions as sorted, lower-cased tag pairs (an absent environment is left out). */
export function usageTags(record: UsageRecord): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name of USAGE_TAGS) {
    const value = record[name];
    if (value !== null && value !== '') pairs.push([name, String(value).toLowerCase()]);
  }
  return pairs;
}
