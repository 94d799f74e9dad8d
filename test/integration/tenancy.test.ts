/**
 * Several teams on one Almanac: a token sees only its own tenant's records, naming another
 * tenant is 403, and a malformed tenant header is 400. One test per kind of object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';

let gateway: TestGateway;
let acmeAdmin: string;
let globexAdmin: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  acmeAdmin = (await createToken(gateway, { role: 'ADMIN', tenant: 'acme', name: 'acme admin' })).secret;
  globexAdmin = (await createToken(gateway, { role: 'ADMIN', tenant: 'globex', name: 'globex admin' })).secret;
});
afterAll(() => gateway.close());

describe('tenant isolation', () => {
  it("tokens: each tenant's admin lists only its own, and cannot read or change another's by id", async () => {
    const globexToken = await createToken(gateway, { role: 'VIEWER', tenant: 'globex', name: 'globex viewer' });
    const acmeList = await query<{ apiTokens: { name: string }[] }>(gateway, '{ apiTokens { name } }', {
      token: acmeAdmin,
    });
    expect(acmeList.data?.apiTokens.map((token) => token.name)).toEqual(['acme admin']);
    const byId = await query(gateway, 'query ($id: ID!) { apiToken(id: $id) { id } }', {
      token: acmeAdmin,
      variables: { id: globexToken.id },
    });
    expect(byId.data).toEqual({ apiToken: null });
    const update = await query(
      gateway,
      'mutation ($id: ID!) { updateApiToken(id: $id, input: { active: false }) { id } }',
      { token: acmeAdmin, variables: { id: globexToken.id } },
    );
    expect(update.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const remove = await query(gateway, 'mutation ($id: ID!) { deleteApiToken(id: $id) }', {
      token: acmeAdmin,
      variables: { id: globexToken.id },
    });
    expect(remove.data).toEqual({ deleteApiToken: false });
    expect((await query(gateway, '{ viewer { name } }', { token: globexToken.secret })).status).toBe(200);
  });

  it('environments: each tenant sees only its own, and the same name may exist in both', async () => {
    const created = await query<{ createEnvironment: { id: string } }>(
      gateway,
      'mutation { createEnvironment(name: "production") { id } }',
      { token: acmeAdmin },
    );
    expect(
      (await query(gateway, 'mutation { createEnvironment(name: "production") { id } }', { token: globexAdmin }))
        .errors,
    ).toBeUndefined();
    const globexView = await query(gateway, 'query ($id: ID!) { environment(id: $id) { name } }', {
      token: globexAdmin,
      variables: { id: created.data?.createEnvironment.id },
    });
    expect(globexView.data).toEqual({ environment: null });
    const globexDelete = await query(gateway, 'mutation ($id: ID!) { deleteEnvironment(id: $id) }', {
      token: globexAdmin,
      variables: { id: created.data?.createEnvironment.id },
    });
    expect(globexDelete.data).toEqual({ deleteEnvironment: false });
    expect((await query(gateway, '{ environments { name } }', { token: acmeAdmin })).data).toEqual({
      environments: [{ name: 'production' }],
    });
  });

  it('measurements and series: each tenant reads only what it wrote, even under the same metric name', async () => {
    const time = Math.floor(Date.now() / 1000) - 120;
    const write = (token: string, value: number): Promise<Response> =>
      fetch(new URL('v1/measurements', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ measurements: [{ name: 'shared.name', value, time, tags: { host: 'h' } }] }),
      });
    expect((await write(acmeAdmin, 1)).status).toBe(202);
    const read = (token: string) =>
      query<{ series: { series: { nodes: { points: { value: number }[] }[] } } }>(
        gateway,
        '{ series(query: { metric: "shared.name", duration: 3600, resolution: 60 }) { series { nodes { points { value } } } } }',
        { token },
      );
    expect((await read(globexAdmin)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await write(globexAdmin, 2)).status).toBe(202);
    expect(
      (await read(acmeAdmin)).data?.series.series.nodes.map((node) => node.points.map((point) => point.value)),
    ).toEqual([[1]]);
    expect(
      (await read(globexAdmin)).data?.series.series.nodes.map((node) => node.points.map((point) => point.value)),
    ).toEqual([[2]]);
  });

  it('a token naming another tenant in Fiware-Service is refused with 403', async () => {
    const response = await query(gateway, '{ apiTokens { name } }', {
      token: acmeAdmin,
      headers: { 'fiware-service': 'globex' },
    });
    expect(response.status).toBe(403);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', header: 'Fiware-Service' } });
  });

  it('a token may name its own tenant and a subservice inside it', async () => {
    const response = await query(gateway, '{ viewer { tenant subservice } }', {
      token: acmeAdmin,
      headers: { 'fiware-service': 'ACME', 'fiware-servicepath': '/gardens/north' },
    });
    expect(response.data).toEqual({ viewer: { tenant: 'acme', subservice: '/gardens/north' } });
  });

  it.each([
    { header: 'fiware-service', value: 'not a service!' },
    { header: 'fiware-servicepath', value: 'gardens' },
  ])('a malformed $header is 400 naming the header', async ({ header, value }) => {
    const response = await query(gateway, '{ viewer { tenant } }', { token: acmeAdmin, headers: { [header]: value } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(response.errors?.[0]?.message).toMatch(/Fiware-Service(Path)? ".*" is not a valid/);
  });
});

describe('secure default', () => {
  it('on loopback, a request without credentials may use PUBLIC fields but nothing else', async () => {
    const open = await query(gateway, '{ serverInfo { version } viewer { name } }', { token: null });
    expect(open.status).toBe(200);
    expect(open.data).toMatchObject({ serverInfo: { version: expect.any(String) }, viewer: null });
    const closed = await query(gateway, '{ backends { id } }', { token: null });
    expect(closed.errors?.[0]).toMatchObject({
      path: ['backends'],
      extensions: { code: 'UNAUTHENTICATED', requires: 'VIEWER' },
    });
  });

  it('listening on a non-loopback address, anonymous requests get 401 except /healthz, /readyz and /graphiql', async () => {
    const exposed = await startTestGateway(undefined, { config: { server: { host: '0.0.0.0' } } });
    try {
      const port = new URL(exposed.url).port;
      const at = (path: string): string => `http://127.0.0.1:${port}/${path}`;
      const anonymous = await fetch(at('graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ serverInfo { version } }"}',
      });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await fetch(at('healthz'))).status).toBe(200);
      expect((await fetch(at('readyz'))).status).toBe(200);
      expect((await fetch(at('graphiql'))).status).toBe(200);
      const withToken = await fetch(at('graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: '{"query":"{ serverInfo { version } }"}',
      });
      expect(withToken.status).toBe(200);
    } finally {
      await exposed.close();
    }
  });
});
