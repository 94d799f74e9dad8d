/** Prometheus's query results (`data` of /api/v1/query and /query_range) read into typed values. */
import type { PromResult, PromResultType, PromSample } from '../../domain/promqlResult.js';

type RawSample = [number, string];

/** A matrix as Prometheus writes it: each series' labels and its `[time, "value"]` samples. */
export type RawMatrix = { metric: Record<string, string>; values: RawSample[] }[];

interface RawData {
  resultType: PromResultType;
  result: unknown;
}

/** `data` of a query answer → a PromResult; throws on a shape Prometheus would not send. */
export function readResult(backend: string, data: RawData, warnings: string[]): PromResult {
  const base = { backend, resultType: data.resultType, series: [], scalar: null, string: null, warnings };
  switch (data.resultType) {
    case 'vector':
      return {
        ...base,
        series: (data.result as { metric: Record<string, string>; value: RawSample }[]).map((entry) => ({
          labels: entry.metric,
          samples: [sample(entry.value)],
        })),
      };
    case 'matrix':
      return {
        ...base,
        series: (data.result as RawMatrix).map((entry) => ({
          labels: entry.metric,
          samples: entry.values.map(sample),
        })),
      };
    case 'scalar':
      return { ...base, scalar: sample(data.result as RawSample) };
    case 'string':
      return { ...base, string: (data.result as RawSample)[1] };
    default:
      throw new Error(`unknown resultType ${JSON.stringify(data.resultType)}`);
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
