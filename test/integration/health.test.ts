import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendConfigInput } from '../../src/config/schema.js';
import { startFakePrometheusApi, type FakePrometheusApi } from '../harness/fakePrometheusApi.js';
import {
  DEAD_PROMETHEUS_URL,
  harnessBackends,
  startTestGateway,
  TEST_ADMIN_KEY,
  type TestGateway,
} from '../harness/gateway.js';
import { deadRedisTarget } from '../harness/redis.js';
import { createToken, query } from '../harness/tokens.js';

/** `/readyz` as a caller with `authorization` (none by default) sees it. */
async function readyz(gateway: TestGateway, authorization?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('readyz', gateway.url), {
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: response.status, body: await response.json() };
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('with every backend reachable', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('/healthz says the process is up', async () => {
    const response = await fetch(new URL('healthz', gateway.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz without credentials is 200 and says only which backends are ready', async () => {
    expect(await readyz(gateway)).toEqual({
      status: 200,
      body: { ready: true, backends: { native: true, prometheus: true } },
    });
  });

  it('/readyz with the operator key lists each backend with its kind, latency and when it was checked', async () => {
    expect(await readyz(gateway, `Bearer ${TEST_ADMIN_KEY}`)).toEqual({
      status: 200,
      body: {
        ready: true,
        notReady: [],
        backends: [
          {
            id: 'native',
            kind: 'native',
            ok: true,
            latencyMs: expect.any(Number),
            error: null,
            detail: null,
            checkedAt: expect.stringMatching(ISO_TIME),
          },
          {
            id: 'prometheus',
            kind: 'prometheus',
            ok: true,
            latencyMs: expect.any(Number),
            error: null,
            detail: null,
            checkedAt: expect.stringMatching(ISO_TIME),
          },
        ],
      },
    });
  });

  it('/readyz shows the details only to the operator key: a token of any role, admin included, gets readiness', async () => {
    const admin = await createToken(gateway, { role: 'ADMIN' });
    const viewer = await createToken(gateway, { role: 'VIEWER' });
    for (const token of [admin, viewer]) {
      expect(await readyz(gateway, `Bearer ${token.secret}`)).toEqual({
        status: 200,
        body: { ready: true, backends: { native: true, prometheus: true } },
      });
    }
  });

  it.each([
    ['an unknown token', 'Bearer not-a-token-of-this-gateway'],
    ['a malformed header', 'Basic !!!'],
    ['an unsupported scheme', 'Digest username="admin"'],
  ])('/readyz with %s answers as to anonymous callers, never 401', async (_name, authorization) => {
    expect(await readyz(gateway, authorization)).toEqual({
      status: 200,
      body: { ready: true, backends: { native: true, prometheus: true } },
    });
  });
});

describe('with one backend down', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([
      ...harnessBackends(),
      { id: 'prom-dead', kind: 'prometheus', url: DEAD_PROMETHEUS_URL, timeoutMs: 1_000 },
    ]);
  });
  afterAll(() => gateway.close());

  it('/readyz without credentials is 503 and shows no host, port or error text', async () => {
    const response = await fetch(new URL('readyz', gateway.url));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      ready: false,
      backends: { native: true, prometheus: true, 'prom-dead': false },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|:9\b|ECONNREFUSED|fetch failed|error/);
  });

  it('/readyz with the operator key is 503 and names the backend that is not reachable, and why', async () => {
    const { status, body } = await readyz(gateway, `Bearer ${TEST_ADMIN_KEY}`);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      ready: false,
      notReady: ['prom-dead'],
      backends: [
        { id: 'native', ok: true },
        { id: 'prometheus', ok: true },
        {
          id: 'prom-dead',
          kind: 'prometheus',
          ok: false,
          latencyMs: null,
          error: 'connection refused',
          detail: expect.stringMatching(/ECONNREFUSED/),
        },
      ],
    });
  });

  it('backends shows the dead one unhealthy, with a class that names no host or port, while the others answer', async () => {
    const response = await gateway.graphql('{ backends { id health { ok latencyMs error } } }');
    const body = (await response.json()) as {
      data: { backends: { id: string; health: { ok: boolean; latencyMs: number | null; error: string | null } }[] };
    };
    const dead = body.data.backends.find((backend) => backend.id === 'prom-dead');
    expect(dead?.health).toEqual({
      ok: false,
      latencyMs: null,
      error: 'connection refused',
    });
    expect(body.data.backends.filter((backend) => backend.health.ok)).toHaveLength(2);
  });

  it('a stopped Redis makes the native backend unhealthy within its command timeout, without hanging', async () => {
    const stalled = await startTestGateway([
      { id: 'native', kind: 'native', redis: deadRedisTarget(), commandTimeoutMs: 500 },
    ]);
    try {
      const started = Date.now();
      const response = await fetch(new URL('readyz', stalled.url));
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stalled.close();
    }
  });
});

describe('probing a backend', () => {
  let fake: FakePrometheusApi;
  beforeAll(async () => {
    fake = await startFakePrometheusApi();
  });
  afterAll(() => fake.close());

  /** A gateway with the harness's native backend and one Prometheus backend `id` served by the fake. */
  function gatewayWith(id: string): Promise<TestGateway> {
    const native = harnessBackends().filter((backend) => backend.kind === 'native');
    const probed: BackendConfigInput = { id, kind: 'prometheus', url: fake.urlOf(id), timeoutMs: 1_000 };
    return startTestGateway([...native, probed]);
  }

  it('20 concurrent /readyz calls while a backend hangs probe it once, and answer within its timeout', async () => {
    fake.hang('hung', 'query');
    const gateway = await gatewayWith('hung');
    try {
      const before = fake.requestsTo('hung', 'query');
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 20 }, () => readyz(gateway)));
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(
        new Set([JSON.stringify({ status: 503, body: { ready: false, backends: { native: true, hung: false } } })]),
      );
      expect(fake.requestsTo('hung', 'query') - before).toBe(1);
    } finally {
      await gateway.close();
    }
  });

  it('a second /readyz within 2 s and Query.backends read the same record; after 2 s it is probed again', async () => {
    const gateway = await gatewayWith('steady');
    try {
      const before = fake.requestsTo('steady', 'query');
      expect((await readyz(gateway)).status).toBe(200);
      expect((await readyz(gateway, `Bearer ${TEST_ADMIN_KEY}`)).status).toBe(200);
      const health = await query<{ backend: { health: { ok: boolean } } }>(
        gateway,
        '{ backend(id: "steady") { health { ok } } }',
      );
      expect(health.data).toEqual({ backend: { health: { ok: true } } });
      expect(fake.requestsTo('steady', 'query') - before).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await readyz(gateway)).status).toBe(200);
      expect(fake.requestsTo('steady', 'query') - before).toBe(2);
    } finally {
      await gateway.close();
    }
  });

  it('a backend whose circuit is open is not ready, for that reason, and is not probed', async () => {
    // Five malformed answers in a row are the server's failures: they open the circuit.
    fake.script('tripped', 'query', { status: 200, body: '{"status":"success","data":null}' });
    const gateway = await gatewayWith('tripped');
    try {
      for (let call = 0; call < 5; call += 1) {
        await query(gateway, '{ promql(query: "up", backend: "tripped") { resultType } }');
      }
      const circuit = await query<{ backend: { circuit: string } }>(gateway, '{ backend(id: "tripped") { circuit } }');
      expect(circuit.data).toEqual({ backend: { circuit: 'OPEN' } });
      const before = fake.requestsTo('tripped', 'query');

      expect(await readyz(gateway)).toEqual({
        status: 503,
        body: { ready: false, backends: { native: true, tripped: false } },
      });
      const { body } = await readyz(gateway, `Bearer ${TEST_ADMIN_KEY}`);
      expect(body).toMatchObject({
        notReady: ['tripped'],
        backends: [
          { id: 'native' },
          {
            id: 'tripped',
            ok: false,
            latencyMs: null,
            error: 'circuit open after repeated failures',
            detail: 'circuit open after repeated failures',
          },
        ],
      });
      expect(fake.requestsTo('tripped', 'query')).toBe(before);
    } finally {
      await gateway.close();
    }
  });
});
