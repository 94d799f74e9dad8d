/**
 * A fake Prometheus-API server on loopback, for backends that misbehave in ways a real
 * Prometheus never does. It serves many backends at once, one per path prefix (`/b3/api/v1/...`,
 * a backend's url with a path prefix as Thanos or Mimir use): each answers every endpoint with a
 * well-formed answer of its own (one metric, `up`, with no samples) until the test scripts
 * another answer for one of its endpoints, or makes one hang: take the request and never answer.
 * It counts the requests each endpoint of each backend received.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the fake sends as it is: an HTTP status and a body. */
export interface FakeAnswer {
  status: number;
  body: string;
  /** Milliseconds to wait before answering (a slow server); none: at once. */
  delayMs?: number;
}

export interface FakePrometheusApi {
  /** `http://127.0.0.1:<port>`: what no response of the gateway may show. */
  origin: string;
  /** The url of the backend served under `prefix`. */
  urlOf(prefix: string): string;
  /** From now on the backend under `prefix` answers `endpoint` (e.g. `label/__name__/values`) so. */
  script(prefix: string, endpoint: string, answer: FakeAnswer): void;
  /** From now on the backend under `prefix` never answers `endpoint`: requests wait until they give up. */
  hang(prefix: string, endpoint: string): void;
  /** How many requests the backend under `prefix` received for `endpoint` so far. */
  requestsTo(prefix: string, endpoint: string): number;
  /** From now on the backend under `prefix` answers every endpoint well-formed again. */
  reset(prefix: string): void;
  close(): Promise<void>;
}

const success = (data: unknown): FakeAnswer => ({ status: 200, body: JSON.stringify({ status: 'success', data }) });

/** What every endpoint Almanac reads answers while nothing else is scripted. */
const WELL_FORMED: Record<string, FakeAnswer> = {
  'label/__name__/values': success(['up']),
  metadata: success({ up: [{ type: 'gauge', help: 'Whether the target is up.', unit: '' }] }),
  labels: success(['__name__', 'job']),
  'label/job/values': success(['node']),
  query: success({ resultType: 'vector', result: [] }),
  query_range: success({ resultType: 'matrix', result: [] }),
};

export async function startFakePrometheusApi(): Promise<FakePrometheusApi> {
  const scripted = new Map<string, FakeAnswer | 'hang'>();
  const received = new Map<string, number>();
  const server = createServer((request, response) => {
    request.resume();
    const match = /^\/([^/]+)\/api\/v1\/([^?]*)/.exec(request.url ?? '');
    const [prefix, endpoint] = [match?.[1] ?? '', match?.[2] ?? ''];
    const key = `${prefix} ${endpoint}`;
    received.set(key, (received.get(key) ?? 0) + 1);
    const answer = scripted.get(key) ??
      WELL_FORMED[endpoint] ?? {
        status: 404,
        body: '{"status":"error","errorType":"not_found","error":"no such endpoint"}',
      };
    if (answer === 'hang') return;
    const send = () => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (prefix) => `${origin}/${prefix}`,
    script: (prefix, endpoint, answer) => scripted.set(`${prefix} ${endpoint}`, answer),
    hang: (prefix, endpoint) => scripted.set(`${prefix} ${endpoint}`, 'hang'),
    requestsTo: (prefix, endpoint) => received.get(`${prefix} ${endpoint}`) ?? 0,
    reset: (prefix) => {
      for (const key of [...scripted.keys()]) if (key.startsWith(`${prefix} `)) scripted.delete(key);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
