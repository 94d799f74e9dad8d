/**
 * A local Redis Cluster on loopback, for the test harness: N (default 3) guarded
 * `redis-server` masters without replicas, the 16,384 slots split evenly. Started again on
 * the same ports and `dataDir`, the nodes rejoin from their nodes files (a restart).
 *
 * The cluster is formed here over ioredis (CLUSTER SET-CONFIG-EPOCH, ADDSLOTS, MEET), not
 * with `redis-cli --cluster create`: that needs no second program and no parsing of its
 * output, works for any N (redis-cli insists on at least 3 masters), and fails with the
 * reply of the command that went wrong. ADDSLOTS rather than ADDSLOTSRANGE, and the bus
 * port at Redis's fixed offset rather than `cluster-port`, keep it working on Redis 6.
 *
 * The one rule: `startRedisCluster` returns only once every node reports cluster_state:ok
 * and knows every other node, so a Cluster client started then sees the whole slot map.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { freePort, isPortFree, waitUntil } from '../../src/stack/readiness.js';
import { startRedisServer, type LocalServer } from '../../src/stack/redisServer.js';

export interface ClusterNode {
  host: string;
  port: number;
}

export interface LocalCluster {
  /** Every master, as a Cluster client's start-up nodes. */
  readonly nodes: readonly ClusterNode[];
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  dataDir: string;
  logger: Logger;
  /** Number of masters; default 3. */
  size?: number;
  /** The nodes' ports, e.g. those of a stopped cluster to restart; default free ones. */
  ports?: readonly number[];
  /** AOF off by default (nothing is kept); on, a restarted cluster still has its data. */
  appendOnly?: boolean;
}

const HOST = '127.0.0.1';
const SLOTS = 16_384;
/** Where Redis puts a node's cluster bus: its port plus this (before 7.0, always). */
const BUS_PORT_OFFSET = 10_000;

export async function startRedisCluster({
  dataDir,
  logger,
  size: requested = 3,
  ports: given,
  appendOnly = false,
}: LocalClusterOptions): Promise<LocalCluster> {
  const size = given?.length ?? requested;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a cluster needs at least one node, got ${size}`);
  const ports = given ?? (await clusterPorts(size));
  const started = await Promise.allSettled(
    ports.map((port) =>
      startRedisServer({
        dataDir: join(dataDir, `node-${port}`),
        logger,
        port,
        appendOnly,
        extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', join(dataDir, `nodes-${port}.conf`)],
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const nodes = ports.map((port) => ({ host: HOST, port }));
  try {
    // Nodes that kept their nodes files from an earlier start rejoin by themselves.
    if (await noSlotAssigned(nodes)) await formCluster(nodes);
    await waitUntil(() => everyNodeReady(nodes), {
      what: `a ${size}-node Redis Cluster`,
      timeoutMs: 20_000,
      abandon: Promise.race(servers.map((server) => server.process.exited)),
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${recentOutput(servers)}`, { cause: error });
  }
  return { nodes, stop };
}

/**
 * Distinct free ports whose bus ports are free too (and exist: a port above 55,535 has none).
 * Like `freePort`, a port is only known free when asked; nothing else on a test machine
 * races for loopback ports in practice.
 */
async function clusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  const taken = new Set<number>();
  for (let attempt = 0; ports.length < count; attempt++) {
    if (attempt >= count * 50)
      throw new Error(`found no ${count} free port pairs (port and port + ${BUS_PORT_OFFSET})`);
    const port = await freePort(HOST);
    const bus = port + BUS_PORT_OFFSET;
    if (bus > 65_535 || taken.has(port) || taken.has(bus) || !(await isPortFree(bus, HOST))) continue;
    ports.push(port);
    taken.add(port).add(bus);
  }
  return ports;
}

/** Gives each node a distinct config epoch and an even share of the slots, then joins them. */
async function formCluster(nodes: readonly ClusterNode[]): Promise<void> {
  await withClients(nodes, async (clients) => {
    await Promise.all(
      clients.map(async (client, index) => {
        // Distinct epochs up front, as redis-cli does, spare the nodes resolving a collision.
        await client.call('CLUSTER', 'SET-CONFIG-EPOCH', index + 1);
        const first = Math.floor((index * SLOTS) / nodes.length);
        const end = Math.floor(((index + 1) * SLOTS) / nodes.length);
        await client.call('CLUSTER', 'ADDSLOTS', ...Array.from({ length: end - first }, (_, slot) => first + slot));
      }),
    );
    const [seed] = clients;
    await Promise.all(nodes.slice(1).map((node) => seed?.call('CLUSTER', 'MEET', node.host, node.port)));
  });
}

async function noSlotAssigned(nodes: readonly ClusterNode[]): Promise<boolean> {
  return withClients(nodes, async (clients) => {
    const infos = await Promise.all(clients.map(async (client) => clusterInfo(client)));
    return infos.every((info) => info.get('cluster_slots_assigned') === '0');
  });
}

async function everyNodeReady(nodes: readonly ClusterNode[]): Promise<boolean> {
  return withClients(nodes, async (clients) => {
    const infos = await Promise.all(clients.map(async (client) => clusterInfo(client)));
    return infos.every(
      (info) =>
        info.get('cluster_state') === 'ok' &&
        info.get('cluster_slots_ok') === String(SLOTS) &&
        info.get('cluster_known_nodes') === String(nodes.length),
    );
  });
}

/** CLUSTER INFO's `field:value` lines as a map. */
async function clusterInfo(client: Redis): Promise<Map<string, string>> {
  const text = String(await client.call('CLUSTER', 'INFO'));
  return new Map(text.split('\r\n').map((line) => line.split(':') as [string, string]));
}

/** Plain (non-cluster) connections to each node, closed after `use`. */
async function withClients<T>(nodes: readonly ClusterNode[], use: (clients: Redis[]) => Promise<T>): Promise<T> {
  const clients = nodes.map(
    ({ host, port }) =>
      new Redis({
        host,
        port,
        connectTimeout: 1_000,
        commandTimeout: 5_000,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      }),
  );
  for (const client of clients) client.on('error', () => undefined); // the command's rejection says it
  try {
    return await use(clients);
  } finally {
    for (const client of clients) client.disconnect();
  }
}

function recentOutput(servers: readonly LocalServer[]): string {
  return servers.map((server) => `[${server.url}]\n${server.process.recentOutput()}`).join('\n');
}
