/**
 * Partial results as a contract: a backend that refuses, hangs or has its circuit open inside a
 * fan-out costs only its own part, says so on the field's path with a coded error that shows no
 * upstream text, and every response that called backends says how each took part in
 * `extensions.backends`. `partial: REQUIRE_ALL` makes a fan-out all or nothing; a hung backend
 * costs a request at most its `timeoutMs`, discovery included.
 *
 * Against the harness's native store and its fixture Prometheus (data backfilled at fixed
 * times, so its metrics are there from the start), and backends served by a fake Prometheus
 * API on loopback, one per path prefix, each with its own circuit.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BackendConfigInput } from '../../src/config/schema.js';
import { harnessBackends, startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import { startFakePrometheusApi, type FakeAnswer, type FakePrometheusApi } from '../harness/fakePrometheusApi.js';
import { FIXTURE_START } from '../harness/prometheusFixtures.js';

/** What a Mimir-like backend answers a query past its limits: 422, with its own text. */
const SECRET = 'dial tcp 10.1.2.3:9009 password=hunter2';
const REFUSED: FakeAnswer = {
  status: 422,
  body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: `max series limit exceeded (${SECRET})` }),
};
const UNAVAILABLE: FakeAnswer = {
  status: 503,
  body: JSON.stringify({ status: 'error', errorType: 'unavailable', error: `ingester down at ${SECRET}` }),
};

/** The native store and a Prometheus with the fixture data: the backends that answer. */
function healthy(): BackendConfigInput[] {
  return [
    ...harnessBackends().filter((backend) => backend.kind === 'native'),
    { id: 'prometheus', kind: 'prometheus', url: inject('prometheusFixtureAUrl'), timeoutMs: 3_000 },
  ];
}

interface Reply {
  data: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> }[];
  extensions?: { backends?: { id: string; status: string; ms: number }[] };
}

async function ask(gateway: TestGateway, query: string): Promise<{ reply: Reply; text: string; ms: number }> {
  const started = performance.now();
  const response = await gateway.graphql(query);
  const text = await response.text();
  return { reply: JSON.parse(text) as Reply, text, ms: performance.now() - started };
}

const TOTAL = '{ metrics(first: 5) { totalCount edges { node { backend } } } }';
const TOTAL_ALL = '{ metrics(first: 5, partial: REQUIRE_ALL) { totalCount } }';
/** An hour of the fixture's `probe_success`, which only the fixture Prometheus has. */
const WINDOW = `start: "${new Date(FIXTURE_START * 1000).toISOString()}", duration: 3600, resolution: 300`;
const PROBE_SERIES = `{ series(query: { metric: "probe_success", ${WINDOW} }) { series { nodes { backend } } } }`;
const PROBE_SERIES_ALL = `{ series(query: { metric: "probe_success", ${WINDOW} }, partial: REQUIRE_ALL) { series { nodes { backend } } } }`;

describe('a backend that refuses the queries Almanac makes (HTTP 422) beside healthy ones', () => {
  let fake: FakePrometheusApi;
  let gateway: TestGateway;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    fake = await startFakePrometheusApi();
    for (const endpoint of ['label/__name__/values', 'query_range', 'query'])
      fake.script('refusing', endpoint, REFUSED);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    gateway = await startTestGateway(
      [...healthy(), { id: 'refusing', kind: 'prometheus', url: fake.urlOf('refusing'), timeoutMs: 2_000 }],
      { logger: pino({ level: 'warn' }, sink) },
    );
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
  });

  it('metrics lists the healthy backends, with BACKEND_QUERY_FAILED for the refusing one and none of its text', async () => {
    const { reply, text } = await ask(gateway, TOTAL);
    const metrics = reply.data?.metrics as { totalCount: number; edges: { node: { backend: string } }[] };
    expect(metrics.totalCount).toBeGreaterThan(0);
    expect(new Set(metrics.edges.map(({ node }) => node.backend))).not.toContain('refusing');
    expect(reply.errors).toEqual([
      {
        message: 'backend "refusing": refused the query: HTTP 422 (bad_data)',
        path: ['metrics'],
        extensions: {
          code: 'BACKEND_QUERY_FAILED',
          backend: 'refusing',
          reason: 'UPSTREAM_ERROR',
          upstreamStatus: 422,
          errorType: 'bad_data',
          requestId: expect.any(String),
        },
      },
    ]);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('10.1.2.3');
    expect(text).not.toContain(fake.origin);
  });

  it('the refusal is logged once with the request id and the upstream text, for the operator', async () => {
    logLines.length = 0;
    const { reply } = await ask(gateway, TOTAL);
    const requestId = reply.errors?.[0]?.extensions.requestId;
    const logged = logLines.filter((line) => String(line.msg).startsWith('backend failure'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ reqId: requestId, backend: 'refusing', reason: 'UPSTREAM_ERROR' });
    expect(JSON.stringify(logged[0])).toContain('hunter2');
  });

  it('a series query naming no backend returns the healthy series, with the refusal on the series path', async () => {
    const { reply, text } = await ask(gateway, PROBE_SERIES);
    const nodes = (reply.data?.series as { series: { nodes: { backend: string }[] } }).series.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map((node) => node.backend))).toEqual(new Set(['prometheus']));
    expect(reply.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_QUERY_FAILED', backend: 'refusing', upstreamStatus: 422 } },
    ]);
    expect(text).not.toContain('hunter2');
  });

  it('extensions.backends says which backends answered and which failed', async () => {
    const { reply } = await ask(gateway, TOTAL);
    expect(reply.extensions?.backends).toEqual([
      { id: 'native', status: 'ANSWERED', ms: expect.any(Number) },
      { id: 'prometheus', status: 'ANSWERED', ms: expect.any(Number) },
      { id: 'refusing', status: 'FAILED', ms: expect.any(Number) },
    ]);
  });

  it('partial: REQUIRE_ALL makes metrics and series all or nothing', async () => {
    const metrics = await ask(gateway, TOTAL_ALL);
    expect(metrics.reply.data).toBeNull();
    expect(metrics.reply.errors).toMatchObject([
      { path: ['metrics'], extensions: { code: 'BACKEND_QUERY_FAILED', backend: 'refusing' } },
    ]);
    const series = await ask(gateway, PROBE_SERIES_ALL);
    expect(series.reply.data).toBeNull();
    expect(series.reply.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_QUERY_FAILED', backend: 'refusing' } },
    ]);
  });

  it('partial: REQUIRE_ALL answers in full when every backend answered', async () => {
    const { reply } = await ask(
      gateway,
      '{ metrics(first: 1, backend: "prometheus", partial: REQUIRE_ALL) { totalCount } }',
    );
    expect(reply.errors).toBeUndefined();
    expect((reply.data?.metrics as { totalCount: number }).totalCount).toBeGreaterThan(0);
  });

  it('metrics naming only the refusing backend answers an empty page with its coded error, not BAD_USER_INPUT', async () => {
    const { reply } = await ask(gateway, '{ metrics(first: 5, backend: "refusing") { totalCount } }');
    expect(reply.data).toEqual({ metrics: { totalCount: 0 } });
    expect(reply.errors).toMatchObject([{ extensions: { code: 'BACKEND_QUERY_FAILED', backend: 'refusing' } }]);
  });
});

describe("the user's own PromQL refused", () => {
  let fake: FakePrometheusApi;
  let gateway: TestGateway;

  beforeAll(async () => {
    fake = await startFakePrometheusApi();
    const long = 'x'.repeat(1_000);
    fake.script('strict', 'query', {
      status: 400,
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: `1:5: parse error: unexpected ")" ${long}\nsecond line at ${SECRET}`,
      }),
    });
    gateway = await startTestGateway([
      ...healthy(),
      { id: 'strict', kind: 'prometheus', url: fake.urlOf('strict'), timeoutMs: 2_000 },
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
  });

  it("is BAD_USER_INPUT with the first line of the backend's message, at most 240 characters", async () => {
    const { reply, text } = await ask(gateway, '{ promql(query: "sum(up))", backend: "strict") { resultType } }');
    expect(reply.errors).toHaveLength(1);
    const [error] = reply.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', backend: 'strict', errorType: 'bad_data' });
    expect(error?.message.startsWith('strict: 1:5: parse error: unexpected ")" xxx')).toBe(true);
    expect(error?.message).toHaveLength('strict: '.length + 240);
    expect(text).not.toContain('second line');
    expect(text).not.toContain('hunter2');
  });

  it('a 5xx answer to it is BACKEND_UNAVAILABLE with the status, without the upstream text', async () => {
    fake.script('strict', 'query', UNAVAILABLE);
    const { reply, text } = await ask(gateway, '{ promql(query: "up", backend: "strict") { resultType } }');
    expect(reply.errors).toMatchObject([
      {
        message: 'backend "strict" is unavailable: the server answered HTTP 503 (unavailable)',
        extensions: { code: 'BACKEND_UNAVAILABLE', reason: 'UPSTREAM_ERROR', upstreamStatus: 503 },
      },
    ]);
    expect(text).not.toContain('hunter2');
  });
});

describe('a backend that hangs', () => {
  let fake: FakePrometheusApi;
  let gateway: TestGateway;
  let slowGateway: TestGateway;

  beforeAll(async () => {
    fake = await startFakePrometheusApi();
    for (const endpoint of ['label/__name__/values', 'metadata', 'query_range', 'labels']) fake.hang('hung', endpoint);
    // Knows the metric after 600 ms, then never answers the read.
    fake.script('slow', 'label/__name__/values', {
      status: 200,
      body: JSON.stringify({ status: 'success', data: ['probe_success'] }),
      delayMs: 600,
    });
    fake.hang('slow', 'query_range');
    gateway = await startTestGateway([
      ...healthy(),
      { id: 'hung', kind: 'prometheus', url: fake.urlOf('hung'), timeoutMs: 1_000 },
    ]);
    slowGateway = await startTestGateway([
      ...healthy(),
      { id: 'slow', kind: 'prometheus', url: fake.urlOf('slow'), timeoutMs: 1_000 },
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await slowGateway.close();
    await fake.close();
  });

  it('costs a series fan-out at most one timeoutMs, discovery and read together', async () => {
    const { reply, ms } = await ask(gateway, PROBE_SERIES);
    // Discovery (metric names) waits out the 1 s; the read then has no budget left.
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1_700);
    const nodes = (reply.data?.series as { series: { nodes: { backend: string }[] } }).series.nodes;
    expect(new Set(nodes.map((node) => node.backend))).toEqual(new Set(['prometheus']));
    expect(reply.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'hung', reason: 'TIMEOUT' } },
    ]);
    const hung = reply.extensions?.backends?.find((backend) => backend.id === 'hung');
    expect(hung?.status).toBe('TIMED_OUT');
    expect(hung?.ms).toBeGreaterThanOrEqual(950);
    expect(hung?.ms).toBeLessThan(1_500);
  });

  it('a metrics page answers within one timeoutMs, with the other backends’ metrics', async () => {
    const { reply, ms } = await ask(gateway, TOTAL);
    expect(ms).toBeLessThan(1_700);
    expect((reply.data?.metrics as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect(reply.errors).toMatchObject([{ extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'hung' } }]);
  });

  it('a read after a slow discovery gets only what is left of the timeoutMs', async () => {
    const { reply, ms } = await ask(slowGateway, PROBE_SERIES);
    // 600 ms of discovery leave the read 400 ms: 1 s in all, not 600 ms + 1 s.
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1_350);
    expect(reply.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'slow', reason: 'TIMEOUT' } },
    ]);
    expect(reply.extensions?.backends?.find((backend) => backend.id === 'slow')).toEqual({
      id: 'slow',
      status: 'TIMED_OUT',
      ms: expect.closeTo(1_000, -2),
    });
  });

  it('partial: REQUIRE_ALL fails with the timed-out backend’s error, within its timeoutMs', async () => {
    const { reply, ms } = await ask(gateway, PROBE_SERIES_ALL);
    expect(ms).toBeLessThan(1_350);
    expect(reply.data).toBeNull();
    expect(reply.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'hung', reason: 'TIMEOUT' } },
    ]);
  });
});

describe('a backend whose circuit is open', () => {
  let fake: FakePrometheusApi;
  let gateway: TestGateway;

  beforeAll(async () => {
    fake = await startFakePrometheusApi();
    fake.script('flaky', 'label/__name__/values', UNAVAILABLE);
    gateway = await startTestGateway([
      ...healthy(),
      { id: 'flaky', kind: 'prometheus', url: fake.urlOf('flaky'), timeoutMs: 2_000 },
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
  });

  it('is not asked, and is reported SKIPPED_OPEN_CIRCUIT', async () => {
    // Five failed calls within 10 s open the circuit (prometheusHttp.ts).
    for (let call = 0; call < 5; call += 1)
      await ask(gateway, '{ metrics(first: 1, backend: "flaky") { totalCount } }');
    const circuit = await ask(gateway, '{ backend(id: "flaky") { circuit } }');
    expect(circuit.reply.data).toEqual({ backend: { circuit: 'OPEN' } });
    const asked = fake.requestsTo('flaky', 'label/__name__/values');
    const { reply } = await ask(gateway, TOTAL);
    expect(fake.requestsTo('flaky', 'label/__name__/values')).toBe(asked);
    expect(reply.extensions?.backends).toContainEqual({ id: 'flaky', status: 'SKIPPED_OPEN_CIRCUIT', ms: 0 });
    expect(reply.errors).toMatchObject([
      { path: ['metrics'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'flaky', reason: 'CIRCUIT_OPEN' } },
    ]);
  });
});

describe('a batch of operations', () => {
  let fake: FakePrometheusApi;
  let gateway: TestGateway;

  beforeAll(async () => {
    fake = await startFakePrometheusApi();
    fake.script('refusing', 'label/__name__/values', REFUSED);
    gateway = await startTestGateway([
      ...healthy(),
      { id: 'refusing', kind: 'prometheus', url: fake.urlOf('refusing'), timeoutMs: 2_000 },
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
  });

  it("reports in each operation's answer only the backends that operation called", async () => {
    const response = await fetch(new URL('graphql', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: JSON.stringify([
        { query: '{ metrics(first: 1) { totalCount } }' },
        { query: '{ metrics(first: 1, backend: "prometheus") { totalCount } }' },
        { query: '{ backends { id } }' },
      ]),
    });
    const [all, one, none] = (await response.json()) as Reply[];
    expect(all?.extensions?.backends?.map(({ id, status }) => [id, status])).toEqual([
      ['native', 'ANSWERED'],
      ['prometheus', 'ANSWERED'],
      ['refusing', 'FAILED'],
    ]);
    expect(all?.errors).toMatchObject([{ extensions: { code: 'BACKEND_QUERY_FAILED', backend: 'refusing' } }]);
    expect(one?.extensions?.backends).toEqual([{ id: 'prometheus', status: 'ANSWERED', ms: expect.any(Number) }]);
    expect(one?.errors).toBeUndefined();
    expect(none?.extensions?.backends).toBeUndefined();
  });
});
