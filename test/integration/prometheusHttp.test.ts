/**
 * PrometheusHttp's retries and connection pool, seen from a small loopback fault proxy in front
 * of the real fixture Prometheus: the proxy answers the first requests with a scripted failure
 * (or hangs, or drops the connection), forwards the rest, and counts requests and connections.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  CircuitOpenError,
  DEFAULT_HTTP_OPTIONS,
  PrometheusApiError,
  PrometheusHttp,
} from '../../src/backends/prometheus/prometheusHttp.js';
import {
  MalformedAnswerError,
  queryAnswer,
  stringListAnswer,
  type QueryData,
} from '../../src/backends/prometheus/prometheusAnswers.js';
import { backendSchema, type PrometheusBackendConfig } from '../../src/config/schema.js';
import { FIXTURE_A } from '../harness/prometheusFixtures.js';

/** What the proxy does with one request. */
type Fault = 'forward' | 'hang' | 'drop' | { status: number; body: string };

interface FaultProxy {
  url: string;
  /** Method and path of every request the proxy received, in order. */
  requests: { method: string; path: string }[];
  /** Connections accepted so far, and those still open. */
  connections: number;
  openSockets(): number;
  close(): Promise<void>;
}

/** 2026-03-10T12:00:00Z, a fixture step time. */
const AT = String(Date.UTC(2026, 2, 10, 12) / 1000);
const COUNT = { query: 'count(probe_success)', time: AT };
const UNAVAILABLE = JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'overloaded' });

async function startFaultProxy(target: string, script: (index: number) => Fault): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const hanging: ServerResponse[] = [];
  const proxy: Omit<FaultProxy, 'url' | 'close'> & { connections: number } = {
    requests: [],
    connections: 0,
    openSockets: () => sockets.size,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const fault = script(proxy.requests.length);
    proxy.requests.push({ method: req.method ?? '', path: req.url ?? '' });
    if (fault === 'hang') return void hanging.push(res);
    if (fault === 'drop') return void req.socket.destroy();
    if (fault !== 'forward') {
      req.resume();
      return void res.writeHead(fault.status, { 'content-type': 'application/json' }).end(fault.body);
    }
    const outgoing = forward(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(outgoing);
  });
  server.on('connection', (socket: Socket) => {
    proxy.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A proxy in front of fixture A with the given script, and a PrometheusHttp through it. */
async function through(
  script: (index: number) => Fault,
  timeoutMs = 5_000,
): Promise<{ proxy: FaultProxy; http: PrometheusHttp }> {
  const proxy = await startFaultProxy(inject('prometheusFixtureAUrl'), script);
  const config = backendSchema.parse({ id: 'faulty', kind: 'prometheus', url: proxy.url, timeoutMs });
  const http = new PrometheusHttp(config as PrometheusBackendConfig);
  cleanups.push(async () => {
    await http.close();
    await proxy.close();
  });
  return { proxy, http };
}

/** The value of a one-sample vector answer. */
function only(data: QueryData): string | undefined {
  return data.resultType === 'vector' ? data.result[0]?.value[1] : undefined;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('reads are retried where retrying can help', () => {
  it.each([429, 502, 503, 504])('a read answered %i twice is retried and succeeds', async (status) => {
    const { proxy, http } = await through((index) => (index < 2 ? { status, body: UNAVAILABLE } : 'forward'));
    const answer = await http.read('query', queryAnswer, COUNT);
    expect(only(answer.data)).toBe(String(FIXTURE_A.probes.length));
    expect(proxy.requests).toHaveLength(3);
  });

  it('a dropped connection is retried', async () => {
    const { proxy, http } = await through((index) => (index === 0 ? 'drop' : 'forward'));
    expect(only(await http.get('query', queryAnswer, COUNT))).toBe(String(FIXTURE_A.probes.length));
    expect(proxy.requests).toHaveLength(2);
  });

  it('retries are bounded: a server that keeps answering 503 is asked three times', async () => {
    const { proxy, http } = await through(() => ({ status: 503, body: UNAVAILABLE }));
    const error = await rejection(http.get('query', queryAnswer, COUNT));
    expect(error).toBeInstanceOf(PrometheusApiError);
    expect(error).toMatchObject({ status: 503, errorType: 'unavailable' });
    expect(proxy.requests).toHaveLength(3);
  });
});

describe('reads are not retried where retrying cannot help', () => {
  it.each([
    ['a query Prometheus cannot parse (400)', 'sum(probe_success', 400, 'bad_data'],
    ['a query that fails to execute (422)', 'probe_success + on(job) probe_success', 422, 'execution'],
  ])('%s', async (_what, query, status, errorType) => {
    const { proxy, http } = await through(() => 'forward');
    const error = await rejection(http.get('query', queryAnswer, { query, time: AT }));
    expect(error).toMatchObject({ status, errorType });
    expect(proxy.requests).toHaveLength(1);
  });

  it('a read that timed out is not retried', async () => {
    const { proxy, http } = await through(() => 'hang', 300);
    const error = await rejection(http.get('query', queryAnswer, COUNT));
    expect((error as Error).name).toMatch(/TimeoutError|AbortError/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(proxy.requests).toHaveLength(1);
  });

  it('a query Prometheus itself timed out (503, errorType timeout) is not retried', async () => {
    const { proxy, http } = await through(() => 'forward');
    const heavy = 'max_over_time(sum(rate(sni_http_response_count_total[5m]))[30d:1m])';
    const error = await rejection(http.get('query', queryAnswer, { query: heavy, time: AT, timeout: '1ms' }));
    expect(error).toMatchObject({ status: 503, errorType: 'timeout' });
    expect(proxy.requests).toHaveLength(1);
  });
});

describe("answers are checked against their endpoint's shape", () => {
  it('a malformed answer is refused, naming the endpoint, and not retried: it would come back the same', async () => {
    const { proxy, http } = await through(() => ({ status: 200, body: '{"status":"success","data":["up",42,null]}' }));
    const error = await rejection(http.get('label/__name__/values', stringListAnswer));
    expect(error).toBeInstanceOf(MalformedAnswerError);
    expect(error).toMatchObject({
      message: 'malformed answer to /api/v1/label/__name__/values',
      status: 200,
      problem: 'data.1: Invalid input: expected string, received number',
    });
    expect(proxy.requests).toHaveLength(1);
  });

  it("malformed answers are the server's failures: five in a row open the circuit", async () => {
    const { proxy, http } = await through(() => ({ status: 200, body: '{"status":"success","data":null}' }));
    for (let call = 0; call < 5; call += 1) await rejection(http.get('label/__name__/values', stringListAnswer));
    expect(http.circuit).toBe('open');
    expect(await rejection(http.get('label/__name__/values', stringListAnswer))).toBeInstanceOf(CircuitOpenError);
    expect(proxy.requests).toHaveLength(5);
  });

  it('a 502 without an envelope is still the server failing, not a malformed answer', async () => {
    const { http } = await through((index) =>
      index < 3 ? { status: 502, body: '<html>bad gateway</html>' } : 'forward',
    );
    const error = await rejection(http.get('query', queryAnswer, COUNT));
    expect(error).toBeInstanceOf(PrometheusApiError);
    expect(error).toMatchObject({ status: 502, message: 'HTTP 502: not a Prometheus API response' });
  });
});

describe('the connection pool', () => {
  it('parameters too long for a URL go in a POST body', async () => {
    const { proxy, http } = await through(() => 'forward');
    const long = `count(probe_success)${' + 0'.repeat(600)}`;
    expect(only(await http.get('query', queryAnswer, { query: long, time: AT }))).toBe(String(FIXTURE_A.probes.length));
    expect(proxy.requests.map(({ method }) => method)).toEqual(['POST']);
  });

  it('sequential reads reuse kept-alive connections', async () => {
    const { proxy, http } = await through(() => 'forward');
    for (let index = 0; index < 10; index += 1) await http.get('query', queryAnswer, COUNT);
    expect(proxy.requests).toHaveLength(10);
    // undici may hand a request to a second socket while the first is being released.
    expect(proxy.connections).toBeLessThanOrEqual(2);
  });

  it('a burst of reads opens no more connections than the pool allows', async () => {
    const { proxy, http } = await through(() => 'forward');
    const answers = await Promise.all(
      Array.from({ length: 3 * DEFAULT_HTTP_OPTIONS.maxConnections }, () => http.get('query', queryAnswer, COUNT)),
    );
    expect(answers.map(only)).toEqual(answers.map(() => String(FIXTURE_A.probes.length)));
    expect(proxy.connections).toBeLessThanOrEqual(DEFAULT_HTTP_OPTIONS.maxConnections);
  });

  it('close() releases the pool: its connections close and reads are refused', async () => {
    const proxy = await startFaultProxy(inject('prometheusFixtureAUrl'), () => 'forward');
    cleanups.push(() => proxy.close());
    const config = backendSchema.parse({ id: 'closing', kind: 'prometheus', url: proxy.url });
    const http = new PrometheusHttp(config as PrometheusBackendConfig);
    await Promise.all([
      http.get('query', queryAnswer, COUNT),
      http.get('query', queryAnswer, COUNT),
      http.get('query', queryAnswer, COUNT),
    ]);
    expect(proxy.openSockets()).toBeGreaterThan(0);
    await http.close();
    await expect.poll(() => proxy.openSockets(), { timeout: 2_000 }).toBe(0);
    await expect(http.get('query', queryAnswer, COUNT)).rejects.toThrow();
    expect(proxy.requests).toHaveLength(3);
  });
});
