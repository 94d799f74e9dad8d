/**
 * Bearer JWTs from an OIDC provider: the test is the provider, serving its JWKS on loopback
 * and signing tokens with jose. Role and tenant come from the configured claims.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { query } from '../harness/tokens.js';

const ISSUER = 'https://idp.example.test/';
let jwks: Server;
let gateway: TestGateway;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const address = jwks.address();
  const jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;
  gateway = await startTestGateway(undefined, {
    config: { auth: { oidc: { issuer: ISSUER, jwksUrl, audience: 'almanac' } } },
  });
});
afterAll(async () => {
  await gateway?.close();
  jwks?.close();
});

function sign(
  claims: Record<string, unknown>,
  { key = signingKey, issuer = ISSUER, audience = 'almanac', expiresIn = '5m' } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('alice@example.test')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

describe('bearer JWTs', () => {
  it('a valid JWT authenticates with the role and tenant of its claims', async () => {
    const jwt = await sign({ almanac_role: 'recorder', almanac_tenant: 'acme' });
    const response = await query(gateway, '{ viewer { kind name role tenant } }', { token: jwt });
    expect(response.data).toEqual({
      viewer: { kind: 'JWT', name: 'alice@example.test', role: 'RECORDER', tenant: 'acme' },
    });
  });

  it('the role claim is enforced like a token role', async () => {
    const jwt = await sign({ almanac_role: 'viewer', almanac_tenant: 'acme' });
    const response = await query(gateway, '{ apiTokens { id } }', { token: jwt });
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    {
      name: 'signed by another key',
      make: () => sign({ almanac_role: 'admin' }, { key: strangerKey }),
      reason: /signature verification failed/,
    },
    {
      name: 'from another issuer',
      make: () => sign({ almanac_role: 'admin' }, { issuer: 'https://evil.example.test/' }),
      reason: /"iss"/,
    },
    {
      name: 'for another audience',
      make: () => sign({ almanac_role: 'admin' }, { audience: 'someone-else' }),
      reason: /"aud"/,
    },
    { name: 'expired', make: () => sign({ almanac_role: 'admin' }, { expiresIn: '-10m' }), reason: /"exp"/ },
    { name: 'without a role claim', make: () => sign({}), reason: /"almanac_role" claim must be one of/ },
    {
      name: 'without a tenant claim',
      make: () => sign({ almanac_role: 'admin' }),
      reason: /no "almanac_tenant" claim naming its tenant/,
    },
    {
      name: 'with an unknown role',
      make: () => sign({ almanac_role: 'root' }),
      reason: /"almanac_role" claim must be one of/,
    },
  ])('a JWT $name is 401, saying why', async ({ make, reason }) => {
    const response = await query(gateway, '{ viewer { name } }', { token: await make() });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toMatch(reason);
  });

  it('an identity provider that cannot be reached is 503 BACKEND_UNAVAILABLE, not a refused token', async () => {
    const orphan = await startTestGateway(undefined, {
      config: { auth: { oidc: { issuer: ISSUER, jwksUrl: 'http://127.0.0.1:9/jwks.json', audience: 'almanac' } } },
    });
    try {
      const response = await query(orphan, '{ viewer { name } }', {
        token: await sign({ almanac_role: 'viewer', almanac_tenant: 'acme' }),
      });
      expect(response.status).toBe(503);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'oidc' });
    } finally {
      await orphan.close();
    }
  });
});
