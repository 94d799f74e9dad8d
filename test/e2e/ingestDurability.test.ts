/**
 * What an acknowledged write survives: `kill -9` of the gateway in the middle of a long ingest,
 * and a restart of Redis during one. A real gateway process (dist/cli.js) and a real
 * redis-server with its append-only file, both started here — or, in the cluster run, a
 * 3-node Redis Cluster of the test's own.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seriesIdOf } from '../../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../../src/backends/native/seriesStore.js';
import { startCli, type Started } from '../harness/cli.js';
import type { HarnessRedisTarget } from '../harness/globalSetup.js';
import { cliRedisSettings, connectTo, startOwnRedis, type OwnRedis } from '../harness/redis.js';

const KEY = 'durability-admin-key-0123456789abcdef';
const DAY = 86_400;
const servers: OwnRedis[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** A Redis of this test's own with its append-only file (a cluster in the cluster run). */
async function ownRedis(dataDir: string): Promise<OwnRedis> {
  const redis = await startOwnRedis(dataDir, { appendOnly: true });
  servers.push(redis);
  return redis;
}

/** Batch `n`: ten series of metric `durable`, one point each at second `base + n`. */
function batch(n: number, base: number): unknown {
  return {
    measurements: Array.from({ length: 10 }, (_, i) => ({
      name: 'durable',
      value: n,
      time: base + n,
      tags: { s: `s${i}` },
    })),
  };
}

async function send(gateway: Started, body: unknown): Promise<number> {
  try {
    const response = await fetch(new URL('v1/measurements', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // no answer: not acknowledged
  }
}

/** Which of the batches are fully readable: all ten series have the batch's point. */
async function readable(target: HarnessRedisTarget, batches: readonly number[], base: number): Promise<number[]> {
  const redis = connectTo(target);
  try {
    const store = new SeriesStore(redis, 'almanac', {
      raw: 7 * DAY,
      r900: 90 * DAY,
      r3600: 730 * DAY,
      r86400: 3650 * DAY,
    });
    const series = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.read('default', seriesIdOf('durable', [['s', `s${i}`]]), 'raw', base, base + 100_000),
      ),
    );
    return batches.filter((n) =>
      series.every((points) => points.some((point) => point.time === base + n && point.state.sum === n)),
    );
  } finally {
    redis.disconnect();
  }
}

describe('ingest durability', () => {
  it('kill -9 of the gateway during a long ingest leaves every acknowledged batch readable after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'almanac-durable-'));
    const redis = await ownRedis(dir);
    const base = Math.floor(Date.now() / 1000) - 3_600;
    const env = { ...(await cliRedisSettings(redis.target, dir)), ADMIN_API_KEY: KEY };
    const gateway = await startCli(['start'], env);
    const acknowledged: number[] = [];
    let next = 0;
    const senders = Array.from({ length: 4 }, async () => {
      while (next < 2_000) {
        const n = next++;
        if ((await send(gateway, batch(n, base))) === 202) acknowledged.push(n);
        else return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    gateway.child.kill('SIGKILL');
    await Promise.all(senders);
    await gateway.exited;
    expect(acknowledged.length).toBeGreaterThan(10);

    const restarted = await startCli(['start'], env);
    expect(await readable(redis.target, acknowledged, base)).toEqual(acknowledged);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 90_000);

  it('a Redis restart during ingest gives clear errors, then ingest resumes without restarting the gateway', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'almanac-restart-'));
    const first = await ownRedis(dataDir);
    const base = Math.floor(Date.now() / 1000) - 3_600;
    const gateway = await startCli(['start'], {
      ...(await cliRedisSettings(first.target, dataDir)),
      ADMIN_API_KEY: KEY,
    });
    expect(await send(gateway, batch(0, base))).toBe(202);

    await first.stop();
    servers.splice(servers.indexOf(first), 1);
    const during = await fetch(new URL('v1/measurements', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(batch(1, base)),
    });
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({
      errors: [{ extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'native' } }],
    });

    const second = await first.restart();
    servers.push(second);
    await expect.poll(() => send(gateway, batch(2, base)), { timeout: 15_000, interval: 250 }).toBe(202);
    expect(await readable(second.target, [0, 2], base)).toEqual([0, 2]);
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }, 90_000);
});
