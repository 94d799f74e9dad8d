/**
 * The result of a PromQL query as Almanac returns it (`promql`, `promqlRange`), whichever
 * Prometheus-API backend evaluated it. Sample values stay as Prometheus wrote them (`"0.5"`,
 * `"NaN"`, `"+Inf"`): JSON has no NaN or infinity, so Prometheus sends numbers as strings, and
 * the text is what tells a user exactly what came back.
 */
export type PromResultType = 'vector' | 'matrix' | 'scalar' | 'string';

export interface PromSample {
  /** Unix seconds, with Prometheus's millisecond fraction. */
  time: number;
  text: string;
}

export interface PromSeries {
  /** Every label, `__name__` included when the series has one. */
  labels: Record<string, string>;
  samples: PromSample[];
}

export interface PromResult {
  backend: string;
  resultType: PromResultType;
  series: PromSeries[];
  scalar: PromSample | null;
  string: string | null;
  warnings: string[];
}

/** A sample's number; NaN and ±Infinity as JavaScript has them. */
export function sampleValue(text: string): number {
  // Runs once per sample of every answer: the common case, a number, costs one conversion.
  const value = Number(text);
  if (!Number.isNaN(value)) return value;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number.NaN;
}
