import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_CACHE_MS } from '../../src/services/tokenService.js';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

const basic = (user: string, password = ''): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const VIEWER_QUERY = '{ viewer { kind name role tenant subservice } }';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('API tokens', () => {
  it('a new token has a 256-bit secret shown once; listings show only its prefix', async () => {
    const { id, secret } = await createToken(gateway, { role: 'RECORDER', name: 'collector east', tenant: 'acme' });
    expect(secret).toMatch(/^alm_[A-Za-z0-9_-]{43}$/); // 32 random bytes in base64url
    const listed = await query<{ apiTokens: Record<string, unknown>[] }>(
      gateway,
      '{ apiTokens { id name role active secretPrefix createdAt updatedAt } }',
      {
        headers: { 'fiware-service': 'acme' },
      },
    );
    expect(listed.data?.apiTokens).toEqual([
      {
        id,
        name: 'collector east',
        role: 'RECORDER',
        active: true,
        secretPrefix: secret.slice(0, 10),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('authenticates as HTTP Basic (token as user, empty password) and as Bearer', async () => {
    const { secret } = await createToken(gateway, { role: 'VIEWER', name: 'dashboards', tenant: 'acme' });
    const asBasic = await query(gateway, VIEWER_QUERY, { token: null, headers: { authorization: basic(secret) } });
    const asBearer = await query(gateway, VIEWER_QUERY, { token: secret });
    const expected = { viewer: { kind: 'TOKEN', name: 'dashboards', role: 'VIEWER', tenant: 'acme', subservice: '/' } };
    expect(asBasic.data).toEqual(expected);
    expect(asBearer.data).toEqual(expected);
  });

  it('lists by name with wildcards, as ?name=*token* in the reference', async () => {
    for (const name of ['Token for collectors', 'Token that has been disabled', 'grafana'])
      await createToken(gateway, { role: 'VIEWER', name, tenant: 'wild' });
    const found = await query<{ apiTokens: { name: string }[] }>(gateway, '{ apiTokens(name: "*token*") { name } }', {
      headers: { 'fiware-service': 'wild' },
    });
    expect(found.data?.apiTokens.map((token) => token.name)).toEqual([
      'Token for collectors',
      'Token that has been disabled',
    ]);
  });

  it('a deactivated token gets 401 within a second or two, and works again when reactivated', async () => {
    const { id, secret } = await createToken(gateway, { role: 'VIEWER', tenant: 'acme' });
    expect((await query(gateway, VIEWER_QUERY, { token: secret })).status).toBe(200);
    await query(gateway, 'mutation ($id: ID!) { updateApiToken(id: $id, input: { active: false }) { active } }', {
      variables: { id },
      headers: { 'fiware-service': 'acme' },
    });
    await sleep(AUTH_CACHE_MS + 100);
    const refused = await query(gateway, VIEWER_QUERY, { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await query(gateway, 'mutation ($id: ID!) { updateApiToken(id: $id, input: { active: true }) { active } }', {
      variables: { id },
      headers: { 'fiware-service': 'acme' },
    });
    await sleep(AUTH_CACHE_MS + 100);
    expect((await query(gateway, VIEWER_QUERY, { token: secret })).status).toBe(200);
  });

  it('a deleted token gets 401 on another replica sharing the store within a second or two', async () => {
    const replica = await startTestGateway(undefined, { keyPrefix: gateway.keyPrefix });
    try {
      const { id, secret } = await createToken(gateway, { role: 'VIEWER', tenant: 'acme' });
      expect((await query(replica, VIEWER_QUERY, { token: secret })).status).toBe(200);
      const deleted = await query(gateway, 'mutation ($id: ID!) { deleteApiToken(id: $id) }', {
        variables: { id },
        headers: { 'fiware-service': 'acme' },
      });
      expect(deleted.data).toEqual({ deleteApiToken: true });
      await sleep(AUTH_CACHE_MS + 100);
      expect((await query(replica, VIEWER_QUERY, { token: secret })).status).toBe(401);
    } finally {
      await replica.close();
    }
  });

  it('updating a token that does not exist is NOT_FOUND; deleting it returns false', async () => {
    const missing = await query(gateway, 'mutation { updateApiToken(id: "nope", input: { name: "x" }) { id } }');
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await query(gateway, 'mutation { deleteApiToken(id: "nope") }')).data).toEqual({ deleteApiToken: false });
  });

  it('an unknown secret is 401 with a Bearer challenge (never Basic, which browsers would replay cross-site)', async () => {
    const response = await gateway.graphql(VIEWER_QUERY, { token: 'alm_not-a-real-token' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="almanac"');
    expect(await response.json()).toMatchObject({
      errors: [{ message: 'invalid, inactive or deleted API token', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});

describe('environments', () => {
  it("a token in an environment carries the environment's name", async () => {
    const created = await query<{ createEnvironment: { id: string; name: string } }>(
      gateway,
      'mutation { createEnvironment(name: "Production") { id name } }',
      {
        headers: { 'fiware-service': 'envs' },
      },
    );
    expect(created.data?.createEnvironment.name).toBe('Production');
    const { secret } = await createToken(gateway, { role: 'RECORDER', tenant: 'envs', environment: 'Production' });
    expect((await query(gateway, '{ viewer { environment } }', { token: secret })).data).toEqual({
      viewer: { environment: 'Production' },
    });
    const tokens = await query(gateway, '{ apiTokens { environment { name } } }', {
      headers: { 'fiware-service': 'envs' },
    });
    expect(tokens.data).toEqual({ apiTokens: [{ environment: { name: 'Production' } }] });
  });

  it('names are unique per tenant (case-insensitive), renames keep that, and deletion waits for its tokens', async () => {
    const headers = { 'fiware-service': 'envs2' };
    const first = await query<{ createEnvironment: { id: string } }>(
      gateway,
      'mutation { createEnvironment(name: "staging") { id } }',
      { headers },
    );
    const id = first.data?.createEnvironment.id;
    expect(
      (await query(gateway, 'mutation { createEnvironment(name: "STAGING") { id } }', { headers })).errors?.[0]
        ?.extensions.code,
    ).toBe('CONFLICT');
    await query(gateway, 'mutation { createEnvironment(name: "qa") { id } }', { headers });
    const clash = await query(gateway, 'mutation ($id: ID!) { updateEnvironment(id: $id, name: "qa") { id } }', {
      headers,
      variables: { id },
    });
    expect(clash.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const renamed = await query(
      gateway,
      'mutation ($id: ID!) { updateEnvironment(id: $id, name: "pre-prod") { name } }',
      { headers, variables: { id } },
    );
    expect(renamed.data).toEqual({ updateEnvironment: { name: 'pre-prod' } });
    const token = await createToken(gateway, { role: 'VIEWER', tenant: 'envs2', environment: 'pre-prod' });
    const blocked = await query(gateway, 'mutation ($id: ID!) { deleteEnvironment(id: $id) }', {
      headers,
      variables: { id },
    });
    expect(blocked.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', tokens: 1 } });
    await query(gateway, 'mutation ($id: ID!) { deleteApiToken(id: $id) }', { headers, variables: { id: token.id } });
    expect(
      (await query(gateway, 'mutation ($id: ID!) { deleteEnvironment(id: $id) }', { headers, variables: { id } })).data,
    ).toEqual({ deleteEnvironment: true });
    const names = await query(gateway, '{ environments { name } }', { headers });
    expect(names.data).toEqual({ environments: [{ name: 'qa' }] });
  });

  it('a token cannot join an environment that does not exist', async () => {
    const response = await query(
      gateway,
      'mutation { createApiToken(input: { name: "x", role: VIEWER, environment: "nowhere" }) { secret } }',
    );
    expect(response.errors?.[0]).toMatchObject({
      message: 'no environment named "nowhere" in this tenant; create it first',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
