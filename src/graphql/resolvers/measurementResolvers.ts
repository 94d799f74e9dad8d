/** `submitMeasurements`: the GraphQL input turned into the reference's payload, then ingest. */
import { requireScope } from '../context.js';
import type { MeasurementInput, Resolvers } from '../generated/resolvers.js';

export const measurementResolvers: Resolvers = {
  Mutation: {
    submitMeasurements: (_parent, { input }, context) =>
      context.services.ingest.submit(requireScope(context), {
        ...defined({ time: seconds(input.time), period: input.period, tags: input.tags ?? undefined }),
        measurements: input.measurements.map(payloadOf),
      }),
  },
};

function payloadOf(measurement: MeasurementInput): Record<string, unknown> {
  const { displayName, description, time, tags, ...rest } = measurement;
  return defined({ ...rest, display_name: displayName, description, time: seconds(time), tags: tags ?? undefined });
}

/** DateTime (a Date, or an ISO string) → Unix seconds; fractions stay, for the validator to refuse. */
function seconds(time: Date | string | null | undefined): number | undefined {
  if (time == null) return undefined;
  return new Date(time).getTime() / 1000;
}

/** Drops unset fields: GraphQL's null means "not sent" here, as the validator expects. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}
