/** Reading and driving the operational metrics of a test gateway over HTTP, as an operator would. */
import { TEST_ADMIN_KEY, type TestGateway } from './gateway.js';

/** The reference's JSON tree, as `GET /admin/metrics` serves it. */
export interface MetricsTree {
  services: Record<string, { subservs: Record<string, Record<string, number>>; sum: Record<string, number> }>;
  sum: Record<string, number>;
}

/**
 * The operator's own admin calls go to this service, so they never mix with the traffic a test
 * counts elsewhere.
 */
export const ADMIN_SERVICE = 'ops';

export interface AdminInit {
  /** Default the operator's ADMIN_API_KEY; null for none. */
  token?: string | null;
  /** Fiware-Service of the call itself; default ADMIN_SERVICE. */
  service?: string;
}

export function adminMetrics(
  gateway: TestGateway,
  method: 'GET' | 'DELETE',
  search = '',
  { token = TEST_ADMIN_KEY, service = ADMIN_SERVICE }: AdminInit = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'fiware-service': service };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(new URL(`admin/metrics${search}`, gateway.url), { method, headers });
}

export async function readTree(gateway: TestGateway, init?: AdminInit): Promise<MetricsTree> {
  const response = await adminMetrics(gateway, 'GET', '', init);
  if (response.status !== 200) throw new Error(`GET /admin/metrics: ${response.status} ${await response.text()}`);
  return (await response.json()) as MetricsTree;
}

/**
 * Counters are written after the response is sent, so a test reads until what it waits for
 * has landed (or 5 s have passed) and then asserts on the tree it got.
 */
export async function readTreeWhen(
  gateway: TestGateway,
  ready: (tree: MetricsTree) => boolean,
  init?: AdminInit,
): Promise<MetricsTree> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const tree = await readTree(gateway, init);
    if (ready(tree) || Date.now() > deadline) return tree;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A counter of a service's sum; 0 when the service or the counter is absent. */
export function serviceCount(tree: MetricsTree, service: string, counter = 'incomingTransactions'): number {
  return tree.services[service]?.sum[counter] ?? 0;
}

/** A GraphQL request as the operator, in a service and subservice. */
export function scopedGraphql(
  gateway: TestGateway,
  service: string,
  subservice: string,
  query = '{ serverInfo { version } }',
): Promise<Response> {
  return gateway.graphql(query, { headers: { 'fiware-service': service, 'fiware-servicepath': subservice } });
}
