/**
 * A metric as Almanac shows it, whichever backend has it, and the record a storing backend
 * keeps of the metrics it creates (AppOptics reference, "Metrics"): type, display name,
 * description, period, attributes and a composite definition. Types only, no I/O.
 *
 * The rule: a MetricView is what every backend answers (backend.ts `describeMetrics`), so the
 * schema's `Metric` reads one shape; a backend fills in what it knows and leaves the rest null.
 */
import type { MetricAttributeName } from './measurements/measurement.js';

/** Stored attributes: the reference's names (one list, in the measurement domain); null clears. */
export type MetricAttributes = Partial<Record<MetricAttributeName, string | number | boolean | null>>;

/** What a metric is: stored gauges and composites, and the types Prometheus tells. */
export type MetricKind = 'gauge' | 'composite' | 'counter' | 'histogram' | 'summary' | 'unknown';

/** The record a storing backend keeps of one metric. */
export interface MetricRecord {
  name: string;
  type: 'gauge' | 'composite';
  displayName: string | null;
  description: string | null;
  period: number | null;
  attributes: MetricAttributes;
  /** The composite definition; stored now, evaluated by the composite language. */
  composite: string | null;
  createdAt: string;
  updatedAt: string;
}

export type MetricProperties = Partial<
  Pick<MetricRecord, 'type' | 'displayName' | 'description' | 'period' | 'attributes' | 'composite'>
>;

export interface MetricPage {
  metrics: MetricRecord[];
  totalCount: number;
  /** Whether metrics follow the last one returned. */
  hasNextPage: boolean;
}

/** A metric as the schema's `Metric` shows it. */
export interface MetricView {
  /** The id of the backend that has it. */
  backend: string;
  name: string;
  type: MetricKind;
  displayName: string | null;
  /** The record's description, or what the backend's metadata says of the metric (Prometheus `help`). */
  description: string | null;
  period: number | null;
  attributes: MetricAttributes;
  composite: string | null;
  /** When a storing backend created and last changed its record; null where the backend keeps none. */
  createdAt: string | null;
  updatedAt: string | null;
  unit: string | null;
}

/** A metric known by name only: a gauge with nothing else said of it; backends fill in what they know. */
export function bareMetricView(backend: string, name: string): MetricView {
  return {
    backend,
    name,
    type: 'gauge',
    displayName: null,
    description: null,
    period: null,
    attributes: {},
    composite: null,
    createdAt: null,
    updatedAt: null,
    unit: null,
  };
}

/** A stored record as a view of the backend that keeps it. */
export function viewOfRecord(backend: string, record: MetricRecord): MetricView {
  return { backend, ...record, unit: null };
}
