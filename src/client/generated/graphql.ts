/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of system a backend is. */
export type BackendKind =
  /** Almanac's own time-series store on Redis or Redis Cluster. */
  | 'NATIVE'
  /** A server that speaks the Prometheus HTTP API: Prometheus, Thanos Query, Mimir, VictoriaMetrics. */
  | 'PROMETHEUS';

/** Fields of a new API token. */
export type CreateApiTokenInput = {
  /** Whether the token can be used right away; default true. */
  active?: boolean | null | undefined;
  /** Name of an environment of the tenant the token belongs to. */
  environment?: string | null | undefined;
  /** A name to recognise the token by. */
  name: string;
  /** What the token may do. */
  role: Role;
};

/** A batch of measurements, as the reference's `POST /v1/measurements` body. */
export type MeasurementBatchInput = {
  /** 1-10,000 measurements. */
  measurements: Array<MeasurementInput>;
  /** Default period of the batch's measurements. */
  period?: number | null | undefined;
  /** Tags of every measurement that carries none of its own. At least one tag per measurement is required. */
  tags?: Array<TagInput> | null | undefined;
  /** Default time of the batch's measurements. */
  time?: string | null | undefined;
};

/**
 * One measurement (AppOptics reference): a `value`, or the summary fields of samples already
 * aggregated by the sender (`count` and `sum`, optionally `min`, `max`, `last`, `stddev`).
 */
export type MeasurementInput = {
  /** How many samples this measurement summarizes; needs `sum`. */
  count?: number | null | undefined;
  /** Description of a metric this measurement creates (ignored when the metric exists). */
  description?: string | null | undefined;
  /** Display name of a metric this measurement creates (ignored when the metric exists). */
  displayName?: string | null | undefined;
  /** The last summarized sample. */
  last?: number | null | undefined;
  /** The largest summarized sample. */
  max?: number | null | undefined;
  /** The smallest summarized sample. */
  min?: number | null | undefined;
  /** The metric: 1-255 of `A-Za-z0-9.:-_`, case-insensitive. Created by its first measurement. */
  name: string;
  /** The reporting period in seconds; stored on a metric this measurement creates. */
  period?: number | null | undefined;
  /** The population standard deviation of the summarized samples. */
  stddev?: number | null | undefined;
  /** The sum of the summarized samples. */
  sum?: number | null | undefined;
  /** Tags of this measurement. When given they replace the batch's tags entirely (never merged). */
  tags?: Array<TagInput> | null | undefined;
  /** When it was measured, in whole seconds; default the batch's `time`, else now. */
  time?: string | null | undefined;
  /** A single sample. Not together with `count`. */
  value?: number | null | undefined;
};

/**
 * Display attributes to set. An attribute left out stays as it is; one set to null is removed.
 * Text attributes have 1-255 characters.
 */
export type MetricAttributesInput = {
  /** Whether measurements are aggregated service-side over the metric's period. */
  aggregate?: boolean | null | undefined;
  /** `#` and six hex digits, e.g. `#52D74C`. */
  color?: string | null | undefined;
  /** The User-Agent of the client that created the metric. */
  createdByUa?: string | null | undefined;
  /** A known theoretical maximum. */
  displayMax?: number | null | undefined;
  /** A known theoretical minimum. */
  displayMin?: number | null | undefined;
  /** Whether the metric's streams are drawn stacked. */
  displayStacked?: boolean | null | undefined;
  /** The unit in full, e.g. `Microseconds`. */
  displayUnitsLong?: string | null | undefined;
  /** The unit abbreviated, e.g. `uS`. */
  displayUnitsShort?: string | null | undefined;
  /** How values roll up to coarser intervals. */
  summarizeFunction?: SummarizeFunction | null | undefined;
};

/**
 * A metric's properties, to create it or change it. A field left out stays as it is (or gets its
 * default when the metric is created); one set to null is cleared.
 */
export type MetricInput = {
  /** Attributes to set, merged key by key into those the metric has. */
  attributes?: MetricAttributesInput | null | undefined;
  /**
   * The composite definition, 1-4096 characters: required for a COMPOSITE metric (unless it has
   * one already), refused for a GAUGE. Stored now, evaluated by a later feature.
   */
  composite?: string | null | undefined;
  /** What the metric measures: 1-1024 characters. */
  description?: string | null | undefined;
  /** The name to show people: 1-255 characters. */
  displayName?: string | null | undefined;
  /** The standard reporting period in seconds: a whole number, at least 1. */
  period?: number | null | undefined;
  /**
   * GAUGE (the default) or COMPOSITE. Fixed once the metric exists: changing it is CONFLICT
   * (delete the metric and create it again).
   */
  type?: MetricType | null | undefined;
};

/**
 * What a metric is. Native metrics (AppOptics reference, "Metric Properties": type): measurements
 * create gauges; composites are defined with `upsertMetric`. Prometheus metrics: the type from
 * `/api/v1/metadata`, or where it says nothing (backfilled data) from naming conventions — `_total`
 * COUNTER, `_bucket` (and its `_sum`/`_count`) HISTOGRAM, `_sum` + `_count` SUMMARY — else UNKNOWN.
 */
export type MetricType =
  /** A metric defined by a composite expression over other metrics; it stores no measurements of its own. */
  | 'COMPOSITE'
  /** A Prometheus counter: only goes up, except when it resets to zero. */
  | 'COUNTER'
  /** A metric whose measurements are stored: what every measurement creates; a Prometheus gauge. */
  | 'GAUGE'
  /** A Prometheus histogram's series (`_bucket`, `_sum`, `_count`). */
  | 'HISTOGRAM'
  /** A Prometheus summary's series (`_sum`, `_count`, quantiles). */
  | 'SUMMARY'
  /** A Prometheus metric whose type neither metadata nor its name tells. */
  | 'UNKNOWN';

/**
 * How a calendar bucket's samples become one value (the OpenDataDSL reference's *observed*).
 * Every one is computed from the bucket's state (count, sum, min, max, first, last), so the
 * value is the same whichever backend stored the samples.
 */
export type Observed =
  /** The mean of the samples: their sum divided by their count. */
  | 'AVERAGED'
  /** The earliest sample. */
  | 'BEGINNING'
  /** How many samples there are. */
  | 'COUNT'
  /** The latest sample. */
  | 'END'
  /** The highest sample. */
  | 'HIGH'
  /** The lowest sample. */
  | 'LOW'
  /** The sum of the samples. */
  | 'SUMMED';

/** The role of an API token, as in the AppOptics reference. */
export type Role =
  /** Does everything in its tenant, including managing tokens and environments. */
  | 'ADMIN'
  /** Reads, and writes measurements and annotations. */
  | 'RECORDER'
  /** Reads everything in its tenant. */
  | 'VIEWER';

/**
 * How a metric's values are rolled up from raw values to coarser intervals (the reference's
 * `summarize_function` attribute). For the raw values 2, 10 and 5: AVERAGE 5.67, SUM 17, COUNT 3,
 * MIN 2, MAX 10. It is also the default summary function of series queries on the metric.
 */
export type SummarizeFunction =
  /** The mean of the values; the default when the attribute is not set. */
  | 'AVERAGE'
  /** How many values there are. */
  | 'COUNT'
  /** The largest value. */
  | 'MAX'
  /** The smallest value. */
  | 'MIN'
  /** The sum of the values. */
  | 'SUM';

/** A tag: one dimension of a series, e.g. `{ name: "region", value: "us-east" }`. */
export type TagInput = {
  /** 1-64 letters, digits and `-.:_`; stored lower-cased. */
  name: string;
  /** 1-255 letters, digits, spaces and `-.:_?\/`; stored lower-cased. */
  value: string;
};

/** Which usage records to return: every field given must match exactly. */
export type UsageFilter = {
  /** `read`, `write` or `delete`. */
  action?: string | null | undefined;
  /** The application, e.g. `api` or a client's `apollographql-client-name`. */
  application?: string | null | undefined;
  /** The environment of the token. */
  environment?: string | null | undefined;
  /** The HTTP status code. */
  httpstatus?: number | null | undefined;
  /** The request's id. */
  invocationId?: string | null | undefined;
  /** The HTTP method, lower-cased. */
  method?: string | null | undefined;
  /** The root field or REST route. */
  service?: string | null | undefined;
  /** The type of metric (`api`). */
  type?: string | null | undefined;
  /** The token name, or `anonymous`. */
  user?: string | null | undefined;
};

export type ListBackendsQueryVariables = Exact<{ [key: string]: never }>;

export type ListBackendsQuery = {
  backends: Array<{
    id: string;
    kind: BackendKind;
    health: { ok: boolean; latencyMs: number | null; error: string | null };
  }>;
};

export type CalendarSeriesFieldsFragment = {
  metric: string;
  calendar: string;
  observed: Observed;
  timeZone: string;
  start: string;
  end: string;
  level: string;
  seriesCount: number;
  complete: boolean;
  points: Array<{ start: string; end: string; label: string; value: number | null; count: number }>;
};

export type MetricFieldsFragment = {
  name: string;
  type: MetricType;
  displayName: string | null;
  description: string | null;
  period: number | null;
  composite: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  backend: string;
  attributes: {
    color: string | null;
    displayMax: number | null;
    displayMin: number | null;
    displayUnitsLong: string | null;
    displayUnitsShort: string | null;
    displayStacked: boolean | null;
    summarizeFunction: SummarizeFunction | null;
    aggregate: boolean | null;
    createdByUa: string | null;
  };
};

export type UpsertTestMetricMutationVariables = Exact<{
  name: string;
  input: MetricInput;
}>;

export type UpsertTestMetricMutation = {
  upsertMetric: {
    name: string;
    type: MetricType;
    displayName: string | null;
    description: string | null;
    period: number | null;
    composite: string | null;
    createdAt: string | null;
    updatedAt: string | null;
    backend: string;
    attributes: {
      color: string | null;
      displayMax: number | null;
      displayMin: number | null;
      displayUnitsLong: string | null;
      displayUnitsShort: string | null;
      displayStacked: boolean | null;
      summarizeFunction: SummarizeFunction | null;
      aggregate: boolean | null;
      createdByUa: string | null;
    };
  };
};

export type TestMetricNamedQueryVariables = Exact<{
  name: string;
}>;

export type TestMetricNamedQuery = {
  metric: {
    name: string;
    type: MetricType;
    displayName: string | null;
    description: string | null;
    period: number | null;
    composite: string | null;
    createdAt: string | null;
    updatedAt: string | null;
    backend: string;
    attributes: {
      color: string | null;
      displayMax: number | null;
      displayMin: number | null;
      displayUnitsLong: string | null;
      displayUnitsShort: string | null;
      displayStacked: boolean | null;
      summarizeFunction: SummarizeFunction | null;
      aggregate: boolean | null;
      createdByUa: string | null;
    };
  } | null;
};

export type TestMetricNamesQueryVariables = Exact<{ [key: string]: never }>;

export type TestMetricNamesQuery = { metrics: { edges: Array<{ node: { name: string } }> } };

export type SubmitTestPointsMutationVariables = Exact<{
  input: MeasurementBatchInput;
}>;

export type SubmitTestPointsMutation = { submitMeasurements: { summary: { accepted: number } } };

export type CreateTestTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;

export type CreateTestTokenMutation = { createApiToken: { secret: string; token: { id: string } } };

export type UsageRecordFieldsFragment = {
  id: string;
  action: string;
  application: string;
  detail: string;
  duration: number;
  environment: string | null;
  httpstatus: number;
  invocationId: string;
  method: string;
  responseSize: number;
  service: string;
  timestamp: string;
  type: string;
  user: string;
  value: number;
};

export type TestUsageMetricsQueryVariables = Exact<{
  filter?: UsageFilter | null | undefined;
  range?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type TestUsageMetricsQuery = {
  usageMetrics: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        action: string;
        application: string;
        detail: string;
        duration: number;
        environment: string | null;
        httpstatus: number;
        invocationId: string;
        method: string;
        responseSize: number;
        service: string;
        timestamp: string;
        type: string;
        user: string;
        value: number;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type BackendHealthOfQueryVariables = Exact<{
  b: string | number;
}>;

export type BackendHealthOfQuery = { backend: { health: { ok: boolean; error: string | null } } | null };

export type BuildInfoMetricsQueryVariables = Exact<{ [key: string]: never }>;

export type BuildInfoMetricsQuery = {
  metrics: { totalCount: number; edges: Array<{ node: { name: string; backend: string } }> };
};

export type BuildInfoSeriesQueryVariables = Exact<{ [key: string]: never }>;

export type BuildInfoSeriesQuery = { series: { series: { nodes: Array<{ backend: string }> } } };

export const CalendarSeriesFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CalendarSeriesFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'VirtualTimeseries' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
          { kind: 'Field', name: { kind: 'Name', value: 'calendar' } },
          { kind: 'Field', name: { kind: 'Name', value: 'observed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'start' } },
          { kind: 'Field', name: { kind: 'Name', value: 'end' } },
          { kind: 'Field', name: { kind: 'Name', value: 'level' } },
          { kind: 'Field', name: { kind: 'Name', value: 'seriesCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'points' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CalendarSeriesFieldsFragment, unknown>;
export const MetricFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Metric' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'composite' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attributes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMax' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMin' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsLong' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsShort' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayStacked' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summarizeFunction' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aggregate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdByUa' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricFieldsFragment, unknown>;
export const UsageRecordFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UsageRecordFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UsageRecord' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'action' } },
          { kind: 'Field', name: { kind: 'Name', value: 'application' } },
          { kind: 'Field', name: { kind: 'Name', value: 'detail' } },
          { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
          { kind: 'Field', name: { kind: 'Name', value: 'environment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'httpstatus' } },
          { kind: 'Field', name: { kind: 'Name', value: 'invocationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'method' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseSize' } },
          { kind: 'Field', name: { kind: 'Name', value: 'service' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'user' } },
          { kind: 'Field', name: { kind: 'Name', value: 'value' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UsageRecordFieldsFragment, unknown>;
export const ListBackendsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ListBackends' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backends' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'health' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'latencyMs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ListBackendsQuery, ListBackendsQueryVariables>;
export const UpsertTestMetricDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpsertTestMetric' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'upsertMetric' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MetricFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Metric' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'composite' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attributes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMax' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMin' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsLong' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsShort' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayStacked' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summarizeFunction' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aggregate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdByUa' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpsertTestMetricMutation, UpsertTestMetricMutationVariables>;
export const TestMetricNamedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TestMetricNamed' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metric' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MetricFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MetricFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Metric' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'composite' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'attributes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMax' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayMin' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsLong' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayUnitsShort' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayStacked' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summarizeFunction' } },
                { kind: 'Field', name: { kind: 'Name', value: 'aggregate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdByUa' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TestMetricNamedQuery, TestMetricNamedQueryVariables>;
export const TestMetricNamesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TestMetricNames' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'backend' },
                value: { kind: 'StringValue', value: 'native', block: false },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '1000' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TestMetricNamesQuery, TestMetricNamesQueryVariables>;
export const SubmitTestPointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitTestPoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'MeasurementBatchInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitMeasurements' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'summary' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'accepted' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitTestPointsMutation, SubmitTestPointsMutationVariables>;
export const CreateTestTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateTestToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateApiTokenInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createApiToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'token' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateTestTokenMutation, CreateTestTokenMutationVariables>;
export const TestUsageMetricsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TestUsageMetrics' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'UsageFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'usageMetrics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'UsageRecordFields' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UsageRecordFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UsageRecord' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'action' } },
          { kind: 'Field', name: { kind: 'Name', value: 'application' } },
          { kind: 'Field', name: { kind: 'Name', value: 'detail' } },
          { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
          { kind: 'Field', name: { kind: 'Name', value: 'environment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'httpstatus' } },
          { kind: 'Field', name: { kind: 'Name', value: 'invocationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'method' } },
          { kind: 'Field', name: { kind: 'Name', value: 'responseSize' } },
          { kind: 'Field', name: { kind: 'Name', value: 'service' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timestamp' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'user' } },
          { kind: 'Field', name: { kind: 'Name', value: 'value' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TestUsageMetricsQuery, TestUsageMetricsQueryVariables>;
export const BackendHealthOfDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BackendHealthOf' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'b' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backend' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'b' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'health' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BackendHealthOfQuery, BackendHealthOfQueryVariables>;
export const BuildInfoMetricsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BuildInfoMetrics' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'StringValue', value: 'prometheus_build_info', block: false },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '10' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BuildInfoMetricsQuery, BuildInfoMetricsQueryVariables>;
export const BuildInfoSeriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BuildInfoSeries' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'series' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'query' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'metric' },
                      value: { kind: 'StringValue', value: 'prometheus_build_info', block: false },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'duration' },
                      value: { kind: 'IntValue', value: '300' },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'resolution' },
                      value: { kind: 'IntValue', value: '60' },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'series' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'backend' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BuildInfoSeriesQuery, BuildInfoSeriesQueryVariables>;
