/**
 * Metric operations over GraphQL for tests: upsert, read, list, measurements to give them
 * points, and a direct view of the native store to check what is really in Redis.
 */
import { expect } from 'vitest';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import { SeriesIndex } from '../../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../../src/backends/native/seriesStore.js';
import { Store } from '../../src/store/store.js';
import type { TestGateway } from './gateway.js';
import { harnessRedis } from './redis.js';
import { query } from './tokens.js';

export const METRIC_FIELDS = `name type displayName description period composite createdAt updatedAt backend
  attributes { color displayMax displayMin displayUnitsLong displayUnitsShort displayStacked summarizeFunction aggregate createdByUa }`;

export interface MetricBody {
  name: string;
  type: 'GAUGE' | 'COMPOSITE';
  displayName: string | null;
  description: string | null;
  period: number | null;
  composite: string | null;
  createdAt: string;
  updatedAt: string;
  backend: string;
  attributes: Record<string, unknown>;
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[];
}

/** Runs `source` in `tenant`: as the operator, or with `token` (a token of that tenant). */
export function inTenant<T>(
  gateway: TestGateway,
  tenant: string,
  source: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  return query<T>(gateway, source, { variables, headers: { 'fiware-service': tenant }, ...(token ? { token } : {}) });
}

/** Creates or updates a metric and returns it; fails the test on any error. */
export async function upsertMetric(
  gateway: TestGateway,
  tenant: string,
  name: string,
  input: Record<string, unknown> = {},
): Promise<MetricBody> {
  const result = await inTenant<{ upsertMetric: MetricBody }>(
    gateway,
    tenant,
    `mutation ($name: String!, $input: MetricInput!) { upsertMetric(name: $name, input: $input) { ${METRIC_FIELDS} } }`,
    { name, input },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  if (!result.data) throw new Error('upsertMetric returned nothing');
  return result.data.upsertMetric;
}

/** One metric by name, or null. */
export async function metricNamed(gateway: TestGateway, tenant: string, name: string): Promise<MetricBody | null> {
  const result = await inTenant<{ metric: MetricBody | null }>(
    gateway,
    tenant,
    `query ($name: String!) { metric(name: $name) { ${METRIC_FIELDS} } }`,
    { name },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.metric ?? null;
}

/** Every metric name of the tenant, in name order. */
export async function metricNames(gateway: TestGateway, tenant: string): Promise<string[]> {
  const result = await inTenant<{ metrics: { edges: { node: { name: string } }[] } }>(
    gateway,
    tenant,
    '{ metrics(backend: "native", first: 1000) { edges { node { name } } } }',
  );
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
  const result = await inTenant<{ submitMeasurements: { summary: { accepted: number } } }>(
    gateway,
    tenant,
    'mutation ($input: MeasurementBatchInput!) { submitMeasurements(input: $input) { summary { accepted } } }',
    { input: { measurements } },
  );
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
