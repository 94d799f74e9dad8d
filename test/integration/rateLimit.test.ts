/**
 * Rate limits over HTTP against real gateways and a real Redis: the budget, its headers and
 * the 429, budgets per principal, one budget shared by replicas (same Redis, same key prefix),
 * endpoints that are never limited, and failing open when Redis goes away.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  backendsOnRedis,
  harnessBackends,
  scrapeSelfMetrics,
  startTestGateway,
  TEST_ADMIN_KEY,
  type TestGateway,
} from '../harness/gateway.js';
import { startOwnRedis, type OwnRedis } from '../harness/redis.js';
import { createToken } from '../harness/tokens.js';

const QUERY = '{ __typename }';
const limits = (rateLimit: Record<string, unknown>) => ({ config: { limits: { rateLimit } } });

describe('a budget of 5 requests per 60 s', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(harnessBackends(), limits({ points: 5, anonymousPoints: 2, durationSeconds: 60 }));
  });
  afterAll(() => gateway.close());

  it('counts down in RateLimit headers, then answers the 6th request with 429 and Retry-After', async () => {
    for (let remaining = 4; remaining >= 0; remaining--) {
      const response = await gateway.graphql(QUERY);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('5');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(response.headers.get('ratelimit-policy')).toBe('5;w=60');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      expect(Number(response.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    }
    const refused = await gateway.graphql(QUERY);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: `rate limit of 5 requests per 60 s exceeded; retry after ${retryAfter} s`,
          extensions: {
            code: 'RATE_LIMITED',
            limit: 5,
            windowSeconds: 60,
            retryAfterSeconds: retryAfter,
            requestId: expect.any(String),
          },
        },
      ],
    });
  });

  it('gives requests without credentials their own, smaller budget per IP address', async () => {
    // The operator's budget is spent by the test above; the anonymous one is untouched.
    const first = await gateway.graphql(QUERY, { token: null });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect((await gateway.graphql(QUERY, { token: null })).status).toBe(200);
    expect((await gateway.graphql(QUERY, { token: null })).status).toBe(429);
  });

  it('limits every route but the probes and the scrape endpoint, which carry no RateLimit headers', async () => {
    const graphiql = await fetch(new URL('graphiql', gateway.url));
    expect(graphiql.status).toBe(429);
    for (const path of ['healthz', 'readyz']) {
      const response = await fetch(new URL(path, gateway.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBeNull();
    }
    const metrics = await fetch(new URL('metrics', gateway.url), {
      headers: { authorization: `Basic ${Buffer.from(`admin:${gateway.metricsToken}`).toString('base64')}` },
    });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('replicas', () => {
  const gateways: TestGateway[] = [];
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  });

  it('two gateways on the same Redis and key prefix share one budget', async () => {
    const options = limits({ points: 5, durationSeconds: 60 });
    const first = await startTestGateway(harnessBackends(), options);
    const second = await startTestGateway(harnessBackends(), { ...options, keyPrefix: first.keyPrefix });
    gateways.push(first, second);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? second : first).graphql(QUERY)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await first.graphql(QUERY)).status).toBe(429);
  });

  it('gateways with different key prefixes keep separate budgets', async () => {
    const options = limits({ points: 1, durationSeconds: 60 });
    const first = await startTestGateway(harnessBackends(), options);
    const second = await startTestGateway(harnessBackends(), options);
    gateways.push(first, second);
    expect((await first.graphql(QUERY)).status).toBe(200);
    expect((await second.graphql(QUERY)).status).toBe(200);
    expect((await first.graphql(QUERY)).status).toBe(429);
  });
});

describe('when Redis goes away', () => {
  let dir: string;
  let redis: OwnRedis;
  let gateway: TestGateway;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'almanac-ratelimit-'));
    redis = await startOwnRedis(dir);
    gateway = await startTestGateway(backendsOnRedis(redis.target, 500), limits({ points: 5, durationSeconds: 60 }));
  });
  afterAll(async () => {
    await gateway.close();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves requests unchecked (fail open) and counts them in almanac_rate_limit_unchecked_total', async () => {
    const checked = await gateway.graphql(QUERY);
    expect(checked.status).toBe(200);
    expect(checked.headers.get('ratelimit-remaining')).toBe('4');
    await redis.stop();
    for (let i = 0; i < 6; i++) {
      const response = await gateway.graphql(QUERY);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-remaining')).toBeNull();
    }
    expect(await scrapeSelfMetrics(gateway)).toMatch(/^almanac_rate_limit_unchecked_total 6$/m);
  });
});

describe('batches', () => {
  it('draw one request from the budget per operation', async () => {
    const gateway = await startTestGateway(harnessBackends(), limits({ points: 5, durationSeconds: 60 }));
    try {
      const batch = await fetch(new URL('graphql', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: JSON.stringify([{ query: QUERY }, { query: QUERY }, { query: QUERY }]),
      });
      expect(batch.status).toBe(200);
      expect(batch.headers.get('ratelimit-remaining')).toBe('2');
      const tooBig = await fetch(new URL('graphql', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        body: JSON.stringify([{ query: QUERY }, { query: QUERY }, { query: QUERY }]),
      });
      expect(tooBig.status).toBe(429);
    } finally {
      await gateway.close();
    }
  });
});

describe('refused requests', () => {
  it('carry RateLimit headers too: a 401 with the address budget, a 403 or 400 with the principal budget', async () => {
    const gateway = await startTestGateway(
      harnessBackends(),
      limits({ points: 50, failedAuthAttempts: 7, durationSeconds: 60 }),
    );
    try {
      const refused = await gateway.graphql(QUERY, { token: 'alm_not-a-token' });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('ratelimit-limit')).toBe('7');
      expect(refused.headers.get('ratelimit-remaining')).toBe('6');
      const token = (await createToken(gateway, { role: 'VIEWER', tenant: 'own' })).secret;
      const forbidden = await gateway.graphql(QUERY, { token, headers: { 'fiware-service': 'other' } });
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('ratelimit-limit')).toBe('50');
      const malformed = await gateway.graphql(QUERY, { token, headers: { 'fiware-servicepath': 'no-slash' } });
      expect(malformed.status).toBe(400);
      expect(Number(malformed.headers.get('ratelimit-remaining'))).toBeLessThan(
        Number(forbidden.headers.get('ratelimit-remaining')),
      );
    } finally {
      await gateway.close();
    }
  });
});

describe('guessing credentials', () => {
  it('answers 429 to an address past its refused credentials, and still serves a valid credential from it', async () => {
    const gateway = await startTestGateway(
      harnessBackends(),
      limits({ points: 100, anonymousPoints: 100, failedAuthAttempts: 3, durationSeconds: 60 }),
    );
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push((await gateway.graphql(QUERY, { token: `alm_guess-${attempt}` })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const blocked = await gateway.graphql(QUERY, { token: 'alm_guess-again' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await blocked.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED', limit: 3, windowSeconds: 60 } }],
      });
      // Someone else's guesses from the same address lock out no valid credential.
      const operator = await gateway.graphql(QUERY);
      expect(operator.status).toBe(200);
      const token = (await createToken(gateway, { role: 'VIEWER', tenant: 'own' })).secret;
      expect((await gateway.graphql(QUERY, { token })).status).toBe(200);
      // Requests without credentials are not guesses: they keep their own budget.
      expect((await gateway.graphql(QUERY, { token: null })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('serves the admin key after twenty bad tokens from its address, with the default budget', async () => {
    const gateway = await startTestGateway(harnessBackends(), limits({ points: 100, anonymousPoints: 100 }));
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 21; attempt++) {
        statuses.push((await gateway.graphql(QUERY, { token: `alm_bad-${attempt}` })).status);
      }
      expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
      expect((await gateway.graphql(QUERY)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
