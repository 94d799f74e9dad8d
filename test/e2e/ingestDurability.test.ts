/**
 * What an acknowledged write survives: `kill -9` of the gateway in the middle of a long ingest,
 * and a restart of Redis during one. A real gateway process (dist/cli.js) and a real
 * redis-server with its append-only file, both started here.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { seriesIdOf } from '../../src/backends/native/seriesIndex.js';
import { SeriesStore } from '../../src/backends/native/seriesStore.js';
import { startRedisServer, type LocalServer } from '../../src/stack/redisServer.js';
import { startCli, type Started } from '../harness/cli.js';

const KEY = 'durability-admin-key-0123456789abcdef';
const DAY = 86_400;
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function redisServer(dataDir: string, port?: number): Promise<LocalServer> {
  const server = await startRedisServer({ dataDir, logger: pino({ level: 'silent' }), ...(port ? { port } : {}) });
  servers.push(server);
  return server;
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
async function readable(url: string, batches: readonly number[], base: number): Promise<number[]> {
  const redis = new Redis(url);
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
    const redis = await redisServer(await mkdtemp(join(tmpdir(), 'almanac-durable-')));
    const base = Math.floor(Date.now() / 1000) - 3_600;
    const env = { REDIS_URL: redis.url, ADMIN_API_KEY: KEY };
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
    expect(await readable(redis.url, acknowledged, base)).toEqual(acknowledged);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 90_000);

  it('a Redis restart during ingest gives clear errors, then ingest resumes without restarting the gateway', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'almanac-restart-'));
    const first = await redisServer(dataDir);
    const port = Number(new URL(first.url).port);
    const base = Math.floor(Date.now() / 1000) - 3_600;
    const gateway = await startCli(['start'], { REDIS_URL: first.url, ADMIN_API_KEY: KEY });
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

    const second = await redisServer(dataDir, port);
    await expect.poll(() => send(gateway, batch(2, base)), { timeout: 15_000, interval: 250 }).toBe(202);
    expect(await readable(second.url, [0, 2], base)).toEqual([0, 2]);
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }, 90_000);
});
