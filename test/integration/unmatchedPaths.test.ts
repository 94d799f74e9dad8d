/**
 * Requests that match no route, against a gateway listening on a non-loopback address (so
 * anonymous API requests are refused). A stray path under a route family's prefix (`/graphql`,
 * `/v1/`, `/admin/`, `/graphiql/`) goes through that family's hooks as its routes do: the API
 * asks for credentials, limits, and records usage; GraphiQL only limits. A path outside every
 * family is Fastify's plain 404: no credentials asked, no budget drawn, nothing counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessBackends, startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import { readTreeWhen } from '../harness/operationalMetrics.js';
import { asOperator, usagePage, waitForRecord } from '../harness/usage.js';

let gateway: TestGateway;
let at: (path: string) => string;
beforeAll(async () => {
  gateway = await startTestGateway(harnessBackends(), {
    config: { server: { host: '0.0.0.0' }, usage: { flushIntervalMs: 50 } },
  });
  const port = new URL(gateway.url).port;
  at = (path) => `http://127.0.0.1:${port}${path}`;
});
afterAll(() => gateway.close());

/** Fastify's own 404 body. */
const notFound = (method: string, path: string) => ({
  message: `Route ${method}:${path} not found`,
  error: 'Not Found',
  statusCode: 404,
});

function call(method: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(at(path), { method, headers });
}

const OUTSIDE_EVERY_FAMILY = [
  ['GET', '/nothing-here'],
  ['GET', '/'],
  ['POST', '/graphqlx'],
  ['DELETE', '/healthz'],
  ['GET', '/readyz/extra'],
  ['POST', '/metrics'],
];

describe('a path outside every route family', () => {
  it.each(OUTSIDE_EVERY_FAMILY)('%s %s is a plain 404, with or without credentials', async (method, path) => {
    const credentials: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    ];
    for (const headers of credentials) {
      const response = await call(method, path, headers);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(notFound(method, path));
      expect(response.headers.get('x-request-id')).not.toBeNull();
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(response.headers.get('ratelimit-limit')).toBeNull();
    }
  });

  it('is neither usage nor an operational transaction, even with valid credentials in a tenant', async () => {
    const tenant = 'stray';
    // Counted apart from the usage reads below, which are transactions of the tenant's "/".
    const inSubservice = { ...asOperator(tenant).headers, 'fiware-servicepath': '/paths' };
    const stray = await call('GET', '/nothing-here', { ...inSubservice, 'x-request-id': 'stray-root' });
    expect(stray.status).toBe(404);
    // A stray request under /graphql is both; once it has landed, the one before would have too.
    const marker = await call('PUT', '/graphql', {
      ...inSubservice,
      authorization: `Bearer ${TEST_ADMIN_KEY}`,
      'x-request-id': 'stray-marker',
    });
    expect(marker.status).toBe(404);
    await waitForRecord(gateway, tenant, 'stray-marker');
    expect((await usagePage(gateway, tenant, { filter: { invocationId: 'stray-root' } })).edges).toEqual([]);
    const paths = (await readTreeWhen(gateway, (t) => t.services[tenant]?.subservs.paths !== undefined)).services[
      tenant
    ]?.subservs.paths;
    expect(paths).toMatchObject({ incomingTransactions: 1, incomingTransactionErrors: 1 });
  });
});

const UNDER_THE_API = [
  ['PUT', '/graphql'],
  ['GET', '/graphql/extra'],
  ['GET', '/v1/nothing-here'],
  ['DELETE', '/v1/measurements'],
  ['PATCH', '/admin/metrics'],
  ['GET', '/admin/'],
];

describe("a stray request under the API's prefixes", () => {
  it.each(UNDER_THE_API)('%s %s needs credentials like the API (401 without)', async (method, path) => {
    const response = await call(method, path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="almanac"');
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it.each(UNDER_THE_API)(
    '%s %s is 404 with credentials (a method no route takes too, not 405), and rate limited',
    async (method, path) => {
      const response = await call(method, path, { authorization: `Bearer ${TEST_ADMIN_KEY}` });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(notFound(method, path));
      expect(response.headers.get('ratelimit-limit')).not.toBeNull();
    },
  );

  it('is recorded as usage of service unknown, read or changed as its kind says', async () => {
    const tenant = 'stray_api';
    const send = (method: string, path: string, id: string) =>
      call(method, path, {
        ...asOperator(tenant).headers,
        authorization: `Bearer ${TEST_ADMIN_KEY}`,
        'x-request-id': id,
      });
    expect((await send('PUT', '/graphql', 'stray-put-graphql')).status).toBe(404);
    expect((await send('DELETE', '/v1/measurements', 'stray-delete-v1')).status).toBe(404);
    // A GraphQL request no operation was resolved for changed nothing: a read, whatever its method.
    expect(await waitForRecord(gateway, tenant, 'stray-put-graphql')).toMatchObject({
      action: 'read',
      method: 'put',
      service: 'unknown',
      detail: 'PUT /graphql',
      httpstatus: 404,
    });
    expect(await waitForRecord(gateway, tenant, 'stray-delete-v1')).toMatchObject({
      action: 'delete',
      method: 'delete',
      service: 'unknown',
      detail: 'DELETE /v1/measurements',
      httpstatus: 404,
    });
  });
});

describe("a stray request under GraphiQL's prefix", () => {
  it.each([
    ['GET', '/graphiql/nothing-here'],
    ['GET', '/graphiql/'],
    ['POST', '/graphiql'],
  ])('%s %s is 404 without credentials, rate limited as the page is', async (method, path) => {
    const response = await call(method, path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(notFound(method, path));
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('ratelimit-limit')).not.toBeNull();
  });
});
