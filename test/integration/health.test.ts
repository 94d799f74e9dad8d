import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAD_PROMETHEUS_URL, harnessBackends, startTestGateway, type TestGateway } from '../harness/gateway.js';
import { deadRedisTarget } from '../harness/redis.js';

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

  it('/readyz is 200 and lists each backend as ok', async () => {
    const response = await fetch(new URL('readyz', gateway.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ready: true,
      notReady: [],
      backends: [
        { id: 'native', kind: 'native', ok: true, error: null },
        { id: 'prometheus', kind: 'prometheus', ok: true, error: null },
      ],
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

  it('/readyz is 503 and names the backend that is not reachable, and why', async () => {
    const response = await fetch(new URL('readyz', gateway.url));
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      ready: boolean;
      notReady: string[];
      backends: { id: string; ok: boolean; error: string | null }[];
    };
    expect(body.ready).toBe(false);
    expect(body.notReady).toEqual(['prom-dead']);
    expect(body.backends.find((backend) => backend.id === 'prom-dead')?.error).toMatch(/fetch failed|ECONNREFUSED/);
    expect(body.backends.filter((backend) => backend.ok).map((backend) => backend.id)).toEqual([
      'native',
      'prometheus',
    ]);
  });

  it('backends shows the dead one unhealthy while the others answer', async () => {
    const response = await gateway.graphql('{ backends { id health { ok latencyMs error } } }');
    const body = (await response.json()) as {
      data: { backends: { id: string; health: { ok: boolean; latencyMs: number | null; error: string | null } }[] };
    };
    const dead = body.data.backends.find((backend) => backend.id === 'prom-dead');
    expect(dead?.health).toEqual({
      ok: false,
      latencyMs: null,
      error: expect.stringMatching(/ECONNREFUSED|fetch failed/),
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
