/**
 * The type of a Prometheus metric: what `/api/v1/metadata` says, or — where it says nothing,
 * as for backfilled data or a remote-write-only engine — what Prometheus's naming conventions
 * imply: `_total` is a counter; `_bucket` with a sibling `_count` or `_sum` is a histogram, and
 * so are that family's `_sum` and `_count`; `_sum`/`_count` without buckets belong to a summary.
 * Anything else is a gauge only when the metadata says so; otherwise `unknown`.
 *
 * The rule: metadata wins over names; names are only a fallback, and say `unknown` rather than
 * guess a gauge.
 */
export type PrometheusMetricType =
  'counter' | 'gauge' | 'histogram' | 'gaugehistogram' | 'summary' | 'info' | 'stateset' | 'unknown';

export interface TypedMetric {
  name: string;
  type: PrometheusMetricType;
  /** Where the type came from. */
  source: 'metadata' | 'name';
  help: string | null;
  unit: string | null;
}

export interface MetadataEntry {
  type: string;
  help: string;
  unit: string;
}

const KNOWN_TYPES = new Set<PrometheusMetricType>([
  'counter',
  'gauge',
  'histogram',
  'gaugehistogram',
  'summary',
  'info',
  'stateset',
  'unknown',
]);

/** Types of `names`, from `metadata` (keyed by metric family name, as /api/v1/metadata answers). */
export function typeMetrics(
  names: readonly string[],
  metadata: Readonly<Record<string, readonly MetadataEntry[]>>,
): TypedMetric[] {
  const all = new Set(names);
  return names.map((name) => {
    const entry = metadataOf(name, metadata);
    const help = entry?.help || null;
    const unit = entry?.unit || null;
    const declared = entry?.type as PrometheusMetricType | undefined;
    if (declared && KNOWN_TYPES.has(declared) && declared !== 'unknown') {
      return { name, type: declared, source: 'metadata', help, unit };
    }
    return { name, type: typeByName(name, all), source: 'name', help, unit };
  });
}

/** The metadata of a series name: its own, or its family's (`x_bucket`, `x_sum`, `x_count`, `x_total` → `x`). */
function metadataOf(
  name: string,
  metadata: Readonly<Record<string, readonly MetadataEntry[]>>,
): MetadataEntry | undefined {
  return metadata[name]?.[0] ?? metadata[name.replace(/_(bucket|sum|count|total|created)$/, '')]?.[0];
}

export function typeByName(name: string, all: ReadonlySet<string>): PrometheusMetricType {
  if (name.endsWith('_total')) return 'counter';
  const base = name.replace(/_(bucket|sum|count)$/, '');
  if (base === name) return 'unknown';
  if (all.has(`${base}_bucket`)) return 'histogram';
  if (name.endsWith('_bucket')) return 'histogram';
  if (all.has(`${base}_sum`) && all.has(`${base}_count`)) return 'summary';
  return 'unknown';
}

/**
 * Whether a series only grows between resets, and so aggregates as increases: a counter, and the
 * `_bucket`, `_sum` and `_count` series of a histogram or summary (a summary's quantiles and a
 * gauge histogram's buckets are gauges).
 */
export function isCumulative(name: string, type: PrometheusMetricType): boolean {
  if (type === 'counter') return true;
  if (type !== 'histogram' && type !== 'summary') return false;
  return /_(bucket|sum|count)$/.test(name);
}
