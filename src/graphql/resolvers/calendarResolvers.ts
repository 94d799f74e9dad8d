/**
 * Calendar aggregation: virtual timeseries, the `Metric.calendar` field, and stored metric
 * timeseries. Thin: arguments become a VirtualQuery for the calendar query service.
 */
import { hasRole, type RequestScope } from '../../auth/principal.js';
import { ForbiddenError } from '../../errors.js';
import { USAGE_PROVIDER } from '../../services/usage/usageMetrics.js';
import { connection } from '../connection.js';
import { timeseriesCursor } from '../cursors.js';
import { requireScope } from '../context.js';
import type { Resolvers } from '../generated/resolvers.js';

const DEFAULT_PAGE_SIZE = 50;

export const calendarResolvers: Resolvers = {
  Query: {
    virtualTimeseries: (_parent, args, context) => {
      const scope = requireScope(context);
      checkUsageAccess(scope, context.services.calendars.resolve(args.metric).usage);
      return context.services.calendars.evaluate(scope.tenant, args);
    },
    metricTimeseries: (_parent, { id }, context) => context.services.timeseries.find(requireScope(context).tenant, id),
    metricTimeseriesList: async (_parent, { first, after }, context) => {
      const page = await context.services.timeseries.page(requireScope(context).tenant, {
        first: first ?? DEFAULT_PAGE_SIZE,
        after: timeseriesCursor.decodeAfter(after),
      });
      const cursorOf = (record: { id: string }) => timeseriesCursor.encode(record.id);
      return { ...connection(page.records, cursorOf, page), totalCount: page.totalCount };
    },
  },
  Mutation: {
    createMetricTimeseries: (_parent, { input }, context) =>
      context.services.timeseries.create(requireScope(context).tenant, input),
    updateMetricTimeseries: (_parent, { id, patch }, context) =>
      context.services.timeseries.update(requireScope(context).tenant, id, {
        ...patch,
        observed: patch.observed ?? null,
      }),
    deleteMetricTimeseries: (_parent, { id }, context) =>
      context.services.timeseries.delete(requireScope(context).tenant, id),
  },
  Metric: {
    calendar: (metric, args, context) => {
      const { calendars } = context.services;
      const source = calendars.resolve(`${metric.backend}/${metric.name}`);
      return calendars.evaluateSource(requireScope(context).tenant, source, args);
    },
  },
  CalendarPoint: {
    start: (point) => point.startIso,
    end: (point) => point.endIso,
  },
  MetricTimeseries: {
    filter: (record) => record.filter,
    createdAt: (record) => record.createdAt,
    updatedAt: (record) => record.updatedAt,
    values: (record, { range, timeZone, omitEmpty }, context) => {
      const scope = requireScope(context);
      checkUsageAccess(scope, record.provider === USAGE_PROVIDER);
      return context.services.calendars.evaluate(scope.tenant, {
        metric: `${record.provider}/${record.metric}`,
        calendar: record.calendar,
        observed: record.observed,
        range,
        timeZone: timeZone ?? record.timeZone,
        filter: record.filter.map(([name, value]) => ({ name, value })),
        omitEmpty,
      });
    },
  },
};

/**
 * Usage metrics can be filtered by `user`, so they show who did what, as usage records do:
 * reading them needs ADMIN, like `usageMetrics`.
 */
function checkUsageAccess(scope: RequestScope, usage: boolean): void {
  if (usage && !hasRole(scope.principal, 'admin')) {
    throw new ForbiddenError(`${USAGE_PROVIDER} metrics need an ADMIN token: they show who made each request`, {
      requires: 'ADMIN',
    });
  }
}
