/** Prometheus's query results (`data` of /api/v1/query and /query_range) read into typed values. */
import type { PromResult, PromSample } from '../../domain/promqlResult.js';
import type { QueryData, RawSample } from './prometheusAnswers.js';

/** `data` of a query answer, checked by its shape (prometheusAnswers.ts) → a PromResult. */
export function readResult(backend: string, data: QueryData, warnings: string[]): PromResult {
  const base = { backend, resultType: data.resultType, series: [], scalar: null, string: null, warnings };
  switch (data.resultType) {
    case 'vector':
      return {
        ...base,
        series: data.result.map((entry) => ({ labels: entry.metric, samples: [sample(entry.value)] })),
      };
    case 'matrix':
      return {
        ...base,
        series: data.result.map((entry) => ({ labels: entry.metric, samples: entry.values.map(sample) })),
      };
    case 'scalar':
      return { ...base, scalar: sample(data.result) };
    case 'string':
      return { ...base, string: data.result[1] };
  }
}

function sample([time, text]: RawSample): PromSample {
  return { time, text };
}

/** A series' identity without `__name__` (functions such as *_over_time drop it): its labels sorted. */
export function seriesKey(labels: Record<string, string>): string {
  const { __name__: _name, ...rest } = labels;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Labels as tags, as the native store keeps them: names and values lower-cased, `__name__` left out. */
export function lowerTags(labels: Record<string, string>): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [name, value] of Object.entries(labels)) {
    if (name !== '__name__') tags.set(name.toLowerCase(), value.toLowerCase());
  }
  return tags;
}
