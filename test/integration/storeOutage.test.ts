/**
 * Authentication through an outage of the store, against a Redis of the test's own that it
 * stalls (SIGSTOP) and kills: a token verified before keeps reading Prometheus-only data fast,
 * the admin key never waits on Redis, a token never verified gets a coded 503 at once (not
 * after command timeouts), and once Redis answers again a deleted token is refused within about
 * a second, as it is without an outage.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  backendsOnRedis,
  scrapeSelfMetrics,
  startTestGateway,
  TEST_ADMIN_KEY,
  type TestGateway,
} from '../harness/gateway.js';
import { startOwnRedis, type OwnRedis } from '../harness/redis.js';
import { createToken, query, type QueryReply } from '../harness/tokens.js';

/** Reads Prometheus alone: nothing of it needs Almanac's store. */
const PROMETHEUS_ONLY = '{ promql(query: "vector(1)", backend: "prometheus") { backend resultType } }';
const ANSWER = { promql: { backend: 'prometheus', resultType: 'VECTOR' } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The reply to PROMETHEUS_ONLY sent with `token`, and how long it took. */
async function timedRead(gateway: TestGateway, token: string): Promise<{ reply: QueryReply<unknown>; ms: number }> {
  const started = performance.now();
  const reply = await query(gateway, PROMETHEUS_ONLY, { token });
  return { reply, ms: performance.now() - started };
}

describe('an outage of the store', () => {
  let dir: string;
  let redis: OwnRedis;
  let gateway: TestGateway;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'almanac-store-outage-'));
    redis = await startOwnRedis(dir);
    // The default command timeout: before the store's health signal, a stalled Redis cost a
    // request two of these in a row.
    gateway = await startTestGateway(backendsOnRedis(redis.target, 2_000));
  });
  // A test that failed while Redis was paused must not leave the next one a stalled Redis (once
  // Redis was stopped there is nothing left to resume).
  afterEach(() => redis.resume().catch(() => undefined));
  afterAll(async () => {
    await gateway.close();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stalled: a token verified before reads Prometheus at 200 fast, the admin key too, a new token gets 503 at once', async () => {
    const verified = await createToken(gateway, { role: 'VIEWER', name: 'verified' });
    const unverified = await createToken(gateway, { role: 'VIEWER', name: 'never-used' });
    expect((await timedRead(gateway, verified.secret)).reply).toMatchObject({ status: 200, data: ANSWER });

    await redis.pause();
    const times: number[] = [];
    // As long as the finding: ten seconds of a Redis that takes commands and never answers.
    const until = performance.now() + 10_000;
    while (performance.now() < until) {
      const { reply, ms } = await timedRead(gateway, verified.secret);
      expect(reply).toMatchObject({ status: 200, data: ANSWER });
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.ceil(times.length * 0.99) - 1] ?? Infinity;
    expect(p99, `p99 of ${times.length} reads`).toBeLessThanOrEqual(250);

    const admin = await timedRead(gateway, TEST_ADMIN_KEY);
    expect(admin.reply).toMatchObject({ status: 200, data: ANSWER });
    expect(admin.ms).toBeLessThan(250);

    const refused = await timedRead(gateway, unverified.secret);
    expect(refused.reply.status).toBe(503);
    expect(refused.reply.errors?.[0]?.extensions).toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
      backend: 'store',
      reason: 'TIMEOUT',
    });
    expect(refused.ms).toBeLessThan(250);
    await redis.resume();

    const metrics = await scrapeSelfMetrics(gateway);
    expect(metrics).toMatch(/^almanac_auth_grace_served_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^almanac_rate_limit_unchecked_total [1-9]\d*$/m);
  });

  it('once Redis answers again, a deleted token gets 401 within about a second, and 503 in the next outage', async () => {
    const { id, secret } = await createToken(gateway, { role: 'VIEWER', name: 'to-delete' });
    expect((await timedRead(gateway, secret)).reply.status).toBe(200);
    await redis.pause();
    await sleep(1_500);
    expect((await timedRead(gateway, secret)).reply.status).toBe(200);
    await redis.resume();

    const deleted = await query(gateway, 'mutation ($id: ID!) { deleteApiToken(id: $id) }', { variables: { id } });
    expect(deleted.data).toEqual({ deleteApiToken: true });
    const since = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - since < 5_000) {
      status = (await timedRead(gateway, secret)).reply.status;
      if (status === 200) await sleep(50);
    }
    expect(status).toBe(401);
    expect(performance.now() - since).toBeLessThan(1_500);

    // What Redis said is gone is not served from the last good lookup in the next outage.
    await redis.pause();
    expect((await timedRead(gateway, secret)).reply.status).toBe(503);
    await redis.resume();
  });

  it('killed: a token verified before keeps reading Prometheus', async () => {
    const { secret } = await createToken(gateway, { role: 'VIEWER', name: 'through-a-crash' });
    expect((await timedRead(gateway, secret)).reply.status).toBe(200);
    await redis.stop();
    for (let i = 0; i < 5; i++) {
      const { reply, ms } = await timedRead(gateway, secret);
      expect(reply).toMatchObject({ status: 200, data: ANSWER });
      expect(ms).toBeLessThan(250);
      await sleep(300);
    }
  });
});
