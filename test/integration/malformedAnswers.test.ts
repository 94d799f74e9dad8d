/**
 * Malformed answers from a Prometheus-API backend (a fake on loopback) to every endpoint Almanac
 * reads: each is BACKEND_QUERY_FAILED naming the endpoint and the backend, never an internal
 * error, and no response shows the backend's address, a stack frame or a JavaScript error's
 * text; in a fan-out beside the harness's real backends it costs only that backend's part.
 *
 * Every case asks a backend of its own (the fake serves many, one per path prefix), so the
 * circuit breaker of one never opens on another case's failures.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../../src/client/generated/index.js';
import { harnessBackends, startTestGateway, type TestGateway } from '../harness/gateway.js';
import { startFakePrometheusApi, type FakeAnswer, type FakePrometheusApi } from '../harness/fakePrometheusApi.js';
import { nearlyRight } from '../harness/prometheusAnswerArbitraries.js';
import { query } from '../harness/tokens.js';

/**
 * Waits until the harness Prometheus has scraped itself once (it has `prometheus_build_info`
 * from then on): a file run alone may start before its first scrape.
 */
async function scrapedItself(): Promise<void> {
  const url = new URL('api/v1/query?query=prometheus_build_info', `${inject('prometheusUrl').replace(/\/?$/, '/')}`);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer = (await (await fetch(url)).json()) as { data?: { result?: unknown[] } };
    if ((answer.data?.result?.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the harness Prometheus has not scraped itself within 20 s');
}

/** One read of the GraphQL API and the Prometheus endpoint it makes the backend `$b` answer. */
interface Read {
  endpoint: string;
  document: string;
}

/** Everything of a PromResult that shows what came back. */
const PROM_RESULT =
  'resultType series { metric labels { name value } samples { time value nonFinite text } columns { times values } } scalar { time text } string';

const READS = {
  'metrics lists metric names': {
    endpoint: 'label/__name__/values',
    document: 'query ($b: ID) { metrics(backend: $b, first: 5) { totalCount } }',
  },
  'metrics describes them': {
    endpoint: 'metadata',
    document: 'query ($b: ID) { metrics(backend: $b, first: 5) { edges { node { name type } } } }',
  },
  labelNames: {
    endpoint: 'labels',
    document: 'query ($b: ID) { metric(name: "up", backend: $b) { labelNames } }',
  },
  labelValues: {
    endpoint: 'label/job/values',
    document: 'query ($b: ID) { metric(name: "up", backend: $b) { labelValues(name: "job") } }',
  },
  promql: {
    endpoint: 'query',
    document: `query ($b: ID) { promql(query: "up", backend: $b) { ${PROM_RESULT} } }`,
  },
  promqlRange: {
    endpoint: 'query_range',
    document: `query ($b: ID) { promqlRange(query: "up", start: "T-1h", step: 60, backend: $b) { ${PROM_RESULT} } }`,
  },
  series: {
    endpoint: 'query_range',
    document:
      'query ($b: ID) { series(query: { metric: "up", backend: $b, duration: 3600, resolution: 60 }) { series { nodes { tags { name value } points { time value } } } } }',
  },
} satisfies Record<string, Read>;

type ReadName = keyof typeof READS;
const READ_NAMES = Object.keys(READS) as ReadName[];

const success = (data: unknown): FakeAnswer => ({ status: 200, body: JSON.stringify({ status: 'success', data }) });
const raw = (body: string): FakeAnswer => ({ status: 200, body });

/** Answers of the wrong shape for any endpoint: no envelope, a broken one, or no JSON. */
const BROKEN_ENVELOPES: [string, FakeAnswer][] = [
  ['not JSON', raw('<html>ok</html>')],
  ['JSON null', raw('null')],
  ['a list', raw('[]')],
  ['an unknown status', raw('{"status":"ok","data":[]}')],
  ['warnings that are not text', raw('{"status":"success","data":[],"warnings":[1]}')],
  ['no data', raw('{"status":"success"}')],
];

const LIST_DATA: unknown[] = [['up', 42, null], null, { up: true }, 'up'];
const VECTOR_DATA: unknown[] = [
  { resultType: 'vector', result: null },
  { resultType: 'vector', result: [{ metric: null, value: [1, '1'] }] },
  { resultType: 'vector', result: [{ metric: {}, value: '1' }] },
  { resultType: 'vector' },
  { resultType: 'histogram', result: [] },
  null,
];
const MATRIX_DATA: unknown[] = [
  { resultType: 'matrix', result: [{ metric: {}, values: [[1, 2]] }] },
  { resultType: 'matrix', result: [{ metric: { job: 7 }, values: [] }] },
  { resultType: 'matrix', result: [{ metric: {}, values: null }] },
  { resultType: 'matrix', result: {} },
  [],
];

/** Well-enveloped data of the wrong shape for each endpoint. */
const BROKEN_DATA: Record<string, unknown[]> = {
  'label/__name__/values': LIST_DATA,
  labels: LIST_DATA,
  'label/job/values': LIST_DATA,
  metadata: [['up'], { up: { type: 'gauge' } }, { up: [null] }, { up: [{ type: 1 }] }, null],
  query: VECTOR_DATA,
  query_range: MATRIX_DATA,
};

const CASES = READ_NAMES.flatMap((name) => [
  ...BROKEN_ENVELOPES.map(([what, answer]) => ({ name, what, answer })),
  ...(BROKEN_DATA[READS[name].endpoint] ?? []).map((data) => ({
    name,
    what: JSON.stringify(data),
    answer: success(data),
  })),
]);
const FUZZ_RUNS = 60;
const HEALTH_CASES = 3;
const POOL = CASES.length + FUZZ_RUNS + HEALTH_CASES;

let fake: FakePrometheusApi;
let gateway: TestGateway;
let used = 0;

beforeAll(async () => {
  fake = await startFakePrometheusApi();
  // The native store holds the gateway's own records (tokens, usage); the fakes are the rest.
  const [native] = harnessBackends();
  gateway = await startTestGateway([
    ...(native ? [native] : []),
    ...Array.from({ length: POOL }, (_, index) => ({
      id: `b${index}`,
      kind: 'prometheus' as const,
      url: fake.urlOf(`b${index}`),
      timeoutMs: 2_000,
    })),
  ]);
});
afterAll(async () => {
  await gateway.close();
  await fake.close();
});

/** A backend no case has asked yet, answering `endpoint` with `answer`. */
function freshBackend(endpoint: string, answer: FakeAnswer): string {
  const id = `b${used}`;
  used += 1;
  if (used > POOL) throw new Error('more cases than backends: raise POOL');
  fake.script(id, endpoint, answer);
  return id;
}

interface Reply {
  status: number;
  text: string;
  errors: { message: string; extensions: Record<string, unknown> }[];
}

async function ask(document: string, backend: string): Promise<Reply> {
  const response = await gateway.graphql(document, { variables: { b: backend } });
  const text = await response.text();
  const { errors = [] } = JSON.parse(text) as { errors?: Reply['errors'] };
  return { status: response.status, text, errors };
}

/** Whatever the answer, nothing of the backend's address, of a stack or of JavaScript's own errors shows. */
function expectNothingInternal(reply: Reply): void {
  expect(reply.status).toBe(200);
  expect(reply.text).not.toContain(new URL(fake.origin).host);
  expect(reply.text).not.toContain('127.0.0.1');
  const errors = JSON.stringify(reply.errors);
  expect(errors).not.toContain('INTERNAL_SERVER_ERROR');
  expect(errors).not.toMatch(/\bat \S+ \(|\.[cm]?[jt]s:\d+|stacktrace/);
  expect(errors).not.toMatch(
    /TypeError|RangeError|SyntaxError|is not a function|is not iterable|Cannot read|undefined/,
  );
}

function malformed(backend: string, endpoint: string) {
  return {
    message: `backend "${backend}": malformed answer to /api/v1/${endpoint}`,
    extensions: expect.objectContaining({
      code: 'BACKEND_QUERY_FAILED',
      backend,
      upstreamStatus: 200,
      errorType: null,
    }) as unknown,
  };
}

const BackendHealthOf = graphql(`
  query BackendHealthOf($b: ID!) {
    backend(id: $b) {
      health {
        ok
        error
      }
    }
  }
`);

describe('a malformed answer is BACKEND_QUERY_FAILED naming the endpoint', () => {
  it.each(CASES)('$name, answered with $what', async ({ name, answer }) => {
    const { endpoint, document } = READS[name];
    const backend = freshBackend(endpoint, answer);
    const reply = await ask(document, backend);
    expectNothingInternal(reply);
    expect(reply.errors).toEqual([expect.objectContaining(malformed(backend, endpoint))]);
  });

  it.each([
    ['label values with a number and a null', success(['up', 42, null])],
    ['a vector without samples', success({ resultType: 'vector', result: [{ metric: {} }] })],
    ['no JSON', raw('')],
  ])("a health probe answered with %s says so, and the backend isn't healthy", async (_what, answer) => {
    const backend = freshBackend('query', answer);
    const reply = await query(gateway, BackendHealthOf, { variables: { b: backend } });
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.backend?.health).toEqual({ ok: false, error: 'malformed answer to /api/v1/query' });
  });
});

/** Any JSON as `data`, any JSON as the whole body, or any text: each endpoint's answer fuzzed. */
const answers = fc.oneof(
  nearlyRight.map(success),
  fc.jsonValue().map(success),
  fc.jsonValue().map((value) => raw(JSON.stringify(value))),
  fc.string().map(raw),
);

describe('fuzz: any answer to any endpoint', () => {
  test.prop([fc.constantFrom(...READ_NAMES), answers], { numRuns: FUZZ_RUNS, endOnFailure: true })(
    'is read or refused as malformed, and never shows internals',
    async (name, answer) => {
      const { endpoint, document } = READS[name];
      const backend = freshBackend(endpoint, answer);
      const reply = await ask(document, backend);
      expectNothingInternal(reply);
      for (const error of reply.errors) expect(error).toEqual(expect.objectContaining(malformed(backend, endpoint)));
    },
  );
});

const BuildInfoMetrics = graphql(`
  query BuildInfoMetrics {
    metrics(name: "prometheus_build_info", first: 10) {
      totalCount
      edges {
        node {
          name
          backend
        }
      }
    }
  }
`);

const BuildInfoSeries = graphql(`
  query BuildInfoSeries {
    series(query: { metric: "prometheus_build_info", duration: 300, resolution: 60 }) {
      series {
        nodes {
          backend
        }
      }
    }
  }
`);

describe('a malformed answer in a fan-out costs only that backend', () => {
  let mixed: TestGateway;
  let bad: FakePrometheusApi;

  beforeAll(async () => {
    bad = await startFakePrometheusApi();
    bad.script('bad', 'label/__name__/values', success(['prometheus_build_info', 42, null]));
    bad.script('bad', 'query_range', success({ resultType: 'matrix', result: [{ metric: null, values: [] }] }));
    mixed = await startTestGateway([
      ...harnessBackends(),
      { id: 'bad', kind: 'prometheus', url: bad.urlOf('bad'), timeoutMs: 2_000 },
    ]);
    await scrapedItself();
  });
  afterAll(async () => {
    await mixed.close();
    await bad.close();
  });

  it('metrics lists the healthy backends with the error on the metrics path', async () => {
    const reply = await query(mixed, BuildInfoMetrics);
    expect(reply.data?.metrics).toEqual({
      totalCount: 1,
      edges: [{ node: { name: 'prometheus_build_info', backend: 'prometheus' } }],
    });
    expect(reply.errors).toEqual([
      expect.objectContaining({ path: ['metrics'], ...malformed('bad', 'label/__name__/values') }),
    ]);
  });

  it("series returns the healthy backends' series with the error on the series path", async () => {
    const reply = await query(mixed, BuildInfoSeries);
    expect(reply.data?.series.series.nodes).toEqual([{ backend: 'prometheus' }]);
    expect(reply.errors).toEqual([expect.objectContaining({ path: ['series'], ...malformed('bad', 'query_range') })]);
  });
});
