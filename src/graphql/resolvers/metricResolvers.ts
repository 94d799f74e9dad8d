/**
 * Metrics: thin calls into the metric service, confined to the request's tenant. Inputs become
 * the reference's vocabulary (snake_case attribute names); pages become Relay
 * connections whose cursors are opaque (cursors.ts).
 *
 * The rule: a key the client left out stays left out (undefined), and an explicit null stays
 * null — the service reads the first as "unchanged" and the second as "clear".
 */
import type { MetricChangeRequest, MetricType as DomainMetricType } from '../../domain/metricChanges.js';
import {
  viewOfRecord,
  type MetricAttributes as StoredAttributes,
  type MetricRecord,
  type MetricView,
} from '../../domain/metricRecord.js';
import {
  SUMMARIZE_FUNCTIONS,
  type MetricAttributeName,
  type SummarizeFunction,
} from '../../domain/measurements/measurement.js';
import { connection } from '../connection.js';
import { metricCursor } from '../cursors.js';
import { withPartialFailures } from '../partialFailures.js';
import { requireScope, type GraphQLContext } from '../context.js';
import type { MetricAttributesInput, MetricType, MetricUpdateInput, Resolvers } from '../generated/resolvers.js';

const DEFAULT_PAGE_SIZE = 50;

export const metricResolvers: Resolvers = {
  Query: {
    metrics: async (_parent, { name, first, after, orderBy, backend, partial }, context, info) => {
      const listing = {
        pattern: name,
        first: first ?? DEFAULT_PAGE_SIZE,
        afterKey: metricCursor.decodeAfter(after),
        descending: orderBy === 'NAME_DESC',
        backend,
        partial,
      };
      const page = withPartialFailures(
        context,
        info,
        await context.services.directory.list(requireScope(context).tenant, listing, context.fanOut),
      );
      return { ...connection(page.metrics, metricCursor.encode, page), totalCount: page.totalCount };
    },
    metric: async (_parent, { name, backend }, context) => {
      const { services } = context;
      const tenant = requireScope(context).tenant;
      if (backend == null || backend === services.metrics.backendId) {
        const record = await services.metrics.find(tenant, name);
        return record ? viewOfRecord(services.metrics.backendId, record) : null;
      }
      return services.directory.find(tenant, name, backend, context.fanOut);
    },
  },
  Mutation: {
    upsertMetric: async (_parent, { name, input }, context) =>
      native(
        context,
        await context.services.metrics.upsert(requireScope(context).tenant, name, {
          ...changeRequest(input),
          ...present('type', metricType(input.type)),
          ...present('composite', input.composite),
        }),
      ),
    updateMetrics: async (_parent, { names, pattern, input }, context) =>
      (
        await context.services.metrics.updateMany(
          requireScope(context).tenant,
          { names, pattern },
          changeRequest(input),
        )
      ).map((record) => native(context, record)),
    deleteMetrics: (_parent, { names, pattern }, context) =>
      context.services.metrics.deleteMany(requireScope(context).tenant, { names, pattern }),
  },
  Metric: {
    labelNames: (metric, _args, context) =>
      context.services.directory.labelNames(requireScope(context).tenant, metric, context.fanOut),
    labelValues: (metric, { name }, context) =>
      context.services.directory.labelValues(requireScope(context).tenant, metric, name, context.fanOut),
  },
  MetricAttributes: {
    color: (attributes) => text(attributes.color),
    displayMax: (attributes) => number(attributes.display_max),
    displayMin: (attributes) => number(attributes.display_min),
    displayUnitsLong: (attributes) => text(attributes.display_units_long),
    displayUnitsShort: (attributes) => text(attributes.display_units_short),
    displayStacked: (attributes) => flag(attributes.display_stacked),
    summarizeFunction: (attributes) => summarizeFunction(attributes.summarize_function),
    aggregate: (attributes) => flag(attributes.aggregate),
    createdByUa: (attributes) => text(attributes.created_by_ua),
  },
};

/** The properties every metric input has, with only the keys the client sent. */
function changeRequest(input: MetricUpdateInput): MetricChangeRequest {
  return {
    ...present('displayName', input.displayName),
    ...present('description', input.description),
    ...present('period', input.period),
    ...present('attributes', input.attributes == null ? input.attributes : attributeRequest(input.attributes)),
  };
}

/** GraphQL's attribute fields and the reference's names; typed, so a schema change must update it. */
const ATTRIBUTE_NAMES: Record<keyof MetricAttributesInput, MetricAttributeName> = {
  color: 'color',
  displayMax: 'display_max',
  displayMin: 'display_min',
  displayUnitsLong: 'display_units_long',
  displayUnitsShort: 'display_units_short',
  displayStacked: 'display_stacked',
  summarizeFunction: 'summarize_function',
  aggregate: 'aggregate',
  createdByUa: 'created_by_ua',
};

/** `{ displayMin: 0 }` → `{ display_min: 0 }`. */
function attributeRequest(input: MetricAttributesInput): Partial<Record<MetricAttributeName, unknown>> {
  const request: Partial<Record<MetricAttributeName, unknown>> = {};
  for (const [field, name] of Object.entries(ATTRIBUTE_NAMES) as [keyof MetricAttributesInput, MetricAttributeName][]) {
    if (input[field] !== undefined) request[name] = input[field];
  }
  return request;
}

/**
 * MetricInput takes any MetricType, the schema's one enum of metric kinds; the SDL says only
 * GAUGE and COMPOSITE are meant, and the others are passed on as they always were.
 */
function metricType(type: MetricType | null | undefined): DomainMetricType | null | undefined {
  return type as DomainMetricType | null | undefined;
}

/** `{ [key]: value }` when the client sent the key (even as null), else nothing. */
function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Stored attributes are typed loosely (older records, measurement payloads): show only the right type. */
type Stored = StoredAttributes[keyof StoredAttributes];
const text = (value: Stored): string | null => (typeof value === 'string' ? value : null);
const number = (value: Stored): number | null => (typeof value === 'number' ? value : null);
const flag = (value: Stored): boolean | null => (typeof value === 'boolean' ? value : null);
const summarizeFunction = (value: Stored): SummarizeFunction | null =>
  SUMMARIZE_FUNCTIONS.find((known) => known === value) ?? null;

/** A stored record as the schema's Metric. */
function native(context: GraphQLContext, record: MetricRecord): MetricView {
  return viewOfRecord(context.services.metrics.backendId, record);
}
