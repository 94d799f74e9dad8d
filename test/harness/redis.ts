/**
 * The harness Redis for tests that talk to it directly: the one redis-server of the
 * `integration` project, or the Redis Cluster of `integration-cluster` (globalSetup.ts).
 * Tests open connections here rather than `new Redis(url)` so that they run on both.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { pino } from 'pino';
import { inject } from 'vitest';
import type { RedisConnection } from '../../src/redis/redisConnection.js';
import { startRedisCluster } from './redisCluster.js';
import { startRedisServer } from '../../src/stack/redisServer.js';
import type { HarnessRedisTarget } from './globalSetup.js';

/** The harness Redis as a native backend's `redis` setting. */
export function harnessRedisTarget(): HarnessRedisTarget {
  return inject('redis');
}

/** Whether this run's Redis is a cluster. */
export function onRedisCluster(): boolean {
  return 'cluster' in harnessRedisTarget();
}

/** A new connection to the harness Redis (a Cluster client on the cluster); quit it after. */
export function harnessRedis(): RedisConnection {
  return connectTo(harnessRedisTarget());
}

/** A new connection to a Redis given as a native backend's `redis` setting. */
export function connectTo(target: HarnessRedisTarget): RedisConnection {
  return 'url' in target ? new Redis(target.url) : new Cluster(target.cluster);
}

/** The URL of the single redis-server, for tests that pass it on as REDIS_URL (server runs only). */
export function harnessRedisUrl(): string {
  const target = harnessRedisTarget();
  if (!('url' in target)) throw new Error('this test needs the single harness redis-server, not the cluster');
  return target.url;
}

/** Every key matching `pattern`: KEYS on one server, on every master of a cluster. */
export async function keysMatching(redis: RedisConnection, pattern: string): Promise<string[]> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  return (await Promise.all(nodes.map((node) => node.keys(pattern)))).flat();
}

/** A Redis of a test's own, of this run's kind (one server, or a cluster), to stop at will. */
export interface OwnRedis {
  readonly target: HarnessRedisTarget;
  /** Stalls every server (SIGSTOP): connections stay open, nothing answers. */
  pause(): Promise<void>;
  /** Lets paused servers go on (SIGCONT). */
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again once stopped: same ports, same data directory, so what AOF kept is back. */
  restart(): Promise<OwnRedis>;
}

export function startOwnRedis(dataDir: string, { appendOnly = false } = {}): Promise<OwnRedis> {
  return startOwn(dataDir, appendOnly);
}

async function startOwn(dataDir: string, appendOnly: boolean, ports?: number[]): Promise<OwnRedis> {
  const logger = pino({ level: 'silent' });
  if (onRedisCluster()) {
    const cluster = await startRedisCluster({ dataDir, logger, appendOnly, ...(ports ? { ports } : {}) });
    const nodes = [...cluster.nodes];
    const again = nodes.map((node) => node.port);
    const target = { cluster: nodes };
    return {
      target,
      ...signals(target),
      stop: () => cluster.stop(),
      restart: () => startOwn(dataDir, appendOnly, again),
    };
  }
  const server = await startRedisServer({ dataDir, logger, appendOnly, ...(ports ? { port: ports[0] } : {}) });
  const again = [Number(new URL(server.url).port)];
  const target = { url: server.url };
  return {
    target,
    ...signals(target),
    stop: () => server.stop(),
    restart: () => startOwn(dataDir, appendOnly, again),
  };
}

/** Pausing and resuming the servers of `target`, found by the process ids they report. */
function signals(target: HarnessRedisTarget): Pick<OwnRedis, 'pause' | 'resume'> {
  let pids: Promise<number[]> | undefined;
  const send = async (signal: NodeJS.Signals) => {
    pids ??= serverPids(target); // asked once, while the servers still answer
    for (const pid of await pids) process.kill(pid, signal);
  };
  return { pause: () => send('SIGSTOP'), resume: () => send('SIGCONT') };
}

async function serverPids(target: HarnessRedisTarget): Promise<number[]> {
  const urls = 'url' in target ? [target.url] : target.cluster.map(({ host, port }) => `redis://${host}:${port}`);
  return Promise.all(
    urls.map(async (url) => {
      const client = new Redis(url);
      try {
        const pid = /^process_id:(\d+)/m.exec(await client.info('server'))?.[1];
        if (!pid) throw new Error(`${url} reported no process_id`);
        return Number(pid);
      } finally {
        client.disconnect();
      }
    }),
  );
}

/**
 * The settings that point the `almanac` command at a Redis: REDIS_URL for a server, a config
 * file in `dir` naming the nodes for a cluster (no environment variable can say that).
 */
export async function cliRedisSettings(target: HarnessRedisTarget, dir: string): Promise<Record<string, string>> {
  if ('url' in target) return { REDIS_URL: target.url };
  const path = join(dir, 'almanac-cluster.json');
  await writeFile(path, JSON.stringify({ backends: [{ id: 'native', kind: 'native', redis: target }] }));
  return { ALMANAC_CONFIG: path };
}

/** Where no Redis listens, as this run's kind of `redis` setting. */
export function deadRedisTarget(): HarnessRedisTarget {
  return onRedisCluster() ? { cluster: [{ host: '127.0.0.1', port: 9 }] } : { url: 'redis://127.0.0.1:9' };
}
