/** Raw PromQL: thin calls into the PromQL service; samples keep Prometheus's text beside the number. */
import { sampleValue } from '../../domain/promqlResult.js';
import type { NonFiniteValue, Resolvers } from '../generated/resolvers.js';

export const promqlResolvers: Resolvers = {
  Query: {
    // Prometheus backends are shared by every tenant: they hold no tenant's data of their own.
    promql: (_parent, { query, time, backend }, context) => context.services.promql.instant(query, time, backend),
    promqlRange: (_parent, args, context) => context.services.promql.range(args),
  },
  PromSeries: {
    metric: (series) => series.labels.__name__ ?? null,
    labels: (series) =>
      Object.entries(series.labels)
        .filter(([name]) => name !== '__name__')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    columns: (series) => series,
  },
  PromSeriesColumns: {
    times: (series) => series.samples.map((sample) => sample.time),
    values: (series) => series.samples.map((sample) => finiteValue(sample.text)),
    nonFinite: (series) => {
      const found: { index: number; value: NonFiniteValue }[] = [];
      series.samples.forEach((sample, index) => {
        const value = nonFinite(sampleValue(sample.text));
        if (value) found.push({ index, value });
      });
      return found;
    },
  },
  PromSample: {
    time: (sample) => new Date(Math.round(sample.time * 1000)),
    value: (sample) => finiteValue(sample.text),
    nonFinite: (sample) => nonFinite(sampleValue(sample.text)),
  },
};

/** A sample's value as a GraphQL Float can carry it: null for NaN and ±Inf. */
function finiteValue(text: string): number | null {
  const value = sampleValue(text);
  return Number.isFinite(value) ? value : null;
}

function nonFinite(value: number): NonFiniteValue | null {
  if (Number.isNaN(value)) return 'NAN';
  if (value === Number.POSITIVE_INFINITY) return 'POSITIVE_INFINITY';
  if (value === Number.NEGATIVE_INFINITY) return 'NEGATIVE_INFINITY';
  return null;
}
