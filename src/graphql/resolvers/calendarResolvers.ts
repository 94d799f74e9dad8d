/**
 * Calendar aggregation: virtual timeseries, the `Metric.calendar` field, and stored metric
 * timeseries. Thin: arguments become a VirtualQuery for the calendar query service, enum
 * values become the domain's lower-case names and back.
 */
import type { Observed as DomainObserved } from '../../domain/calendar/observed.js';
import { UserInputError } from '../../errors.js';
import { requireScope } from '../context.js';
import type { Observed, Resolvers } from '../generated/resolvers.js';

const DEFAULT_PAGE_SIZE = 50;
const CURSOR_PREFIX = 'timeseries:';

export const calendarResolvers: Resolvers = {
  Query: {
    virtualTimeseries: (_parent, args, context) =>
      context.services.calendars.evaluate(requireScope(context).tenant, {
        ...args,
        observed: domainObserved(args.observed),
      }),
    metricTimeseries: (_parent, { id }, context) => context.services.timeseries.find(requireScope(context).tenant, id),
    metricTimeseriesList: async (_parent, { first, after }, context) => {
      const page = await context.services.timeseries.page(requireScope(context).tenant, {
        first: first ?? DEFAULT_PAGE_SIZE,
        after: after == null ? null : decodeCursor(after),
      });
      const edges = page.records.map((record) => ({ cursor: encodeCursor(record.id), node: record }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  },
  Mutation: {
    createMetricTimeseries: (_parent, { input }, context) =>
      context.services.timeseries.create(requireScope(context).tenant, {
        ...input,
        observed: domainObserved(input.observed),
      }),
    updateMetricTimeseries: (_parent, { id, patch }, context) =>
      context.services.timeseries.update(requireScope(context).tenant, id, {
        ...patch,
        observed: patch.observed == null ? null : domainObserved(patch.observed),
      }),
    deleteMetricTimeseries: (_parent, { id }, context) =>
      context.services.timeseries.delete(requireScope(context).tenant, id),
  },
  Metric: {
    calendar: (metric, args, context) => {
      const { calendars } = context.services;
      const source = calendars.resolve(`${metric.backend}/${metric.name}`);
      return calendars.evaluateSource(requireScope(context).tenant, source, {
        ...args,
        observed: domainObserved(args.observed),
      });
    },
  },
  VirtualTimeseries: {
    observed: (series) => schemaObserved(series.observed),
  },
  CalendarPoint: {
    start: (point) => point.startIso,
    end: (point) => point.endIso,
  },
  MetricTimeseries: {
    observed: (record) => schemaObserved(record.observed),
    filter: (record) => record.filter,
    createdAt: (record) => record.createdAt,
    updatedAt: (record) => record.updatedAt,
    values: (record, { range, timeZone, omitEmpty }, context) =>
      context.services.calendars.evaluate(requireScope(context).tenant, {
        metric: `${record.provider}/${record.metric}`,
        calendar: record.calendar,
        observed: record.observed,
        range,
        timeZone: timeZone ?? record.timeZone,
        filter: record.filter.map(([name, value]) => ({ name, value })),
        omitEmpty,
      }),
  },
};

function domainObserved(observed: Observed): DomainObserved {
  return observed.toLowerCase() as DomainObserved;
}

function schemaObserved(observed: DomainObserved): Observed {
  return observed.toUpperCase() as Observed;
}

function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(CURSOR_PREFIX)) {
    throw new UserInputError('after is not a cursor of this list: pass an edge cursor or endCursor', {
      field: 'after',
    });
  }
  return text.slice(CURSOR_PREFIX.length);
}
