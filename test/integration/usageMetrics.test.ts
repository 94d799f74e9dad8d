/**
 * Usage metrics (the OpenDataDSL reference's metric service) against a real gateway and Redis:
 * a test's own requests come back from `usageMetrics` with every field, and as counts of the
 * AlmanacRequest metrics in `virtualTimeseries`. Records are written off the request path, so
 * each test polls until what it made has landed (the gateway flushes every 50 ms here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessBackends, startTestGateway, type TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';
import {
  asOperator,
  RECORD_FIELDS,
  USAGE_METRICS,
  usagePage,
  waitForRecord,
  waitForRecords,
  type UsageNode,
} from '../harness/usage.js';

const FLUSH_MS = 50;
/** Applications per tenant with series of their own; no other tenant of this file uses more. */
const MAX_APPLICATIONS = 3;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(harnessBackends(), {
    config: { usage: { flushIntervalMs: FLUSH_MS, maxApplications: MAX_APPLICATIONS } },
  });
});
afterAll(() => gateway.close());

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** The UTC hour a Unix millisecond falls in, as ISO text. */
const hourOf = (ms: number): string => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();

function graphqlRequest(
  source: string,
  { token, tenant, headers = {} }: { token: string; tenant?: string; headers?: Record<string, string> },
): Promise<Response> {
  return fetch(new URL('graphql', gateway.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(tenant ? { 'fiware-service': tenant } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: source }),
  });
}

function postMeasurements(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL('v1/measurements', gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({
      tags: { host: 'probe' },
      measurements: [{ name: 'usage.probe', value: 1, time: Math.floor(Date.now() / 1000) }],
    }),
  });
}

describe('usageMetrics', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await createToken(gateway, { role: 'ADMIN', tenant: 'usage_fields', name: 'usage-admin' })).secret;
  });

  it("records a GraphQL request with the reference's fields, its invocationId the response's x-request-id", async () => {
    const before = Date.now();
    const response = await graphqlRequest('query Dashboard { serverInfo { version } }', {
      token: admin,
      headers: { 'apollographql-client-name': 'dashboard' },
    });
    const after = Date.now();
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id') ?? '';
    const size = Number(response.headers.get('content-length'));
    expect(requestId).not.toBe('');

    const record = await waitForRecord(gateway, 'usage_fields', requestId);
    expect(record).toEqual({
      id: expect.stringMatching(/^\d+-\d+$/),
      action: 'read',
      application: 'dashboard',
      detail: 'Dashboard: Query.serverInfo',
      duration: expect.any(Number),
      environment: null,
      httpstatus: 200,
      invocationId: requestId,
      method: 'post',
      responseSize: size,
      service: 'serverInfo',
      timestamp: expect.any(String),
      type: 'api',
      user: 'usage-admin',
      value: 1,
    });
    expect(record.responseSize).toBeGreaterThan(0);
    expect(record.duration).toBeGreaterThan(0);
    expect(record.duration).toBeLessThanOrEqual(after - before + 1); // Date.now() counts whole ms
    const timestamp = Date.parse(record.timestamp);
    expect(timestamp).toBeGreaterThanOrEqual(before - 5);
    expect(timestamp).toBeLessThanOrEqual(after);
  });

  it('records POST /v1/measurements as a write of its route', async () => {
    const response = await postMeasurements(admin, { 'x-request-id': 'usage-rest-1' });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe('usage-rest-1');
    const record = await waitForRecord(gateway, 'usage_fields', 'usage-rest-1');
    expect(record).toMatchObject({
      action: 'write',
      application: 'api',
      detail: 'POST /v1/measurements',
      httpstatus: 202,
      invocationId: 'usage-rest-1',
      method: 'post',
      responseSize: Number(response.headers.get('content-length')),
      service: '/v1/measurements',
      user: 'usage-admin',
    });
    expect(record.responseSize).toBeGreaterThan(0);
  });

  it('records /admin/... by method, and a path that matches no route as service unknown', async () => {
    const call = (method: string, path: string, id: string) =>
      fetch(new URL(path, gateway.url), {
        method,
        headers: { authorization: `Bearer ${admin}`, 'x-request-id': id },
      });
    expect((await call('GET', 'admin/metrics?reset=false', 'usage-admin-get')).status).toBe(200);
    expect((await call('DELETE', 'admin/metrics', 'usage-admin-delete')).status).toBe(204);
    expect((await call('GET', 'v1/nothing-here', 'usage-unmatched')).status).toBe(404);
    expect(await waitForRecord(gateway, 'usage_fields', 'usage-admin-get')).toMatchObject({
      action: 'read',
      method: 'get',
      service: '/admin/metrics',
      detail: 'GET /admin/metrics',
      httpstatus: 200,
    });
    expect(await waitForRecord(gateway, 'usage_fields', 'usage-admin-delete')).toMatchObject({
      action: 'delete',
      method: 'delete',
      service: '/admin/metrics',
      httpstatus: 204,
      responseSize: 0,
    });
    expect(await waitForRecord(gateway, 'usage_fields', 'usage-unmatched')).toMatchObject({
      action: 'read',
      service: 'unknown',
      detail: 'GET /v1/nothing-here',
      httpstatus: 404,
    });
  });

  it('a mutation is a write, a mutation that only deletes is a delete, and the environment is the token’s', async () => {
    const created = await graphqlRequest('mutation { createEnvironment(name: "staging") { id } }', {
      token: admin,
      headers: { 'x-request-id': 'usage-create-env' },
    });
    expect(created.status).toBe(200);
    const staged = (await createToken(gateway, { role: 'ADMIN', tenant: 'usage_fields', environment: 'staging' }))
      .secret;
    await graphqlRequest('mutation Cleanup { deleteApiToken(id: "nope") }', {
      token: staged,
      headers: { 'x-request-id': 'usage-delete' },
    });
    const write = await waitForRecord(gateway, 'usage_fields', 'usage-create-env');
    expect(write).toMatchObject({ action: 'write', service: 'createEnvironment', environment: null });
    const deletion = await waitForRecord(gateway, 'usage_fields', 'usage-delete');
    expect(deletion).toMatchObject({
      action: 'delete',
      service: 'deleteApiToken',
      detail: 'Cleanup: Mutation.deleteApiToken',
      environment: 'staging',
      user: 'admin-token',
    });
  });

  it('filters on each field exactly, and on a range', async () => {
    await postMeasurements(admin, { 'x-request-id': 'usage-filter-rest' });
    await graphqlRequest('{ serverInfo { version } backends { id } }', {
      token: admin,
      headers: { 'x-request-id': 'usage-filter-gql', 'apollographql-client-name': 'filters' },
    });
    await waitForRecord(gateway, 'usage_fields', 'usage-filter-rest');
    const gql = await waitForRecord(gateway, 'usage_fields', 'usage-filter-gql');
    expect(gql).toMatchObject({ service: 'backends', detail: 'Query.backends, Query.serverInfo' });

    const ids = async (filter: Record<string, unknown>, range?: string): Promise<string[]> =>
      (await usagePage(gateway, 'usage_fields', { filter, range, first: 1_000 })).edges.map(
        (edge) => edge.node.invocationId,
      );
    const writes = await ids({ action: 'write', service: '/v1/measurements' });
    expect(writes).toContain('usage-filter-rest');
    expect(writes).not.toContain('usage-filter-gql');
    expect(await ids({ application: 'filters' })).toEqual(['usage-filter-gql']);
    expect(await ids({ httpstatus: 202, method: 'post', user: 'usage-admin', type: 'api' })).toContain(
      'usage-filter-rest',
    );
    expect(await ids({ httpstatus: 202, method: 'get' })).toEqual([]);
    expect(await ids({ user: 'Usage-Admin' })).toEqual([]); // exact, not case-insensitive
    expect(await ids({ invocationId: 'usage-filter-gql' }, 'between(T-1h, T+1h)')).toEqual(['usage-filter-gql']);
    expect(await ids({ invocationId: 'usage-filter-gql' }, 'between(2020-01-01, 2020-01-02)')).toEqual([]);
  });

  it('pages newest first with after, and refuses a cursor or page size it cannot use', async () => {
    const tenant = 'usage_pages';
    const token = (await createToken(gateway, { role: 'ADMIN', tenant, name: 'pager' })).secret;
    for (let n = 0; n < 5; n++) {
      await graphqlRequest('{ serverInfo { version } }', {
        token,
        headers: { 'x-request-id': `page-${n}`, 'apollographql-client-name': 'pager' },
      });
    }
    await waitForRecords(gateway, tenant, { application: 'pager' }, 5);

    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const page = await usagePage(gateway, tenant, { filter: { application: 'pager' }, first: 2, after });
      seen.push(...page.edges.map((edge) => edge.node.invocationId));
      pages.push(page.pageInfo.hasNextPage);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(['page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
    expect(pages).toEqual([true, true, false]);

    for (const [variables, field] of [
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('usage:1-x').toString('base64url') }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 1_001 }, 'first'],
      [{ range: 'between(T, T-1D)' }, 'range'],
    ] as const) {
      const result = await query(gateway, USAGE_METRICS, { ...asOperator(tenant), variables });
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('usageMetric finds one record by id, and answers null for garbage, expired or unknown ids', async () => {
    const record = await waitForRecord(gateway, 'usage_fields', 'usage-rest-1');
    const one = async (id: string, tenant = 'usage_fields') => {
      const result = await query<{ usageMetric: UsageNode | null }>(
        gateway,
        `query ($id: ID!) { usageMetric(id: $id) { ${RECORD_FIELDS} } }`,
        { ...asOperator(tenant), variables: { id } },
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data?.usageMetric;
    };
    expect(await one(record.id)).toEqual(record);
    for (const garbage of ['not-an-id', '1-2-3', '99999999999999999999999-1', '0-1', `${Date.now() + 60_000}-0`]) {
      expect(await one(garbage), garbage).toBeNull();
    }
  });

  it("keeps tenants apart: one tenant never sees another's records", async () => {
    const other = (await createToken(gateway, { role: 'ADMIN', tenant: 'usage_other', name: 'other-admin' })).secret;
    await graphqlRequest('{ serverInfo { version } }', { token: other, headers: { 'x-request-id': 'usage-other-1' } });
    const theirs = await waitForRecord(gateway, 'usage_other', 'usage-other-1');
    const mine = await waitForRecord(gateway, 'usage_fields', 'usage-rest-1');

    const idsIn = async (tenant: string) =>
      (await usagePage(gateway, tenant, { first: 1_000 })).edges.map((edge) => edge.node.invocationId);
    expect(await idsIn('usage_fields')).not.toContain('usage-other-1');
    expect(await idsIn('usage_other')).not.toContain('usage-rest-1');
    const lookup = await query<{ usageMetric: UsageNode | null }>(gateway, `{ usageMetric(id: "${mine.id}") { id } }`, {
      token: other,
    });
    expect(lookup.data?.usageMetric ?? null).toBeNull();
    expect(theirs.user).toBe('other-admin');
  });

  it('needs ADMIN: a viewer gets FORBIDDEN, and may still list the AlmanacRequest metrics', async () => {
    const viewer = (await createToken(gateway, { role: 'VIEWER', tenant: 'usage_fields', name: 'usage-viewer' }))
      .secret;
    for (const source of [
      '{ usageMetrics { edges { cursor } } }',
      '{ usageMetric(id: "1-0") { id } }',
      // Usage timeseries filter by user too: they tell who did what as records do.
      '{ virtualTimeseries(metric: "AlmanacRequest/ReadRequests", calendar: "#PT1H", observed: SUMMED, range: "T/D", filter: [{ name: "user", value: "someone" }]) { seriesCount } }',
    ]) {
      const result = await query(gateway, source, { token: viewer });
      expect(result.errors?.[0]?.extensions.code, source).toBe('FORBIDDEN');
    }
    const listed = await query<{ listMetrics: { provider: string; name: string; metric: string }[] }>(
      gateway,
      '{ listMetrics(provider: "almanacrequest") { provider name metric description } }',
      { token: viewer },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.listMetrics.map((metric) => metric.metric)).toEqual([
      'AlmanacRequest/ReadRequests',
      'AlmanacRequest/ReadRequestDuration',
      'AlmanacRequest/ReadRequestResponseSize',
      'AlmanacRequest/WriteRequests',
      'AlmanacRequest/DeleteRequests',
    ]);
  });

  it('records served anonymous requests in the default tenant, and not requests refused before their tenant', async () => {
    const anonymous = await fetch(new URL('graphql', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'usage-anon-1' },
      body: JSON.stringify({ query: '{ serverInfo { version } }' }),
    });
    expect(anonymous.status).toBe(200);
    const refused = await graphqlRequest('{ serverInfo { version } }', {
      token: 'alm_not-a-token',
      headers: { 'x-request-id': 'usage-refused-1' },
    });
    expect(refused.status).toBe(401);
    const badTenant = await graphqlRequest('{ serverInfo { version } }', {
      token: admin,
      tenant: 'Not A Tenant!',
      headers: { 'x-request-id': 'usage-refused-2' },
    });
    expect(badTenant.status).toBe(400);
    for (const path of ['healthz', 'readyz', 'graphiql']) {
      await fetch(new URL(path, gateway.url), { headers: { 'x-request-id': `usage-open-${path}` } });
    }
    await fetch(new URL('graphql', gateway.url), { method: 'OPTIONS', headers: { 'x-request-id': 'usage-options' } });

    const record = await waitForRecord(gateway, 'default', 'usage-anon-1');
    expect(record).toMatchObject({ user: 'anonymous', application: 'api', service: 'serverInfo', environment: null });
    await sleep(4 * FLUSH_MS); // a wrongly recorded request would have landed by now
    const recorded = [
      ...(await usagePage(gateway, 'default', { first: 1_000 })).edges,
      ...(await usagePage(gateway, 'usage_fields', { first: 1_000 })).edges,
    ].map((edge) => edge.node.invocationId);
    for (const id of ['usage-refused-1', 'usage-refused-2', 'usage-options', 'usage-open-healthz']) {
      expect(recorded).not.toContain(id);
    }
    expect(recorded.filter((id) => id.startsWith('usage-open-'))).toEqual([]);
  });
});

describe('AlmanacRequest metrics', () => {
  const tenant = 'usage_counts';
  const READS = 7;
  let token: string;
  beforeAll(async () => {
    token = (await createToken(gateway, { role: 'ADMIN', tenant, name: 'counter' })).secret;
  });

  interface Points {
    start: string;
    end: string;
    points: { label: string; start: string; end: string; value: number | null; count: number }[];
  }

  async function hourly(metric: string, observed = 'SUMMED'): Promise<Points> {
    const result = await query<{ virtualTimeseries: Points }>(
      gateway,
      `{ virtualTimeseries(metric: "AlmanacRequest/${metric}", calendar: "#PT1H", observed: ${observed},
           range: "T/D", filter: [{ name: "application", value: "dashboard" }]) {
           start end points { label start end value count } } }`,
      asOperator(tenant),
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    if (!result.data) throw new Error('virtualTimeseries returned no data');
    return result.data.virtualTimeseries;
  }

  const total = (series: Points): number => series.points.reduce((sum, point) => sum + (point.value ?? 0), 0);

  it('counts each read request of an application once, in the hour it was made', async () => {
    const hourAtStart = hourOf(Date.now());
    const dashboard = { 'apollographql-client-name': 'dashboard' };
    for (let n = 0; n < READS; n++) {
      const response = await graphqlRequest('{ serverInfo { version } }', { token, headers: dashboard });
      expect(response.status).toBe(200);
    }
    // Two writes (a mutation and a POST) and a delete, from the same application.
    await graphqlRequest('mutation { createEnvironment(name: "counted") { id } }', { token, headers: dashboard });
    expect((await postMeasurements(token, dashboard)).status).toBe(202);
    await graphqlRequest('mutation { deleteEnvironment(id: "nope") }', { token, headers: dashboard });

    // The checks below are the operator's, with application `api`: they count in no dashboard series.
    await expect
      .poll(async () => total(await hourly('ReadRequests')), { timeout: 5_000, interval: FLUSH_MS })
      .toBe(READS);
    await expect.poll(async () => total(await hourly('WriteRequests')), { timeout: 5_000, interval: FLUSH_MS }).toBe(2);
    await expect
      .poll(async () => total(await hourly('DeleteRequests')), { timeout: 5_000, interval: FLUSH_MS })
      .toBe(1);
    await sleep(4 * FLUSH_MS);
    const reads = await hourly('ReadRequests');
    expect(total(reads)).toBe(READS);

    // Each hour's bucket holds exactly the reads whose records fall in it.
    const records = await waitForRecords(gateway, tenant, { application: 'dashboard', action: 'read' }, READS);
    expect(records).toHaveLength(READS);
    const expected: Record<string, number> = {};
    for (const record of records) {
      const hour = hourOf(Date.parse(record.timestamp));
      expected[hour] = (expected[hour] ?? 0) + 1;
    }
    const counted = Object.fromEntries(
      reads.points
        .filter((point) => point.value !== null)
        .map((point) => [new Date(point.start).toISOString(), point.value]),
    );
    expect(counted).toEqual(expected);
    // All in the current hour's bucket, unless an hour began while the test ran.
    if (hourOf(Date.now()) === hourAtStart) expect(counted).toEqual({ [hourAtStart]: READS });

    // Durations and sizes are the records' own, summed.
    const sizes = await hourly('ReadRequestResponseSize');
    expect(total(sizes)).toBe(records.reduce((sum, record) => sum + record.responseSize, 0));
    const durations = await hourly('ReadRequestDuration');
    expect(total(durations)).toBeCloseTo(
      records.reduce((sum, record) => sum + record.duration, 0),
      6,
    );
  });

  it('filters on other usage tags, and refuses fields that are not tags', async () => {
    const result = await query<{ virtualTimeseries: Points }>(
      gateway,
      `{ virtualTimeseries(metric: "AlmanacRequest/ReadRequests", calendar: "#P1D", observed: SUMMED, range: "T/D",
           filter: [{ name: "application", value: "nobody" }]) { points { value } } }`,
      asOperator(tenant),
    );
    expect(result.data?.virtualTimeseries.points.every((point) => point.value === null)).toBe(true);
    const refused = await query(
      gateway,
      `{ virtualTimeseries(metric: "AlmanacRequest/ReadRequests", calendar: "#P1D", observed: SUMMED, range: "T/D",
           filter: [{ name: "invocationId", value: "x" }]) { points { value } } }`,
      asOperator(tenant),
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('applications past maxApplications', () => {
  const tenant = 'usage_apps';

  async function readsOf(application: string): Promise<number | null> {
    const result = await query<{ virtualTimeseries: { points: { value: number | null }[] } }>(
      gateway,
      `query ($application: String!) { virtualTimeseries(metric: "AlmanacRequest/ReadRequests", calendar: "#P1D",
         observed: SUMMED, range: "T/D", filter: [{ name: "application", value: $application }]) { points { value } } }`,
      { ...asOperator(tenant), variables: { application } },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const values = (result.data?.virtualTimeseries.points ?? []).flatMap((point) =>
      point.value === null ? [] : [point.value],
    );
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
  }

  it('count as application other in the series, and keep their name in the records', async () => {
    // The operator's createApiToken (application `api`) is the tenant's first request: with it,
    // `one` (also spelt `ONE`: tags are lower-cased) and `two` fill the three places, and
    // `three` comes after.
    const token = (await createToken(gateway, { role: 'ADMIN', tenant, name: 'apps' })).secret;
    for (const application of ['one', 'ONE', 'two', 'three']) {
      const response = await graphqlRequest('{ serverInfo { version } }', {
        token,
        headers: { 'apollographql-client-name': application },
      });
      expect(response.status).toBe(200);
    }
    await expect.poll(() => readsOf('other'), { timeout: 5_000, interval: FLUSH_MS }).toBe(1);
    expect(await readsOf('one')).toBe(2);
    expect(await readsOf('two')).toBe(1);
    expect(await readsOf('three')).toBeNull();
    const [record] = await waitForRecords(gateway, tenant, { application: 'three' }, 1);
    expect(record?.application).toBe('three');
  });
});

describe('/metrics', () => {
  it('shows almanac_usage_records_dropped_total by reason', async () => {
    const authorization = `Basic ${Buffer.from(`admin:${gateway.metricsToken}`).toString('base64')}`;
    const text = await (await fetch(new URL('metrics', gateway.url), { headers: { authorization } })).text();
    expect(text).toMatch(/^# TYPE almanac_usage_records_dropped_total counter$/m);
    expect(text).toMatch(/^almanac_usage_records_dropped_total\{reason="buffer_full"\} 0$/m);
    expect(text).toMatch(/^almanac_usage_records_dropped_total\{reason="write_failed"\} 0$/m);
  });

  it('is not served when usage is off, and nothing is recorded', async () => {
    const off = await startTestGateway(harnessBackends(), { config: { usage: { enabled: false } } });
    try {
      const authorization = `Basic ${Buffer.from(`admin:${off.metricsToken}`).toString('base64')}`;
      const text = await (await fetch(new URL('metrics', off.url), { headers: { authorization } })).text();
      expect(text).not.toMatch(/almanac_usage_records_dropped_total/);
      await off.graphql('{ serverInfo { version } }', { headers: { 'x-request-id': 'usage-off-1' } });
      await sleep(4 * FLUSH_MS);
      const result = await query(off, USAGE_METRICS, { variables: { first: 1_000 } });
      expect(result.data?.usageMetrics.edges).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

describe('closing', () => {
  it('writes the records still buffered before Redis closes', async () => {
    // A flush interval no test waits out: only close can write these.
    const slow = await startTestGateway(harnessBackends(), { config: { usage: { flushIntervalMs: 60_000 } } });
    const reopened = await startTestGateway(harnessBackends(), { keyPrefix: slow.keyPrefix });
    try {
      await slow.graphql('{ serverInfo { version } }', { headers: { 'x-request-id': 'usage-at-close' } });
      await slow.close();
      const result = await query(reopened, USAGE_METRICS, {
        variables: { filter: { invocationId: 'usage-at-close' } },
      });
      expect(result.data?.usageMetrics.edges.map((edge) => edge.node.service)).toEqual(['serverInfo']);
    } finally {
      await reopened.close();
    }
  });
});
