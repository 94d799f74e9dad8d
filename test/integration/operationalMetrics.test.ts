import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlmanac } from '../../src/startAlmanac.js';
import { configSchema } from '../../src/config/schema.js';
import {
  DEAD_PROMETHEUS_URL,
  harnessBackends,
  startTestGateway,
  TEST_ADMIN_KEY,
  type TestGateway,
} from '../harness/gateway.js';
import {
  adminMetrics,
  readTree,
  readTreeWhen,
  scopedGraphql,
  serviceCount,
  type MetricsTree,
} from '../harness/operationalMetrics.js';
import { createToken, query } from '../harness/tokens.js';

// A dead Prometheus next to the live one: every health probe makes one good and one failed call.
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway([
    ...harnessBackends(),
    { id: 'prom-dead', kind: 'prometheus', url: DEAD_PROMETHEUS_URL, timeoutMs: 1_000 },
  ]);
});
afterAll(() => gateway.close());

const METRICS = [
  'incomingTransactions',
  'incomingTransactionRequestSize',
  'incomingTransactionResponseSize',
  'incomingTransactionErrors',
  'serviceTime',
  'outgoingTransactions',
  'outgoingTransactionRequestSize',
  'outgoingTransactionResponseSize',
  'outgoingTransactionErrors',
  'measurementsAccepted',
  'measurementsFailed',
  'alertsFired',
  'okNotifications',
  'failedNotifications',
];
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a sum against its children key by key; serviceTime must be the transaction-weighted average. */
function expectSumOf(sum: Record<string, number>, children: Record<string, number>[]): void {
  for (const metric of METRICS.filter((name) => name !== 'serviceTime')) {
    const total = children.reduce((acc, child) => acc + (child[metric] ?? 0), 0);
    expect(sum[metric] ?? 0, metric).toBe(total);
  }
  const timed = children.filter((child) => child.serviceTime !== undefined);
  const weighted = timed.reduce((acc, child) => acc + (child.serviceTime ?? 0) * (child.incomingTransactions ?? 0), 0);
  const count = timed.reduce((acc, child) => acc + (child.incomingTransactions ?? 0), 0);
  if (count > 0) expect(sum.serviceTime).toBeCloseTo(weighted / count, 6);
}

describe('GET /admin/metrics', () => {
  it('is {"services":{},"sum":{}} before anything was counted', async () => {
    const fresh = await startTestGateway();
    try {
      const response = await adminMetrics(fresh, 'GET');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.text()).toBe('{"services":{},"sum":{}}');
    } finally {
      await fresh.close();
    }
  });

  it('counts each request under its service and subservice, with the reference shape and sums', async () => {
    for (let i = 0; i < 3; i++) await scopedGraphql(gateway, 'acme', '/gardens');
    for (let i = 0; i < 2; i++) await scopedGraphql(gateway, 'acme', '/');
    await scopedGraphql(gateway, 'beta', '/gardens/north');
    const tree = await readTreeWhen(gateway, (t) => serviceCount(t, 'acme') + serviceCount(t, 'beta') >= 6);

    expect(Object.keys(tree).sort()).toEqual(['services', 'sum']);
    expect(Object.keys(tree.services.acme ?? {}).sort()).toEqual(['subservs', 'sum']);
    expect(Object.keys(tree.services.acme?.subservs ?? {}).sort()).toEqual(['gardens', 'root-subserv']);
    expect(Object.keys(tree.services.beta?.subservs ?? {})).toEqual(['gardens/north']);
    expect(tree.services.acme?.subservs.gardens?.incomingTransactions).toBe(3);
    expect(tree.services.acme?.subservs['root-subserv']?.incomingTransactions).toBe(2);
    expect(tree.services.acme?.sum.incomingTransactions).toBe(5);
    expect(tree.services.beta?.subservs['gardens/north']?.incomingTransactions).toBe(1);
    for (const [name, service] of Object.entries(tree.services)) {
      for (const values of [...Object.values(service.subservs), service.sum]) {
        for (const key of Object.keys(values)) expect(METRICS, `${name}: ${key}`).toContain(key);
      }
      expectSumOf(service.sum, Object.values(service.subservs));
    }
    expectSumOf(
      tree.sum,
      Object.values(tree.services).map((service) => service.sum),
    );
  });

  it('adds up request and response body sizes, and serviceTime is the average ms per request', async () => {
    const queries = ['{ serverInfo { version } }', '{ serverInfo { version startedAt uptimeSeconds } }'];
    let requestBytes = 0;
    let responseBytes = 0;
    let clientMs = 0;
    let serverMs = 0;
    for (const source of queries) {
      const started = performance.now();
      const response = await scopedGraphql(gateway, 'sizes', '/', source);
      const body = (await response.json()) as { extensions: { executionTime: number } };
      clientMs += performance.now() - started;
      serverMs += body.extensions.executionTime;
      requestBytes += Buffer.byteLength(JSON.stringify({ query: source }));
      responseBytes += Number(response.headers.get('content-length'));
    }
    const tree = await readTreeWhen(gateway, (t) => serviceCount(t, 'sizes') >= 2);
    const sizes = tree.services.sizes?.subservs['root-subserv'];
    expect(sizes?.incomingTransactions).toBe(2);
    expect(sizes?.incomingTransactionRequestSize).toBe(requestBytes);
    expect(sizes?.incomingTransactionResponseSize).toBe(responseBytes);
    // Served time covers GraphQL's execution time and is within what the client waited.
    expect(sizes?.serviceTime).toBeGreaterThanOrEqual(serverMs / 2);
    expect(sizes?.serviceTime).toBeLessThanOrEqual(clientMs / 2);
    expect(sizes).not.toHaveProperty('incomingTransactionErrors');
  });

  it('counts 4xx responses and GraphQL responses with errors as errors, and ignores refused credentials', async () => {
    const admin = await createToken(gateway, { role: 'ADMIN', tenant: 'errs' });
    await readTreeWhen(gateway, (t) => serviceCount(t, 'errs') >= 1); // the createApiToken request itself
    await scopedGraphql(gateway, 'errs', '/'); // fine
    expect((await scopedGraphql(gateway, 'errs', '/', '{ nope }')).status).toBe(400);
    const forbidden = await query(gateway, '{ operationalMetrics(service: "acme") { sum { incomingTransactions } } }', {
      token: admin.secret,
    });
    expect(forbidden.status).toBe(200);
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await adminMetrics(gateway, 'GET', '?reset=maybe', { service: 'errs' })).status).toBe(400);
    expect(await scopedGraphql(gateway, 'errs', '/', '{ serverInfo { version } }').then((r) => r.status)).toBe(200);
    const refused = await query(gateway, '{ serverInfo { version } }', {
      token: 'alm_not-a-token',
      headers: { 'fiware-service': 'errs' },
    });
    expect(refused.status).toBe(401);

    const tree = await readTreeWhen(gateway, (t) => serviceCount(t, 'errs') >= 6);
    await sleep(200); // a wrongly counted refused request would land by now
    const errs = (await readTree(gateway)).services.errs?.sum;
    expect(tree.services.errs?.sum.incomingTransactions).toBe(6);
    expect(errs?.incomingTransactions).toBe(6);
    expect(errs?.incomingTransactionErrors).toBe(3);
  });

  it('a batch is one transaction: three failing operations in it count one error', async () => {
    const response = await fetch(new URL('graphql', gateway.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_ADMIN_KEY}`,
        'fiware-service': 'batched',
      },
      body: JSON.stringify([
        { query: '{ apiToken(id: "a") { name } }' },
        { query: 'mutation { updateApiToken(id: "x", input: {}) { id } }' },
        { query: 'mutation { updateApiToken(id: "y", input: {}) { id } }' },
      ]),
    });
    expect(response.status).toBe(200);
    const tree = await readTreeWhen(gateway, (t) => serviceCount(t, 'batched') >= 1);
    expect(tree.services.batched?.sum).toMatchObject({ incomingTransactions: 1, incomingTransactionErrors: 1 });
  });

  it("counts Almanac's calls to Prometheus as outgoing transactions of the request that made them", async () => {
    const response = await scopedGraphql(gateway, 'probe', '/gardens', '{ backends { id health { ok } } }');
    expect(response.status).toBe(200);
    const tree = await readTreeWhen(gateway, (t) => serviceCount(t, 'probe', 'outgoingTransactions') >= 2);
    const probe = tree.services.probe?.subservs.gardens;
    expect(probe?.outgoingTransactions).toBe(2); // one per Prometheus backend; the native one pings Redis
    expect(probe?.outgoingTransactionErrors).toBe(1); // the dead one
    expect(probe?.outgoingTransactionRequestSize).toBe(2 * Buffer.byteLength('/api/v1/query?query=1'));
    expect(probe?.outgoingTransactionResponseSize).toBeGreaterThan(0);
  });

  it('does not count the backend probes of /readyz, which has no service', async () => {
    const before = (await readTree(gateway)).sum.outgoingTransactions ?? 0;
    for (let i = 0; i < 3; i++) expect((await fetch(new URL('readyz', gateway.url))).status).toBe(503);
    await sleep(200);
    expect((await readTree(gateway)).sum.outgoingTransactions ?? 0).toBe(before);
  });
});

describe('resetting', () => {
  it('DELETE /admin/metrics answers 204 and forgets every service', async () => {
    await scopedGraphql(gateway, 'gone', '/');
    await readTreeWhen(gateway, (t) => serviceCount(t, 'gone') >= 1);
    const response = await adminMetrics(gateway, 'DELETE');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = await readTree(gateway);
    expect(Object.keys(after.services)).not.toContain('gone');
    expect(Object.keys(after.services)).not.toContain('acme');
  });

  it('GET /admin/metrics?reset=true returns the tree and resets it in the same step', async () => {
    await scopedGraphql(gateway, 'snap', '/a');
    await readTreeWhen(gateway, (t) => serviceCount(t, 'snap') >= 1);
    const taken = (await (await adminMetrics(gateway, 'GET', '?reset=true')).json()) as MetricsTree;
    expect(taken.services.snap?.subservs.a?.incomingTransactions).toBe(1);
    expect((await readTree(gateway)).services.snap).toBeUndefined();
  });

  it('a reset another site triggers (Sec-Fetch-Site cross-site) or a HEAD request resets nothing', async () => {
    await scopedGraphql(gateway, 'guarded', '/a');
    await readTreeWhen(gateway, (t) => serviceCount(t, 'guarded') >= 1);
    const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    const crossSite = await fetch(new URL('admin/metrics?reset=true', gateway.url), {
      headers: { ...headers, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const head = await fetch(new URL('admin/metrics?reset=true', gateway.url), { method: 'HEAD', headers });
    expect(head.status).toBe(404);
    expect((await readTree(gateway)).services.guarded?.subservs.a?.incomingTransactions).toBeGreaterThanOrEqual(1);
  });
});

describe('who may see and reset what', () => {
  it("a tenant's admin token sees and resets only its own service", async () => {
    const admin = await createToken(gateway, { role: 'ADMIN', tenant: 'mine' });
    await scopedGraphql(gateway, 'theirs', '/');
    await scopedGraphql(gateway, 'mine', '/x');
    await readTreeWhen(gateway, (t) => serviceCount(t, 'mine') >= 2 && serviceCount(t, 'theirs') >= 1);

    const own = await readTree(gateway, { token: admin.secret, service: 'mine' });
    expect(Object.keys(own.services)).toEqual(['mine']);
    expect(own.sum).toEqual(own.services.mine?.sum);
    expect((await adminMetrics(gateway, 'DELETE', '', { token: admin.secret, service: 'mine' })).status).toBe(204);
    const all = await readTree(gateway);
    expect(all.services.theirs?.sum.incomingTransactions).toBe(1);
    expect(all.services.mine?.subservs.x).toBeUndefined();
  });

  it('a viewer token gets 403 FORBIDDEN, and a request without credentials 401', async () => {
    const viewer = await createToken(gateway, { role: 'VIEWER', tenant: 'mine' });
    const refused = await adminMetrics(gateway, 'GET', '', { token: viewer.secret, service: 'mine' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await adminMetrics(gateway, 'DELETE', '', { token: viewer.secret, service: 'mine' })).status).toBe(403);
    expect((await adminMetrics(gateway, 'GET', '', { token: null, service: 'mine' })).status).toBe(401);
    const graphql = await query(gateway, '{ operationalMetrics { sum { incomingTransactions } } }', {
      token: viewer.secret,
    });
    expect(graphql.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('GraphQL', () => {
  const TREE = `query ($service: String) {
    operationalMetrics(service: $service) {
      services { name subservices { name counters { incomingTransactions incomingTransactionErrors serviceTime } } }
      sum { incomingTransactions outgoingTransactions serviceTime }
    }
  }`;
  type Counters = { incomingTransactions: number; incomingTransactionErrors?: number; serviceTime: number | null };
  type Tree = { services: { name: string; subservices: { name: string; counters: Counters }[] }[]; sum: Counters };

  it('operationalMetrics is the REST tree with typed fields, subservices named by their path', async () => {
    await scopedGraphql(gateway, 'typed', '/');
    await scopedGraphql(gateway, 'typed', '/b/c');
    const rest = await readTreeWhen(gateway, (t) => serviceCount(t, 'typed') >= 2);
    const result = await query<{ operationalMetrics: Tree }>(gateway, TREE, { variables: { service: 'typed' } });
    const counters = { incomingTransactions: 1, incomingTransactionErrors: 0, serviceTime: expect.any(Number) };
    expect(result.data?.operationalMetrics).toEqual({
      services: [
        {
          name: 'typed',
          subservices: [
            { name: '/', counters },
            { name: '/b/c', counters },
          ],
        },
      ],
      sum: { incomingTransactions: 2, outgoingTransactions: 0, serviceTime: rest.services.typed?.sum.serviceTime },
    });
  });

  it('a service with nothing recorded has zero counters and a null serviceTime', async () => {
    const result = await query<{ operationalMetrics: Tree }>(gateway, TREE, { variables: { service: 'nobody' } });
    expect(result.data?.operationalMetrics).toEqual({
      services: [],
      sum: { incomingTransactions: 0, outgoingTransactions: 0, serviceTime: null },
    });
  });

  it('resetOperationalMetrics returns the values it reset and leaves none of them behind', async () => {
    await scopedGraphql(gateway, 'wiped', '/');
    await readTreeWhen(gateway, (t) => serviceCount(t, 'wiped') >= 1);
    const reset = await query<{ resetOperationalMetrics: Tree }>(
      gateway,
      'mutation { resetOperationalMetrics(service: "wiped") { sum { incomingTransactions } } }',
    );
    expect(reset.data?.resetOperationalMetrics.sum.incomingTransactions).toBe(1);
    expect((await readTree(gateway)).services.wiped).toBeUndefined();
  });
});

describe('when the counters cannot be written', () => {
  it('the request is still served, and the failed write is logged with its request id', async () => {
    const lines: string[] = [];
    const config = configSchema.parse({
      server: { port: 0 },
      adminApiKey: TEST_ADMIN_KEY,
      limits: { rateLimit: { enabled: false } },
      backends: [{ id: 'native', kind: 'native', redis: { url: 'redis://127.0.0.1:9' }, commandTimeoutMs: 300 }],
    });
    const almanac = await startAlmanac({
      config: { ...config, adminApiKey: TEST_ADMIN_KEY },
      logger: pino({ level: 'error' }, { write: (line: string) => lines.push(line) }),
    });
    try {
      const response = await fetch(new URL('graphql', almanac.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          'x-request-id': 'counting-fails-1',
        },
        body: JSON.stringify({ query: '{ serverInfo { version } }' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      const deadline = Date.now() + 5_000;
      const logged = () =>
        lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((entry) => entry.msg === 'operational metrics: request not counted');
      while (!logged() && Date.now() < deadline) await sleep(50);
      expect(logged()).toMatchObject({ requestId: 'counting-fails-1', level: 50 });
    } finally {
      await almanac.close();
    }
  });
});
