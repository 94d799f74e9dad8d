/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query ListBackends {\n    backends {\n      id\n      kind\n      health {\n        ok\n        latencyMs\n        error\n      }\n    }\n  }\n': typeof types.ListBackendsDocument;
  '\n  fragment CalendarSeriesFields on VirtualTimeseries {\n    metric\n    calendar\n    observed\n    timeZone\n    start\n    end\n    level\n    seriesCount\n    complete\n    points {\n      start\n      end\n      label\n      value\n      count\n    }\n  }\n': typeof types.CalendarSeriesFieldsFragmentDoc;
  '\n  fragment MetricFields on Metric {\n    name\n    type\n    displayName\n    description\n    period\n    composite\n    createdAt\n    updatedAt\n    backend\n    attributes {\n      color\n      displayMax\n      displayMin\n      displayUnitsLong\n      displayUnitsShort\n      displayStacked\n      summarizeFunction\n      aggregate\n      createdByUa\n    }\n  }\n': typeof types.MetricFieldsFragmentDoc;
  '\n  mutation UpsertTestMetric($name: String!, $input: MetricInput!) {\n    upsertMetric(name: $name, input: $input) {\n      ...MetricFields\n    }\n  }\n': typeof types.UpsertTestMetricDocument;
  '\n  query TestMetricNamed($name: String!) {\n    metric(name: $name) {\n      ...MetricFields\n    }\n  }\n': typeof types.TestMetricNamedDocument;
  '\n  query TestMetricNames {\n    metrics(backend: "native", first: 1000) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n': typeof types.TestMetricNamesDocument;
  '\n  mutation SubmitTestPoints($input: MeasurementBatchInput!) {\n    submitMeasurements(input: $input) {\n      summary {\n        accepted\n      }\n    }\n  }\n': typeof types.SubmitTestPointsDocument;
  '\n  mutation CreateTestToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n      }\n    }\n  }\n': typeof types.CreateTestTokenDocument;
  '\n  fragment UsageRecordFields on UsageRecord {\n    id\n    action\n    application\n    detail\n    duration\n    environment\n    httpstatus\n    invocationId\n    method\n    responseSize\n    service\n    timestamp\n    type\n    user\n    value\n  }\n': typeof types.UsageRecordFieldsFragmentDoc;
  '\n  query TestUsageMetrics($filter: UsageFilter, $range: String, $first: Int, $after: String) {\n    usageMetrics(filter: $filter, range: $range, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageRecordFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.TestUsageMetricsDocument;
  '\n  query BackendHealthOf($b: ID!) {\n    backend(id: $b) {\n      health {\n        ok\n        error\n      }\n    }\n  }\n': typeof types.BackendHealthOfDocument;
  '\n  query BuildInfoMetrics {\n    metrics(name: "prometheus_build_info", first: 10) {\n      totalCount\n      edges {\n        node {\n          name\n          backend\n        }\n      }\n    }\n  }\n': typeof types.BuildInfoMetricsDocument;
  '\n  query BuildInfoSeries {\n    series(query: { metric: "prometheus_build_info", duration: 300, resolution: 60 }) {\n      series {\n        nodes {\n          backend\n        }\n      }\n    }\n  }\n': typeof types.BuildInfoSeriesDocument;
};
const documents: Documents = {
  '\n  query ListBackends {\n    backends {\n      id\n      kind\n      health {\n        ok\n        latencyMs\n        error\n      }\n    }\n  }\n':
    types.ListBackendsDocument,
  '\n  fragment CalendarSeriesFields on VirtualTimeseries {\n    metric\n    calendar\n    observed\n    timeZone\n    start\n    end\n    level\n    seriesCount\n    complete\n    points {\n      start\n      end\n      label\n      value\n      count\n    }\n  }\n':
    types.CalendarSeriesFieldsFragmentDoc,
  '\n  fragment MetricFields on Metric {\n    name\n    type\n    displayName\n    description\n    period\n    composite\n    createdAt\n    updatedAt\n    backend\n    attributes {\n      color\n      displayMax\n      displayMin\n      displayUnitsLong\n      displayUnitsShort\n      displayStacked\n      summarizeFunction\n      aggregate\n      createdByUa\n    }\n  }\n':
    types.MetricFieldsFragmentDoc,
  '\n  mutation UpsertTestMetric($name: String!, $input: MetricInput!) {\n    upsertMetric(name: $name, input: $input) {\n      ...MetricFields\n    }\n  }\n':
    types.UpsertTestMetricDocument,
  '\n  query TestMetricNamed($name: String!) {\n    metric(name: $name) {\n      ...MetricFields\n    }\n  }\n':
    types.TestMetricNamedDocument,
  '\n  query TestMetricNames {\n    metrics(backend: "native", first: 1000) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n':
    types.TestMetricNamesDocument,
  '\n  mutation SubmitTestPoints($input: MeasurementBatchInput!) {\n    submitMeasurements(input: $input) {\n      summary {\n        accepted\n      }\n    }\n  }\n':
    types.SubmitTestPointsDocument,
  '\n  mutation CreateTestToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n      }\n    }\n  }\n':
    types.CreateTestTokenDocument,
  '\n  fragment UsageRecordFields on UsageRecord {\n    id\n    action\n    application\n    detail\n    duration\n    environment\n    httpstatus\n    invocationId\n    method\n    responseSize\n    service\n    timestamp\n    type\n    user\n    value\n  }\n':
    types.UsageRecordFieldsFragmentDoc,
  '\n  query TestUsageMetrics($filter: UsageFilter, $range: String, $first: Int, $after: String) {\n    usageMetrics(filter: $filter, range: $range, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageRecordFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.TestUsageMetricsDocument,
  '\n  query BackendHealthOf($b: ID!) {\n    backend(id: $b) {\n      health {\n        ok\n        error\n      }\n    }\n  }\n':
    types.BackendHealthOfDocument,
  '\n  query BuildInfoMetrics {\n    metrics(name: "prometheus_build_info", first: 10) {\n      totalCount\n      edges {\n        node {\n          name\n          backend\n        }\n      }\n    }\n  }\n':
    types.BuildInfoMetricsDocument,
  '\n  query BuildInfoSeries {\n    series(query: { metric: "prometheus_build_info", duration: 300, resolution: 60 }) {\n      series {\n        nodes {\n          backend\n        }\n      }\n    }\n  }\n':
    types.BuildInfoSeriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ListBackends {\n    backends {\n      id\n      kind\n      health {\n        ok\n        latencyMs\n        error\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ListBackends {\n    backends {\n      id\n      kind\n      health {\n        ok\n        latencyMs\n        error\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CalendarSeriesFields on VirtualTimeseries {\n    metric\n    calendar\n    observed\n    timeZone\n    start\n    end\n    level\n    seriesCount\n    complete\n    points {\n      start\n      end\n      label\n      value\n      count\n    }\n  }\n',
): (typeof documents)['\n  fragment CalendarSeriesFields on VirtualTimeseries {\n    metric\n    calendar\n    observed\n    timeZone\n    start\n    end\n    level\n    seriesCount\n    complete\n    points {\n      start\n      end\n      label\n      value\n      count\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment MetricFields on Metric {\n    name\n    type\n    displayName\n    description\n    period\n    composite\n    createdAt\n    updatedAt\n    backend\n    attributes {\n      color\n      displayMax\n      displayMin\n      displayUnitsLong\n      displayUnitsShort\n      displayStacked\n      summarizeFunction\n      aggregate\n      createdByUa\n    }\n  }\n',
): (typeof documents)['\n  fragment MetricFields on Metric {\n    name\n    type\n    displayName\n    description\n    period\n    composite\n    createdAt\n    updatedAt\n    backend\n    attributes {\n      color\n      displayMax\n      displayMin\n      displayUnitsLong\n      displayUnitsShort\n      displayStacked\n      summarizeFunction\n      aggregate\n      createdByUa\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpsertTestMetric($name: String!, $input: MetricInput!) {\n    upsertMetric(name: $name, input: $input) {\n      ...MetricFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UpsertTestMetric($name: String!, $input: MetricInput!) {\n    upsertMetric(name: $name, input: $input) {\n      ...MetricFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TestMetricNamed($name: String!) {\n    metric(name: $name) {\n      ...MetricFields\n    }\n  }\n',
): (typeof documents)['\n  query TestMetricNamed($name: String!) {\n    metric(name: $name) {\n      ...MetricFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TestMetricNames {\n    metrics(backend: "native", first: 1000) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TestMetricNames {\n    metrics(backend: "native", first: 1000) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SubmitTestPoints($input: MeasurementBatchInput!) {\n    submitMeasurements(input: $input) {\n      summary {\n        accepted\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SubmitTestPoints($input: MeasurementBatchInput!) {\n    submitMeasurements(input: $input) {\n      summary {\n        accepted\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateTestToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateTestToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UsageRecordFields on UsageRecord {\n    id\n    action\n    application\n    detail\n    duration\n    environment\n    httpstatus\n    invocationId\n    method\n    responseSize\n    service\n    timestamp\n    type\n    user\n    value\n  }\n',
): (typeof documents)['\n  fragment UsageRecordFields on UsageRecord {\n    id\n    action\n    application\n    detail\n    duration\n    environment\n    httpstatus\n    invocationId\n    method\n    responseSize\n    service\n    timestamp\n    type\n    user\n    value\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TestUsageMetrics($filter: UsageFilter, $range: String, $first: Int, $after: String) {\n    usageMetrics(filter: $filter, range: $range, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageRecordFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TestUsageMetrics($filter: UsageFilter, $range: String, $first: Int, $after: String) {\n    usageMetrics(filter: $filter, range: $range, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageRecordFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BackendHealthOf($b: ID!) {\n    backend(id: $b) {\n      health {\n        ok\n        error\n      }\n    }\n  }\n',
): (typeof documents)['\n  query BackendHealthOf($b: ID!) {\n    backend(id: $b) {\n      health {\n        ok\n        error\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BuildInfoMetrics {\n    metrics(name: "prometheus_build_info", first: 10) {\n      totalCount\n      edges {\n        node {\n          name\n          backend\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query BuildInfoMetrics {\n    metrics(name: "prometheus_build_info", first: 10) {\n      totalCount\n      edges {\n        node {\n          name\n          backend\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BuildInfoSeries {\n    series(query: { metric: "prometheus_build_info", duration: 300, resolution: 60 }) {\n      series {\n        nodes {\n          backend\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query BuildInfoSeries {\n    series(query: { metric: "prometheus_build_info", duration: 300, resolution: 60 }) {\n      series {\n        nodes {\n          backend\n        }\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
