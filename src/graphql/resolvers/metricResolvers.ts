/**
 * Metrics: thin calls into the metric service, confined to the request's tenant. Inputs become
 * the reference's vocabulary (snake_case attribute names, lower-case enums); pages become Relay
 * connections whose cursors are opaque (base64url of the name the page would start after).
 *
 * The rule: a key the client left out stays left out (undefined), and an explicit null stays
 * null — the service reads the first as "unchanged" and the second as "clear".
 */
import type { MetricAttributes as StoredAttributes } from '../../backends/native/metricCatalog.js';
import type { MetricChangeRequest, MetricType as DomainMetricType } from '../../domain/metricChanges.js';
import { SUMMARIZE_FUNCTIONS, type MetricAttributeName } from '../../domain/measurements/measurement.js';
import { UserInputError } from '../../errors.js';
import { requireScope } from '../context.js';
import type {
  MetricAttributesInput,
  MetricType,
  MetricUpdateInput,
  Resolvers,
  SummarizeFunction,
} from '../generated/resolvers.js';

const DEFAULT_PAGE_SIZE = 50;
const CURSOR_PREFIX = 'metric:';

export const metricResolvers: Resolvers = {
  Query: {
    metrics: async (_parent, { name, first, after, orderBy }, context) => {
      const page = await context.services.metrics.list(requireScope(context).tenant, {
        pattern: name,
        first: first ?? DEFAULT_PAGE_SIZE,
        after: after == null ? null : decodeCursor(after),
        descending: orderBy === 'NAME_DESC',
      });
      const edges = page.metrics.map((metric) => ({ cursor: encodeCursor(metric.name), node: metric }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    metric: (_parent, { name }, context) => context.services.metrics.find(requireScope(context).tenant, name),
  },
  Mutation: {
    upsertMetric: (_parent, { name, input }, context) =>
      context.services.metrics.upsert(requireScope(context).tenant, name, {
        ...changeRequest(input),
        ...present('type', metricType(input.type)),
        ...present('composite', input.composite),
      }),
    updateMetrics: (_parent, { names, pattern, input }, context) =>
      context.services.metrics.updateMany(requireScope(context).tenant, { names, pattern }, changeRequest(input)),
    deleteMetrics: (_parent, { names, pattern }, context) =>
      context.services.metrics.deleteMany(requireScope(context).tenant, { names, pattern }),
  },
  Metric: {
    type: (metric) => metric.type.toUpperCase() as MetricType,
    backend: (_metric, _args, { services }) => services.metrics.backendId,
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

/** `{ displayMin: 0 }` → `{ display_min: 0 }`; the enum lower-cased as the reference writes it. */
function attributeRequest(input: MetricAttributesInput): Partial<Record<MetricAttributeName, unknown>> {
  const request: Partial<Record<MetricAttributeName, unknown>> = {};
  for (const [field, name] of Object.entries(ATTRIBUTE_NAMES) as [keyof MetricAttributesInput, MetricAttributeName][]) {
    if (input[field] !== undefined) request[name] = input[field];
  }
  if (input.summarizeFunction) request.summarize_function = input.summarizeFunction.toLowerCase();
  return request;
}

function metricType(type: MetricType | null | undefined): DomainMetricType | null | undefined {
  return type == null ? type : (type.toLowerCase() as DomainMetricType);
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
  (SUMMARIZE_FUNCTIONS.find((known) => known === value)?.toUpperCase() as SummarizeFunction | undefined) ?? null;

function encodeCursor(name: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${name}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw new UserInputError('after is not a cursor that metrics returned', { field: 'after' });
  }
  return decoded.slice(CURSOR_PREFIX.length);
}
