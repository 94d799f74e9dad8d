/**
 * What an upstream says never reaches a client: a fuzz of answers from a Prometheus-API backend
 * (a fake on loopback) to every endpoint Almanac reads — any JSON, the envelope around data of
 * the wrong shape, text, HTML, any status, and error envelopes whose text holds an address, a
 * password and a path — and no response body shows the fake's address or port, a stack frame,
 * JavaScript's own error texts or the planted secrets. The one exception is a PromQL expression
 * the upstream refused (`promql`, `promqlRange` answered 400 or 422 with `bad_data` or
 * `execution`): the first line of its text, bounded, is the user's to read. Then a dead backend
 * and a native store whose Redis is dead: their messages name the backend, never host:port or
 * ioredis's texts.
 *
 * Every read of a case asks a backend of its own (the fake serves many, one per path prefix),
 * reset once read, so no circuit breaker opens on another read's failures and fan-outs meet
 * only the case's one misbehaving backend.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAD_PROMETHEUS_URL, harnessBackends, startTestGateway, type TestGateway } from '../harness/gateway.js';
import { startFakePrometheusApi, type FakeAnswer, type FakePrometheusApi } from '../harness/fakePrometheusApi.js';
import { json, nearlyRight } from '../harness/prometheusAnswerArbitraries.js';
import { deadRedisTarget } from '../harness/redis.js';

const RUNS_PER_ENDPOINT = 30;
/** How much of a refused expression's first line a client may read. */
const PASS_THROUGH_MAX = 240;

/** What the planted error texts hold, and no response may. */
/** `:9090`, not `9090`: a request id (a UUID) may hold those digits by chance. */
const SECRETS = ['10.1.2.3', ':9090', 'hunter2', '/var/lib/prom'];
/** Stack frames and JavaScript's own error texts. */
const INTERNALS = [
  'ECONNREFUSED',
  '    at ',
  '.ts:',
  '.js:',
  'is not a function',
  'is not iterable',
  'Cannot read properties',
  'undefined',
  'TypeError',
  'SyntaxError',
  'Unexpected token',
];

const PROM_RESULT =
  'backend resultType warnings string series { metric labels { name value } samples { time value text } } scalar { time text }';
const SERIES_NODES = 'series { nodes { backend tags { name value } points { time value } } }';
const CALENDAR =
  'virtualTimeseries(metric: $m, calendar: "#P1D", observed: HIGH, range: "between(2026-03-01, 2026-03-02)") { level points { label value count } }';

/** A viewer's query; `$b` is the backend it asks (unused by a fan-out), `$m` its `up` as `b/up`. */
const READS = {
  'metrics of one backend': 'query ($b: ID) { metrics(backend: $b, first: 5) { totalCount } }',
  'metrics of every backend': 'query { metrics(first: 500) { totalCount } }',
  'typed metrics of one backend':
    'query ($b: ID) { metrics(backend: $b, first: 5) { edges { node { name type description unit } } } }',
  'typed metrics of every backend': 'query { metrics(first: 500) { edges { node { name backend type } } } }',
  'series of one backend': `query ($b: ID) { series(query: { metric: "up", backend: $b, duration: 3600, resolution: 60 }) { ${SERIES_NODES} } }`,
  'series of every backend': `query { series(query: { metric: "up", duration: 3600, resolution: 60 }) { ${SERIES_NODES} } }`,
  'series filtered by a tag': `query ($b: ID) { series(query: { metric: "up", backend: $b, duration: 3600, resolution: 60, tags: [{ name: "job", value: "node" }] }) { ${SERIES_NODES} } }`,
  labelNames: 'query ($b: ID) { metric(name: "up", backend: $b) { labelNames } }',
  labelValues: 'query ($b: ID) { metric(name: "up", backend: $b) { labelValues(name: "job") } }',
  promql: `query ($b: ID) { promql(query: "up", backend: $b) { ${PROM_RESULT} } }`,
  promqlRange: `query ($b: ID) { promqlRange(query: "up", start: "T-1h", step: 60, backend: $b) { ${PROM_RESULT} } }`,
  'backend health': 'query ($b: ID!) { backend(id: $b) { health { ok error } circuit } }',
  'a calendar of the metric': `query ($m: String!) { ${CALENDAR} }`,
} satisfies Record<string, string>;

type ReadName = keyof typeof READS;

/** Every endpoint Almanac reads (prometheusBackend.ts), with the reads that make it ask there. */
const ENDPOINTS: Record<string, ReadName[]> = {
  'label/__name__/values': [
    'metrics of one backend',
    'metrics of every backend',
    'series of one backend',
    'series of every backend',
  ],
  metadata: ['typed metrics of one backend', 'typed metrics of every backend', 'a calendar of the metric'],
  labels: ['labelNames', 'series filtered by a tag'],
  'label/job/values': ['labelValues'],
  query: ['promql', 'backend health', 'a calendar of the metric'],
  query_range: ['promqlRange', 'series of one backend', 'series of every backend', 'a calendar of the metric'],
};

/** Reads whose refused expression the user wrote, and may read the refusal of. */
const USER_EXPRESSIONS = new Set<ReadName>(['promql', 'promqlRange']);

/** An answer, and the error envelope inside it when it is one. */
interface Upstream extends FakeAnswer {
  refusal: { errorType: unknown; error: unknown } | null;
}

const answer = (status: number, body: string): Upstream => ({ status, body, refusal: null });
const success = (data: unknown): string => JSON.stringify({ status: 'success', data });

const status = fc.constantFrom(200, 400, 422, 500, 502, 503);

/** A line with an address, a password and a path: what an upstream's own error text may hold. */
const secretLine = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      'dial tcp 10.1.2.3:9090: password=hunter2 /var/lib/prom',
      'open /var/lib/prom/wal/00000042: permission denied (user admin, password hunter2)',
      'remote 10.1.2.3:9090 refused: auth hunter2',
    ),
    fc.string({ maxLength: 20 }),
  )
  .map((parts) => parts.join(' '));
/** More lines: a stack of the upstream's, more secrets, or a line of thousands of characters. */
const laterLines = fc.array(
  fc.oneof(
    fc.constant('    at handler (/srv/prom/api.js:12:7)'),
    secretLine,
    fc.integer({ min: 1_000, max: 5_000 }).map((length) => 'x'.repeat(length)),
  ),
  { maxLength: 3 },
);
const errorText = fc.oneof(
  fc.tuple(secretLine, laterLines).map(([first, rest]) => [first, ...rest].join('\n')),
  fc.tuple(fc.integer({ min: 400, max: 5_000 }), secretLine).map(([length, line]) => `${'y'.repeat(length)}${line}`),
  fc.tuple(fc.string(), secretLine).map(([first, line]) => `${first}\r\n${line}`),
);
const errorType = fc.oneof(
  fc.constantFrom('bad_data', 'execution', 'timeout', 'internal', 'unavailable', 'canceled', 'not_found'),
  fc.constant('dial tcp 10.1.2.3:9090'),
);

/** Prometheus's error envelope, with secrets in its text (and perhaps its errorType), at any status. */
const refusal = fc
  .tuple(status, errorType, fc.oneof({ arbitrary: errorText, weight: 4 }, { arbitrary: json, weight: 1 }), fc.boolean())
  .map(([code, type, error, typed]): Upstream => {
    const envelope = typed ? { status: 'error', errorType: type, error } : { status: 'error', error };
    return { status: code, body: JSON.stringify(envelope), refusal: { errorType: typed ? type : null, error } };
  });

/** Nested `depth` lists deep, around a value. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 5_000 }), json)
  .map(([depth, value]) => `${'['.repeat(depth)}${JSON.stringify(value)}${']'.repeat(depth)}`);
const html = fc.constantFrom(
  '<html><body><h1>502 Bad Gateway</h1><hr>nginx, upstream 10.1.2.3:9090</body></html>',
  '<!DOCTYPE html><title>Error</title><pre>TypeError: x is not a function\n    at /var/lib/prom/app.js:1:1</pre>',
);

/** Any answer to an endpoint. */
const answers: fc.Arbitrary<Upstream> = fc.oneof(
  fc.tuple(status, nearlyRight).map(([code, data]) => answer(code, success(data))),
  fc.tuple(status, json).map(([code, data]) => answer(code, success(data))),
  fc.tuple(status, json).map(([code, value]) => answer(code, JSON.stringify(value))),
  fc.tuple(status, fc.string({ maxLength: 200 })).map(([code, text]) => answer(code, text)),
  fc.tuple(status, deep).map(([code, text]) => answer(code, text)),
  fc.tuple(status, html).map(([code, text]) => answer(code, text)),
  fc
    .tuple(status, fc.integer({ min: 10_000, max: 200_000 }))
    .map(([code, length]) => answer(code, success(['up', 'z'.repeat(length)]))),
  // An error envelope is where an upstream's own text comes from: drawn as often as all the rest.
  { arbitrary: refusal, weight: 7 },
);

/** The first line of a refusal the client may read from `read`'s answer, or null for none. */
function passThroughOf(read: ReadName, upstream: Upstream): string | null {
  const { refusal: envelope } = upstream;
  if (!USER_EXPRESSIONS.has(read) || !envelope || typeof envelope.error !== 'string') return null;
  if (upstream.status !== 400 && upstream.status !== 422) return null;
  if (envelope.errorType !== 'bad_data' && envelope.errorType !== 'execution') return null;
  return envelope.error.split(/\r\n|\r|\n/)[0] ?? '';
}

interface Reply {
  status: number;
  text: string;
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message: unknown; path?: unknown; extensions?: Record<string, unknown> }[];
}

/** The longest start of `line` that `message` holds. */
function longestStartIn(message: string, line: string): string {
  let [low, high] = [0, line.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (message.includes(line.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return line.slice(0, low);
}

/**
 * What of `reply` shows what it must not: not GraphQL JSON, a message of more than one line, a
 * pass-through longer than allowed, or any of `forbidden` in its errors or extensions outside
 * the allowed pass-through.
 */
function problemsOf(reply: Reply, forbidden: readonly (string | RegExp)[], passThrough: string | null): string[] {
  const problems: string[] = [];
  if (reply.status !== 200) problems.push(`HTTP ${reply.status}`);
  let body: GraphQLBody;
  try {
    body = JSON.parse(reply.text) as GraphQLBody;
  } catch {
    return [...problems, `not JSON: ${reply.text.slice(0, 200)}`];
  }
  if (typeof body !== 'object' || body === null || !('data' in body || 'errors' in body)) {
    return [...problems, `not a GraphQL response: ${reply.text.slice(0, 200)}`];
  }
  const errors = (body.errors ?? []).map((error) => {
    if (typeof error.message !== 'string') {
      problems.push(`a message that is not text: ${JSON.stringify(error)}`);
      return error;
    }
    if (/[\r\n]/.test(error.message)) problems.push(`a message of more than one line: ${error.message.slice(0, 300)}`);
    if (passThrough === null) return error;
    const passed = longestStartIn(error.message, passThrough);
    if (passed.length > PASS_THROUGH_MAX) problems.push(`a pass-through of ${passed.length} characters`);
    return { ...error, message: error.message.replace(passed, '') };
  });
  // The data is the healthy backends' (the harness Prometheus's own series carry its address as
  // their `instance` label); what must not leak would be in the errors, the extensions and a
  // backend's health.
  const { data, ...rest } = body as GraphQLBody & { data?: { backend?: { health?: unknown } } | null };
  const health = data?.backend?.health;
  return [...problems, ...shownOf(JSON.stringify({ ...rest, errors, health }), forbidden)];
}

/** Each of `forbidden` that `text` shows, with what surrounds it. */
function shownOf(text: string, forbidden: readonly (string | RegExp)[]): string[] {
  return forbidden.flatMap((needle) => {
    const at = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
    return at < 0 ? [] : [`shows ${String(needle)}: …${text.slice(Math.max(0, at - 120), at + 120)}…`];
  });
}

/** A gateway over the harness's native store and `size` backends of one fake. */
interface Pool {
  fake: FakePrometheusApi;
  gateway: TestGateway;
  used: number;
  size: number;
}

async function startPool(size: number): Promise<Pool> {
  const fake = await startFakePrometheusApi();
  const [native] = harnessBackends();
  const gateway = await startTestGateway([
    ...(native ? [native] : []),
    ...Array.from({ length: size }, (_, index) => ({
      id: `b${index}`,
      kind: 'prometheus' as const,
      url: fake.urlOf(`b${index}`),
      timeoutMs: 2_000,
    })),
  ]);
  return { fake, gateway, used: 0, size };
}

async function closePool(pool: Pool): Promise<void> {
  await pool.gateway.close();
  await pool.fake.close();
}

/** `read` sent once, a backend no read has asked yet answering `endpoint` with `upstream`. */
async function askOnce(pool: Pool, read: ReadName, endpoint: string, upstream: FakeAnswer): Promise<Reply> {
  const backend = `b${pool.used}`;
  pool.used += 1;
  if (pool.used > pool.size) throw new Error('more reads than backends: raise the pool');
  pool.fake.script(backend, endpoint, upstream);
  try {
    const response = await pool.gateway.graphql(READS[read], { variables: { b: backend, m: `${backend}/up` } });
    return { status: response.status, text: await response.text() };
  } finally {
    pool.fake.reset(backend);
  }
}

async function healthz(gateway: TestGateway): Promise<number> {
  return (await fetch(new URL('healthz', gateway.url))).status;
}

describe.each(Object.entries(ENDPOINTS))('fuzz: any answer to %s', (endpoint, reads) => {
  let pool: Pool;
  let forbidden: (string | RegExp)[];
  beforeAll(async () => {
    pool = await startPool(RUNS_PER_ENDPOINT * reads.length);
    const { host, port } = new URL(pool.fake.origin);
    forbidden = [host, '127.0.0.1', new RegExp(`\\b${port}\\b`), ...INTERNALS, ...SECRETS];
  });
  afterAll(() => closePool(pool));

  test.prop([answers], { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true })(
    `no response to ${reads.join(', ')} shows the address, a stack, JavaScript's errors or the upstream's secrets`,
    async (upstream) => {
      const problems: Record<string, string[]> = {};
      for (const read of reads) {
        const reply = await askOnce(pool, read, endpoint, upstream);
        const found = problemsOf(reply, forbidden, passThroughOf(read, upstream));
        if (found.length > 0) problems[read] = found;
      }
      expect(problems).toEqual({});
      expect(await healthz(pool.gateway)).toBe(200);
    },
  );
});

const DEAD_READS: ReadName[] = [
  'metrics of one backend',
  'metrics of every backend',
  'typed metrics of one backend',
  'series of one backend',
  'series of every backend',
  'labelNames',
  'labelValues',
  'promql',
  'promqlRange',
  'backend health',
  'a calendar of the metric',
];

/** What a refused connection or a dead Redis must not show beside the address: Node's and ioredis's texts. */
const CONNECTION_TEXTS = [
  'fetch failed',
  'ioredis',
  'Connection is closed',
  'Stream isn',
  'enableOfflineQueue',
  'MaxRetriesPerRequest',
  'max retries per request',
  'Command timed out',
  'ClusterAllFailedError',
  'Failed to refresh slots cache',
];

/** The dead servers' address (port 9 on loopback), stack frames and the client libraries' texts. */
/** The dead backend's address and port (`"ms":9` in extensions.backends is a timing, not a port). */
const DOWN_FORBIDDEN = [/127\.0\.0\.1|[^"]:9\b/, ...INTERNALS, ...CONNECTION_TEXTS];

/** Each read's messages, and what of the body shows what it must not. */
async function askDead(gateway: TestGateway, read: ReadName, backend: string) {
  const response = await gateway.graphql(READS[read], { variables: { b: backend, m: `${backend}/up` } });
  const reply = { status: response.status, text: await response.text() };
  const { errors = [] } = JSON.parse(reply.text) as GraphQLBody;
  return { messages: errors.map((error) => error.message), problems: problemsOf(reply, DOWN_FORBIDDEN, null) };
}

/** What of `/readyz` (a public probe) shows what it must not. */
async function readyzProblems(gateway: TestGateway): Promise<string[]> {
  return shownOf(await (await fetch(new URL('readyz', gateway.url))).text(), DOWN_FORBIDDEN);
}

describe('a dead backend', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // One dead backend a read, so no read meets a circuit another's failures opened.
    gateway = await startTestGateway([
      ...harnessBackends(),
      ...DEAD_READS.map((_, index) => ({
        id: `dead${index}`,
        kind: 'prometheus' as const,
        url: DEAD_PROMETHEUS_URL,
        timeoutMs: 1_000,
      })),
    ]);
  });
  afterAll(() => gateway.close());

  it.each(DEAD_READS.map((read, index): [ReadName, string] => [read, `dead${index}`]))(
    '%s names the backend, never its address or the connection error',
    async (read, backend) => {
      const { messages, problems } = await askDead(gateway, read, backend);
      expect(problems).toEqual([]);
      // Health is data, not an error: its text is checked with the problems.
      if (read !== 'backend health') expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).toMatch(/"dead\d+"/);
      expect(await healthz(gateway)).toBe(200);
    },
  );

  it('/readyz names the dead backends, never their address or the connection error', async () => {
    expect(await readyzProblems(gateway)).toEqual([]);
  });
});

describe('a native store whose Redis is dead', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway([
      { id: 'native', kind: 'native', redis: deadRedisTarget(), commandTimeoutMs: 500 },
    ]);
  });
  afterAll(() => gateway.close());

  it.each([
    'metrics of one backend',
    'metrics of every backend',
    'series of one backend',
    'labelNames',
    'labelValues',
    'backend health',
    'a calendar of the metric',
  ] as ReadName[])('%s names the store, never its address or ioredis', async (read) => {
    const { messages, problems } = await askDead(gateway, read, 'native');
    expect(problems).toEqual([]);
    if (read !== 'backend health') expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/"(native|store)"/);
    expect(await healthz(gateway)).toBe(200);
  });

  it('/readyz names the store, never its address or ioredis', async () => {
    expect(await readyzProblems(gateway)).toEqual([]);
  });
});
