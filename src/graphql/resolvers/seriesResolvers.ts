/** `series`: GraphQL input to a series query and back; paging of series by an opaque cursor. */
import { summarize, type SummaryFunction as StateFunction } from '../../domain/bucketState.js';
import type { ValuePoint } from '../../domain/seriesAggregation.js';
import { UserInputError } from '../../errors.js';
import { seriesCursor } from '../cursors.js';
import { requireScope } from '../context.js';
import { withPartialFailures } from '../partialFailures.js';
import type { Resolvers, SeriesQueryInput } from '../generated/resolvers.js';

const MAX_PAGE = 1_000;

export const seriesResolvers: Resolvers = {
  Query: {
    series: async (_parent, { query, partial }, context, info) => {
      const result = await context.loaders.series.load({
        tenant: requireScope(context).tenant,
        query: { ...toQuery(query), partial },
      });
      return withPartialFailures(context, info, result);
    },
  },
  SeriesResult: {
    level: (result) => (result.level === 'raw' ? 'RAW' : String(result.level)),
    start: (result) => new Date(result.start * 1000),
    end: (result) => new Date(result.end * 1000),
    series: (result, { first, after }) => {
      if (first < 1 || first > MAX_PAGE)
        throw new UserInputError(`first must be from 1 to ${MAX_PAGE}, got ${first}`, { field: 'first' });
      const from = after ? seriesCursor.decode(after) : 0;
      const nodes = result.series.slice(from, from + first);
      const last = from + nodes.length;
      return {
        nodes,
        totalCount: result.series.length,
        hasNextPage: last < result.series.length,
        endCursor: nodes.length > 0 ? seriesCursor.encode(last) : null,
      };
    },
  },
  Series: {
    columns: (series) => ({
      times: series.points.map((point) => point.time),
      values: series.points.map((point) => point.value),
    }),
  },
  Point: {
    time: (point) => new Date(point.time * 1000),
    count: (point) => stat(point, 'count'),
    sum: (point) => stat(point, 'sum'),
    min: (point) => stat(point, 'min'),
    max: (point) => stat(point, 'max'),
    mean: (point) => stat(point, 'mean'),
    stddev: (point) => stat(point, 'stddev'),
    first: (point) => stat(point, 'first'),
    last: (point) => stat(point, 'last'),
  },
  Tag: {
    name: (tag) => tag[0],
    value: (tag) => tag[1],
  },
};

function stat(point: ValuePoint, fn: StateFunction): number | null {
  return point.state ? summarize(point.state, fn) : null;
}

function toQuery(input: SeriesQueryInput) {
  return {
    metric: input.metric,
    start: seconds(input.start),
    end: seconds(input.end),
    duration: input.duration,
    resolution: input.resolution,
    tags: input.tags,
    tagsSearch: input.tagsSearch,
    groupBy: input.groupBy,
    groupByFunction: input.groupByFunction ?? undefined,
    summaryFunction: input.summaryFunction ?? undefined,
    detectReset: input.detectReset,
    backend: input.backend,
    counter: input.counter ?? undefined,
  };
}

function seconds(time: Date | string | null | undefined): number | null {
  return time == null ? null : Math.floor(new Date(time).getTime() / 1000);
}
