/**
 * `operationalMetrics` and `resetOperationalMetrics`: thin calls into the operational metrics
 * service (which decides who sees what). Every level of the tree carries raw totals; the
 * counter fields derive what is shown from them, so sums and averages stay exact.
 */
import { averageServiceTime, OPERATIONAL_COUNTERS, type RawTotals } from '../../domain/operationalMetricsTree.js';
import type { OperationalCountersResolvers, Resolvers } from '../generated/resolvers.js';

/** One resolver per additive counter (0 when nothing was recorded), plus the serviceTime average. */
function counterResolvers(): OperationalCountersResolvers {
  const resolvers: OperationalCountersResolvers = {
    serviceTime: (totals) => averageServiceTime(totals),
  };
  for (const counter of OPERATIONAL_COUNTERS) resolvers[counter] = (totals: RawTotals) => totals[counter] ?? 0;
  return resolvers;
}

export const operationalMetricsResolvers: Resolvers = {
  Query: {
    operationalMetrics: (_parent, { service }, { scope, services }) =>
      services.operationalMetrics.read(scope, service ?? undefined),
  },
  Mutation: {
    resetOperationalMetrics: (_parent, { service }, { scope, services }) =>
      services.operationalMetrics.readAndReset(scope, service ?? undefined),
  },
  OperationalMetricsSubservice: {
    counters: (subservice) => subservice.totals,
  },
  OperationalCounters: counterResolvers(),
};
