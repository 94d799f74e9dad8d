/**
 * Usage records (the OpenDataDSL reference's metric service) and `listMetrics`. Thin: the
 * arguments go to the usage service, its page becomes a Relay connection.
 */
import { connection } from '../connection.js';
import { usageCursor } from '../cursors.js';
import { requireScope } from '../context.js';
import type { Resolvers } from '../generated/resolvers.js';

export const usageResolvers: Resolvers = {
  Query: {
    usageMetrics: async (_parent, { after, ...args }, context) => {
      const page = await context.services.usage.page(requireScope(context).tenant, {
        ...args,
        after: usageCursor.decodeAfter(after),
      });
      return connection(page.records, (record) => usageCursor.encode(record.id), {
        hasNextPage: page.hasNextPage,
        endCursor: page.endId === null ? null : usageCursor.encode(page.endId),
      });
    },
    usageMetric: (_parent, { id }, context) => context.services.usage.get(requireScope(context).tenant, id),
    listMetrics: (_parent, { provider }, context) =>
      context.services.calendars.listMetrics(requireScope(context).tenant, provider),
  },
  UsageRecord: {
    timestamp: (record) => new Date(record.timestamp),
    environment: (record) => record.environment ?? null,
  },
};
