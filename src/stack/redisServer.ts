/**
 * A local `redis-server` for the embedded default and the test harness: loopback only,
 * append-only file on (`everysec`), so an acknowledged write survives a crash of Redis.
 */
import { mkdir } from 'node:fs/promises';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { spawnGuarded, type GuardedProcess } from './guardedProcess.js';
import { freePort, waitUntil } from './readiness.js';

export interface LocalServer {
  readonly url: string;
  readonly process: GuardedProcess;
  stop(): Promise<void>;
}

export interface LocalRedisOptions {
  dataDir: string;
  logger: Logger;
  port?: number;
  /** AOF on by default; the test harness may turn it off for speed. */
  appendOnly?: boolean;
  /** More `redis-server` arguments, e.g. cluster mode (the test harness's redisCluster.ts). */
  extraArgs?: readonly string[];
}

export async function startRedisServer({
  dataDir,
  logger,
  port,
  appendOnly = true,
  extraArgs = [],
}: LocalRedisOptions): Promise<LocalServer> {
  await mkdir(dataDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const process = spawnGuarded({
    name: 'redis-server',
    command: 'redis-server',
    logger,
    args: [
      '--bind',
      '127.0.0.1',
      '--port',
      String(listenPort),
      '--dir',
      dataDir,
      '--appendonly',
      appendOnly ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
      ...extraArgs,
    ],
  });
  const url = `redis://127.0.0.1:${listenPort}`;
  try {
    await waitUntil(() => ping(url), { what: 'redis-server', timeoutMs: 15_000, abandon: process.exited });
  } catch (error) {
    await process.stop();
    throw new Error(`${(error as Error).message}\n${process.recentOutput()}`, { cause: error });
  }
  return { url, process, stop: () => process.stop() };
}

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined); // refusals are expected until the server listens
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}
