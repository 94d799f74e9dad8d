/**
 * Metric operations over GraphQL for tests: upsert, read, list, measurements to give them
 * points, and a direct view of the native store to check what is really in Redis.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect } from 'vitest';
import { graphql } from '../../src/client/generated/index.js';
import type { MetricFieldsFragment } from '../../src/client/generated/graphql.js';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import { SeriesIndex } from '../../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../../src/backends/native/seriesStore.js';
import { Store } from '../../src/store/store.js';
import type { TestGateway } from './gateway.js';
import { harnessRedis } from './redis.js';
import { query, type QueryReply } from './tokens.js';

graphql(`
  fragment MetricFields on Metric {
    name
    type
    displayName
    description
    period
    composite
    createdAt
    updatedAt
    backend
    attributes {
      color
      displayMax
      displayMin
      displayUnitsLong
      displayUnitsShort
      displayStacked
      summarizeFunction
      aggregate
      createdByUa
    }
  }
`);

/** A metric with every field the harness reads. */
export type MetricBody = MetricFieldsFragment;

const UpsertMetric = graphql(`
  mutation UpsertTestMetric($name: String!, $input: MetricInput!) {
    upsertMetric(name: $name, input: $input) {
      ...MetricFields
    }
  }
`);

const MetricNamed = graphql(`
  query TestMetricNamed($name: String!) {
    metric(name: $name) {
      ...MetricFields
    }
  }
`);

const MetricNames = graphql(`
  query TestMetricNames {
    metrics(backend: "native", first: 1000) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

const SubmitPoints = graphql(`
  mutation SubmitTestPoints($input: MeasurementBatchInput!) {
    submitMeasurements(input: $input) {
      summary {
        accepted
      }
    }
  }
`);

export type GraphQLResult<T> = Omit<QueryReply<T>, 'status'>;

/** Runs `source` in `tenant`: as the operator, or with `token` (a token of that tenant). */
export function inTenant<T>(
  gateway: TestGateway,
  tenant: string,
  source: string | TypedDocumentNode<T, never>,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const init = { variables, headers: { 'fiware-service': tenant }, ...(token ? { token } : {}) };
  return typeof source === 'string' ? query<T>(gateway, source, init) : query(gateway, source, init);
}

/** Creates or updates a metric and returns it; fails the test on any error. */
export async function upsertMetric(
  gateway: TestGateway,
  tenant: string,
  name: string,
  input: Record<string, unknown> = {},
): Promise<MetricBody> {
  const result = await inTenant(gateway, tenant, UpsertMetric, { name, input });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  if (!result.data) throw new Error('upsertMetric returned nothing');
  return result.data.upsertMetric;
}

/** One metric by name, or null. */
export async function metricNamed(gateway: TestGateway, tenant: string, name: string): Promise<MetricBody | null> {
  const result = await inTenant(gateway, tenant, MetricNamed, { name });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.metric ?? null;
}

/** Every metric name of the tenant, in name order. */
export async function metricNames(gateway: TestGateway, tenant: string): Promise<string[]> {
  const result = await inTenant(gateway, tenant, MetricNames);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.metrics.edges.map((edge) => edge.node.name) ?? [];
}

/** Stores one measurement per tag set through submitMeasurements; all must be accepted. */
export async function submitPoints(
  gateway: TestGateway,
  tenant: string,
  metric: string,
  tagSets: Record<string, string>[],
  time: number,
): Promise<void> {
  const measurements = tagSets.map((tags, index) => ({
    name: metric,
    value: index + 1,
    time: new Date(time * 1000).toISOString(),
    tags: Object.entries(tags).map(([name, value]) => ({ name, value })),
  }));
  const result = await inTenant(gateway, tenant, SubmitPoints, { input: { measurements } });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data?.submitMeasurements.summary.accepted).toBe(measurements.length);
}

export interface NativeStoreView {
  redis: RedisConnection;
  points: SeriesStore;
  index: SeriesIndex;
}

/** The series store and index a gateway writes to, read through their own APIs; quit `redis` after. */
export function nativeStoreOf(gateway: TestGateway): NativeStoreView {
  const DAY = 86_400;
  const redis = harnessRedis();
  return {
    redis,
    points: new SeriesStore(redis, gateway.keyPrefix, {
      raw: 7 * DAY,
      r900: 90 * DAY,
      r3600: 730 * DAY,
      r86400: 3650 * DAY,
    }),
    index: new SeriesIndex(new Store(redis, gateway.keyPrefix)),
  };
}
