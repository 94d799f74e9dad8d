/**
 * Reading a test gateway's usage records over GraphQL (`usageMetrics`), as a tenant's admin or
 * the operator would. Records are written off the request path, so the readers poll until what
 * a test made has landed (or 5 s pass); a test gateway flushing often keeps that short.
 */
import { expect } from 'vitest';
import { graphql } from '../../src/client/generated/index.js';
import type { TestUsageMetricsQuery, UsageRecordFieldsFragment } from '../../src/client/generated/graphql.js';
import { TEST_ADMIN_KEY, type TestGateway } from './gateway.js';
import { fieldsOf, query } from './tokens.js';

/** How often the readers ask again. */
const POLL_MS = 50;

const UsageRecordFields = graphql(`
  fragment UsageRecordFields on UsageRecord {
    id
    action
    application
    detail
    duration
    environment
    httpstatus
    invocationId
    method
    responseSize
    service
    timestamp
    type
    user
    value
  }
`);

/** Every field of a usage record, for the queries tests write as strings around them. */
export const RECORD_FIELDS = fieldsOf(UsageRecordFields);

export const USAGE_METRICS = graphql(`
  query TestUsageMetrics($filter: UsageFilter, $range: String, $first: Int, $after: String) {
    usageMetrics(filter: $filter, range: $range, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...UsageRecordFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type UsageNode = UsageRecordFieldsFragment;
export type UsagePage = TestUsageMetricsQuery['usageMetrics'];

/** The operator's credentials in a tenant: its own calls are recorded as user `admin`, application `api`. */
export function asOperator(tenant: string) {
  return { token: TEST_ADMIN_KEY, headers: { 'fiware-service': tenant } };
}

export async function usagePage(
  gateway: TestGateway,
  tenant: string,
  variables: Record<string, unknown> = {},
  init: { token: string; headers?: Record<string, string> } = asOperator(tenant),
): Promise<UsagePage> {
  const result = await query(gateway, USAGE_METRICS, { ...init, variables });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  if (!result.data) throw new Error('usageMetrics returned no data');
  return result.data.usageMetrics;
}

/** Polls until the filter matches `count` records (or 5 s pass), then returns them. */
export async function waitForRecords(
  gateway: TestGateway,
  tenant: string,
  filter: Record<string, unknown>,
  count: number,
): Promise<UsageNode[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const page = await usagePage(gateway, tenant, { filter, first: 1_000 });
    if (page.edges.length >= count || Date.now() > deadline) return page.edges.map((edge) => edge.node);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function waitForRecord(gateway: TestGateway, tenant: string, invocationId: string): Promise<UsageNode> {
  const [record] = await waitForRecords(gateway, tenant, { invocationId }, 1);
  if (!record) throw new Error(`no usage record of request ${invocationId}`);
  return record;
}
