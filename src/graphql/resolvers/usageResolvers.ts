/**
 * Usage records (the OpenDataDSL reference's metric service) and `listMetrics`. Thin: the
 * arguments go to the usage service, its page becomes a Relay connection.
 */
import { requireScope } from '../context.js';
import type { Resolvers } from '../generated/resolvers.js';

export const usageResolvers: Resolvers = {
  Query: {
    usageMetrics: async (_parent, args, context) => {
      const page = await context.services.usage.page(requireScope(context).tenant, args);
      return {
        edges: page.edges.map(({ cursor, record }) => ({ cursor, node: record })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
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
