/**
 * Many backends under one schema: series and calendar queries over the fixture Prometheus
 * servers (test/harness/prometheusFixtures.ts) and the native store together. Expected values
 * come from the fixture's formulas, computed here sample by sample, never from the engine.
 * One fixture server sits behind a loopback proxy the test can stop (the backend is down) and
 * start again, and which counts the requests that reach it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPrometheusServer } from '../../src/stack/prometheusServer.js';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import {
  backfillFixture,
  FIXTURE_A,
  FIXTURE_B,
  FIXTURE_END,
  FIXTURE_START,
  FIXTURE_STEP,
  SHIFTS,
  stepIndex,
  totalPerStep,
  type HistogramSeries,
} from '../harness/prometheusFixtures.js';
import { harnessRedisTarget } from '../harness/redis.js';
import { query } from '../harness/tokens.js';

const HOUR = 3_600;

/** A proxy to `target` that counts requests by path and can be stopped and restarted on its port. */
class Proxy {
  readonly paths: string[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    const server = createServer((incoming, outgoing) => {
      this.paths.push((incoming.url ?? '').split('?')[0] ?? '');
      const forward = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.destroy());
      incoming.pipe(forward);
    });
    server.keepAliveTimeout = 1;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

let gateway: TestGateway;
let proxyB: Proxy;
let proxyA: Proxy;
beforeAll(async () => {
  proxyA = new Proxy(new URL(inject('prometheusFixtureAUrl')));
  proxyB = new Proxy(new URL(inject('prometheusFixtureBUrl')));
  await Promise.all([proxyA.start(), proxyB.start()]);
  gateway = await startTestGateway([
    { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000 },
    { id: 'fixture-a', kind: 'prometheus', url: proxyA.url, timeoutMs: 3_000 },
    { id: 'fixture-b', kind: 'prometheus', url: proxyB.url, timeoutMs: 1_000 },
  ]);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([proxyA.stop(), proxyB.stop()]);
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

interface SeriesBody {
  series: {
    resolution: number;
    series: {
      totalCount: number;
      nodes: {
        backend: string;
        tags: { name: string; value: string }[];
        columns: { times: number[]; values: (number | null)[] };
      }[];
    };
  };
}

const SERIES = `query ($query: SeriesQueryInput!) { series(query: $query) { resolution
  series(first: 50) { totalCount nodes { backend tags { name value } columns { times values } } } } }`;

function tagsOf(node: { tags: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(node.tags.map(({ name, value }) => [name, value]));
}

/** The fixture's gauge value of host router01 (`daily`: the UTC day's 5-minute slot). */
const dailyGauge = (time: number) => stepIndex(time) % 288;

describe('series over Prometheus, with the native store inputs', () => {
  it('reads a gauge per hour with MAX, from the backend named, tags from its labels', async () => {
    const start = Date.UTC(2026, 2, 2) / 1000;
    const { data, errors } = await query<SeriesBody>(gateway, SERIES, {
      variables: {
        query: {
          metric: 'sni_http_connections_active',
          backend: 'fixture-a',
          start: iso(start),
          end: iso(start + 6 * HOUR),
          resolution: HOUR,
          summaryFunction: 'MAX',
          tags: [{ name: 'host', value: 'sni_router0*' }],
        },
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const nodes = data?.series.series.nodes ?? [];
    expect(nodes.map((node) => [node.backend, tagsOf(node).host])).toEqual([
      ['fixture-a', 'sni_router01'],
      ['fixture-a', 'sni_router02'],
    ]);
    const hours = Array.from({ length: 6 }, (_, index) => start + index * HOUR);
    expect(nodes[0]?.columns.times).toEqual(hours);
    // Each hour holds the samples at :00 ... :55; MAX is the last of them for the rising slot.
    expect(nodes[0]?.columns.values).toEqual(hours.map((hour) => dailyGauge(hour + HOUR - FIXTURE_STEP)));
    expect(nodes[1]?.columns.values).toEqual(hours.map(() => 42));
  });

  it('a counter asked for as INCREASE gives the increase per bucket (PromQL increase, so extrapolated to the bucket)', async () => {
    const start = Date.UTC(2026, 2, 3) / 1000;
    const { data, errors } = await query<SeriesBody>(gateway, SERIES, {
      variables: {
        query: {
          metric: 'sni_http_response_count_total',
          backend: 'fixture-a',
          start: iso(start),
          end: iso(start + 2 * HOUR),
          resolution: HOUR,
          counter: 'INCREASE',
          tags: [
            { name: 'request_uri', value: 'adm_devices' },
            { name: 'http_code', value: '200' },
          ],
        },
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const values = data?.series.series.nodes[0]?.columns.values ?? [];
    // 12 responses per 5 minutes: 144 per hour.
    expect(values).toHaveLength(2);
    for (const value of values) expect(value).toBeCloseTo(144, 2);
  });

  it('without a backend, every backend with the metric answers, each series naming its own', async () => {
    const at = Date.UTC(2026, 2, 4) / 1000;
    const { data, errors } = await query<SeriesBody>(gateway, SERIES, {
      variables: {
        query: {
          metric: 'probe_success',
          start: iso(at),
          end: iso(at + HOUR),
          resolution: HOUR,
          summaryFunction: 'MAX',
        },
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const nodes = data?.series.series.nodes ?? [];
    const expected = [
      ...FIXTURE_A.probes.map((probe) => ['fixture-a', probe.instance, probe.up]),
      ...FIXTURE_B.probes.map((probe) => ['fixture-b', probe.instance, probe.up]),
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(
      nodes
        .map((node) => [node.backend, tagsOf(node).instance, node.columns.values[0]])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    ).toEqual(
      expected.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it('20 aliases of the same series query cost one call to the backend', async () => {
    const at = Date.UTC(2026, 2, 5) / 1000;
    const input = `{ metric: "probe_success", backend: "fixture-a", start: "${iso(at)}", end: "${iso(at + HOUR)}", resolution: 3600 }`;
    const aliases = Array.from(
      { length: 20 },
      (_, index) => `a${index}: series(query: ${input}) { series { totalCount } }`,
    );
    const before = proxyA.paths.filter((path) => path.endsWith('/query_range')).length;
    const { data, errors } = await query<Record<string, { series: { totalCount: number } }>>(
      gateway,
      `{ ${aliases.join('\n')} }`,
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    expect(Object.values(data ?? {}).map((entry) => entry.series.totalCount)).toEqual(
      Array(20).fill(FIXTURE_A.probes.length),
    );
    expect(proxyA.paths.filter((path) => path.endsWith('/query_range')).length - before).toBe(1);
  });
});

describe('queries too big for a backend are refused before anything is sent', () => {
  it('a series window of more points than a query may return', async () => {
    const before = proxyA.paths.length;
    const { errors } = await query(gateway, SERIES, {
      variables: {
        query: { metric: 'probe_success', backend: 'fixture-a', start: '1970-01-01T00:00:00Z', resolution: 1 },
      },
    });
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', limit: 'maxPointsPerQuery' } }]);
    expect(proxyA.paths.filter((path) => path.endsWith('/query_range')).length).toBe(
      proxyA.paths.slice(0, before).filter((path) => path.endsWith('/query_range')).length,
    );
  });

  it('a calendar over Prometheus that would take hundreds of requests (55 years in 15-minute steps)', async () => {
    const before = proxyA.paths.filter((path) => path.endsWith('/query_range')).length;
    const { errors } = await query(
      gateway,
      '{ virtualTimeseries(metric: "fixture-a/probe_success", calendar: "#P1Y", observed: SUMMED, range: "between(1971, 2026)", timeZone: "Asia/Kolkata") { seriesCount } }',
    );
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: 'range' } }]);
    expect(errors?.[0]?.message).toMatch(/requests to Prometheus \(at most 400\)/);
    expect(proxyA.paths.filter((path) => path.endsWith('/query_range')).length).toBe(before);
  });
});

describe('a backend that is down', () => {
  it("costs only its own series: the others' data comes with BACKEND_UNAVAILABLE on the path, and it recovers", async () => {
    const at = Date.UTC(2026, 2, 6) / 1000;
    const variables = {
      query: {
        metric: 'probe_success',
        start: iso(at),
        end: iso(at + HOUR),
        resolution: HOUR,
        summaryFunction: 'MAX',
      },
    };
    const backendsOf = (body: { data?: SeriesBody | null }) =>
      [...new Set(body.data?.series.series.nodes.map((node) => node.backend))].sort();
    expect(backendsOf(await query<SeriesBody>(gateway, SERIES, { variables }))).toEqual(['fixture-a', 'fixture-b']);

    await proxyB.stop();
    const partial = await query<SeriesBody>(gateway, SERIES, { variables });
    expect(backendsOf(partial)).toEqual(['fixture-a']);
    expect(partial.errors).toMatchObject([
      { path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'fixture-b' } },
    ]);

    // One failed call is below the breaker's volume threshold (five): it stays closed.
    const circuit = await query<{ backend: { circuit: string } }>(gateway, '{ backend(id: "fixture-b") { circuit } }');
    expect(circuit.data?.backend.circuit).toBe('CLOSED');

    await proxyB.start();
    // An open circuit lets a trial call through after its pause (10 s): poll until whole again.
    const deadline = Date.now() + 20_000;
    let recovered: string[] = [];
    while (Date.now() < deadline) {
      const body = await query<SeriesBody>(gateway, SERIES, { variables });
      recovered = backendsOf(body);
      if (recovered.length === 2 && !body.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toEqual(['fixture-a', 'fixture-b']);
  }, 40_000);

  it('trips the circuit breaker after repeated failures: calls then fail at once instead of waiting out the timeout', async () => {
    await proxyB.stop();
    try {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        await query(gateway, '{ promql(query: "up", backend: "fixture-b") { resultType } }');
      }
      const circuit = await query<{ backend: { circuit: string } }>(
        gateway,
        '{ backend(id: "fixture-b") { circuit } }',
      );
      expect(circuit.data?.backend.circuit).toBe('OPEN');
      const started = performance.now();
      const refused = await query(gateway, '{ promql(query: "up", backend: "fixture-b") { resultType } }');
      expect(performance.now() - started).toBeLessThan(200);
      expect(refused.errors).toMatchObject([{ extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'fixture-b' } }]);
    } finally {
      await proxyB.start();
    }
    // The circuit's trial call, after its pause, closes it again: later tests get a whole backend.
    const deadline = Date.now() + 20_000;
    let closed = false;
    while (!closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      closed = !(await query(gateway, '{ promql(query: "up", backend: "fixture-b") { resultType } }')).errors;
    }
    expect(closed).toBe(true);
  }, 40_000);
});

describe('a backend that is down, in a batch', () => {
  it('gives each operation of a batch only its own partial errors, the same query text or not', async () => {
    const at = Date.UTC(2026, 2, 6) / 1000;
    const series = (backend?: string) => ({
      query: SERIES,
      variables: {
        query: { metric: 'probe_success', start: iso(at), end: iso(at + HOUR), resolution: HOUR, backend },
      },
    });
    await proxyB.stop();
    try {
      const response = await fetch(new URL('graphql', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
        // Every backend (fixture-b is down), then fixture-a alone, then every backend again.
        body: JSON.stringify([series(), series('fixture-a'), series()]),
      });
      expect(response.status).toBe(200);
      const answers = (await response.json()) as { data?: SeriesBody; errors?: unknown[] }[];
      expect(answers).toHaveLength(3);
      const unavailable = [{ path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'fixture-b' } }];
      expect(answers[0]?.errors).toMatchObject(unavailable);
      expect(answers[0]?.errors).toHaveLength(1);
      expect(answers[1]?.errors).toBeUndefined();
      expect(answers[1]?.data?.series.series.nodes.length).toBeGreaterThan(0);
      expect(answers[2]?.errors).toMatchObject(unavailable);
      expect(answers[2]?.errors).toHaveLength(1);
    } finally {
      await proxyB.start();
    }
  });
});

describe('calendar aggregation over Prometheus', () => {
  const CALENDAR = `query ($metric: String!, $calendar: String!, $observed: Observed!, $range: String!, $timeZone: String, $filter: [TagInput!]) {
    virtualTimeseries(metric: $metric, calendar: $calendar, observed: $observed, range: $range, timeZone: $timeZone, filter: $filter) {
      level points { label start end value count } } }`;

  interface CalendarBody {
    virtualTimeseries: {
      level: string;
      points: { label: string; start: string; end: string; value: number | null; count: number }[];
    };
  }

  /** Europe/Berlin local midnight of a March 2026 day, by hand: +01:00 until 2026-03-29T01:00Z, then +02:00. */
  const berlinMidnight = (day: number) => Date.UTC(2026, 2, day) / 1000 - (day <= 29 ? HOUR : 2 * HOUR);

  const times = (from: number, to: number) => {
    const out: number[] = [];
    for (let time = FIXTURE_START; time <= FIXTURE_END; time += FIXTURE_STEP)
      if (time >= from && time < to) out.push(time);
    return out;
  };

  it.each([
    ['HIGH', (values: number[]) => Math.max(...values)],
    ['LOW', (values: number[]) => Math.min(...values)],
    ['SUMMED', (values: number[]) => values.reduce((a, b) => a + b, 0)],
    ['AVERAGED', (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length],
    ['BEGINNING', (values: number[]) => values[0] ?? Number.NaN],
    ['END', (values: number[]) => values.at(-1) ?? Number.NaN],
    ['COUNT', (values: number[]) => values.length],
  ] as const)(
    'a gauge per local day in Europe/Berlin across the 23-hour day is exact: %s',
    async (observed, reduce) => {
      const { data, errors } = await query<CalendarBody>(gateway, CALENDAR, {
        variables: {
          metric: 'fixture-a/sni_http_connections_active',
          calendar: '#P1D',
          observed,
          range: 'between(2026-03-28, 2026-03-30)',
          timeZone: 'Europe/Berlin',
          filter: [{ name: 'host', value: 'sni_router01' }],
        },
      });
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const points = data?.virtualTimeseries.points ?? [];
      expect(points.map((point) => [point.label, point.start, point.end])).toEqual([
        ['2026-03-28', '2026-03-28T00:00:00+01:00', '2026-03-29T00:00:00+01:00'],
        ['2026-03-29', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'],
        ['2026-03-30', '2026-03-30T00:00:00+02:00', '2026-03-31T00:00:00+02:00'],
      ]);
      [28, 29, 30].forEach((day, index) => {
        const values = times(berlinMidnight(day), berlinMidnight(day + 1)).map(dailyGauge);
        expect(values.length).toBe(day === 29 ? 23 * 12 : 24 * 12);
        expect(points[index]?.value, `${observed} of 2026-03-${day}`).toBeCloseTo(reduce(values), 9);
      });
      expect(data?.virtualTimeseries.level).toBe('3600');
    },
  );

  it.each(['BEGINNING', 'END'] as const)(
    '%s over several series is the earliest (latest) sample of any, whatever order their labels sort in',
    async (observed) => {
      // Series a (afternoon) sorts before series b (morning): label order is not time order.
      const [a, b] = SHIFTS;
      const noon = Date.UTC(2026, 2, 2, 12) / 1000;
      const cases = [
        // Whole day, from hourly windows (and the raw first sample for BEGINNING).
        { calendar: '#P1D', range: '2026-03-02', begins: [b, b.from], ends: [a, a.to - FIXTURE_STEP] },
        // 640-second slots (not whole minutes) are read from raw samples; [11:54:40, 12:05:20) holds
        // b's 11:55 and a's 12:00 and 12:05.
        {
          calendar: '#PT640S',
          range: 'between(2026-03-02T11:54:40Z, 2026-03-02T12:05:20Z)',
          begins: [b, noon - FIXTURE_STEP],
          ends: [a, noon + FIXTURE_STEP],
        },
      ] as const;
      for (const { calendar, range, begins, ends } of cases) {
        const { data, errors } = await query<CalendarBody>(gateway, CALENDAR, {
          variables: { metric: 'fixture-a/almanac_fixture_shifts', calendar, observed, range },
        });
        expect(errors, JSON.stringify(errors)).toBeUndefined();
        const [series, time] = observed === 'BEGINNING' ? begins : ends;
        const filled = (data?.virtualTimeseries.points ?? []).filter((point) => point.count > 0);
        expect(
          filled.map((point) => point.value),
          calendar,
        ).toEqual([series.base + stepIndex(time)]);
      }
    },
  );

  it.each([
    ['sni_http_request_duration_seconds_count', (series: HistogramSeries) => totalPerStep(series)],
    ['sni_http_request_duration_seconds_sum', (series: HistogramSeries) => series.sumPerStep],
  ] as const)("a histogram's %s sums to its increase per day, as a counter does", async (metric, perStep) => {
    const [series] = FIXTURE_A.histograms;
    if (!series) throw new Error('the fixture has no histogram');
    const { data, errors } = await query<CalendarBody>(gateway, CALENDAR, {
      variables: {
        metric: `fixture-a/${metric}`,
        calendar: '#P1D',
        observed: 'SUMMED',
        range: 'between(2026-03-02, 2026-03-03)',
        filter: [{ name: 'request_uri', value: series.requestUri }],
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    // 288 five-minute steps a UTC day, each adding perStep to the cumulative value.
    expect(data?.virtualTimeseries.points.map((point) => [point.label, point.value])).toEqual([
      ['2026-03-02', 288 * perStep(series)],
      ['2026-03-03', 288 * perStep(series)],
    ]);
  });

  it('a counter over more series than maxSeriesPerQuery is refused while reading, before the whole range is', async () => {
    const limited = await startTestGateway(
      [
        { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000 },
        { id: 'fixture-a', kind: 'prometheus', url: proxyA.url, timeoutMs: 3_000 },
      ],
      { config: { limits: { maxSeriesPerQuery: 2 } } },
    );
    try {
      const ask = (filter: { name: string; value: string }[]) =>
        query<CalendarBody>(limited, CALENDAR, {
          variables: {
            metric: 'fixture-a/sni_http_response_count_total',
            calendar: '#P1D',
            observed: 'SUMMED',
            range: 'between(2026-03-01, 2026-03-31)',
            filter,
          },
        });
      const before = proxyA.paths.length;
      const { data, errors } = await ask([]);
      expect(data).toBeNull();
      expect(errors).toMatchObject([
        {
          message: 'more than 2 series match (limit 2): narrow the filter',
          extensions: { code: 'BAD_USER_INPUT', limit: 'maxSeriesPerQuery', max: 2 },
        },
      ]);
      // The month (and the hour before it) is five raw windows, read four at a time: the first
      // four showed it, and the fifth was never asked for.
      expect(proxyA.paths.slice(before).filter((path) => path === '/api/v1/query')).toHaveLength(4);
      const narrowed = await ask([{ name: 'request_uri', value: 'adm_devices' }]);
      expect(narrowed.errors, JSON.stringify(narrowed.errors)).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('a counter that resets mid-month sums to its exact increase per local month, resets read from zero', async () => {
    const series = FIXTURE_A.responses.find((entry) => entry.resetAt !== undefined);
    if (!series?.resetAt) throw new Error('the fixture has no resetting counter');
    const { data, errors } = await query<CalendarBody>(gateway, CALENDAR, {
      variables: {
        metric: 'fixture-a/sni_http_response_count_total',
        calendar: '#P1M',
        observed: 'SUMMED',
        range: 'between(2026-03, 2026-04)',
        timeZone: 'Europe/Berlin',
        filter: [{ name: 'request_uri', value: series.requestUri }],
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    // The raw samples, written out: perStep × k, restarting from 0 at the reset.
    const reset = stepIndex(series.resetAt);
    const value = (time: number) => {
      const k = stepIndex(time);
      return series.perStep * (k >= reset ? k - reset : k);
    };
    const increaseIn = (from: number, to: number) => {
      let total = 0;
      for (let time = FIXTURE_START + FIXTURE_STEP; time <= FIXTURE_END; time += FIXTURE_STEP) {
        if (time < from || time >= to) continue;
        const [before, now] = [value(time - FIXTURE_STEP), value(time)];
        total += now >= before ? now - before : now;
      }
      return total;
    };
    const march = { from: Date.UTC(2026, 1, 28, 23) / 1000, to: Date.UTC(2026, 2, 31, 22) / 1000 };
    const april = { from: march.to, to: Date.UTC(2026, 3, 30, 22) / 1000 };
    expect(data?.virtualTimeseries.points.map((point) => [point.label, point.value])).toEqual([
      ['2026-03', increaseIn(march.from, march.to)],
      ['2026-04', increaseIn(april.from, april.to)],
    ]);
  });
});

describe('metrics of every backend', () => {
  const METRICS = `query ($name: String, $backend: ID, $after: String) {
    metrics(name: $name, backend: $backend, first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name backend type } } } }`;
  interface MetricsBody {
    metrics: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { name: string; backend: string; type: string } }[];
    };
  }

  it('merges by name then backend, types from names where backfilled data has no metadata, and pages', async () => {
    const first = await query<MetricsBody>(gateway, METRICS, { variables: { name: 'sni_http_re*' } });
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const rest = await query<MetricsBody>(gateway, METRICS, {
      variables: { name: 'sni_http_re*', after: first.data?.metrics.pageInfo.endCursor },
    });
    const all = [...(first.data?.metrics.edges ?? []), ...(rest.data?.metrics.edges ?? [])].map((edge) => edge.node);
    const more = rest.data?.metrics.pageInfo.hasNextPage
      ? ((
          await query<MetricsBody>(gateway, METRICS, {
            variables: { name: 'sni_http_re*', after: rest.data.metrics.pageInfo.endCursor },
          })
        ).data?.metrics.edges.map((edge) => edge.node) ?? [])
      : [];
    expect([...all, ...more]).toEqual([
      { name: 'sni_http_request_duration_seconds_bucket', backend: 'fixture-a', type: 'HISTOGRAM' },
      { name: 'sni_http_request_duration_seconds_count', backend: 'fixture-a', type: 'HISTOGRAM' },
      { name: 'sni_http_request_duration_seconds_sum', backend: 'fixture-a', type: 'HISTOGRAM' },
      { name: 'sni_http_response_count_total', backend: 'fixture-a', type: 'COUNTER' },
      { name: 'sni_http_response_count_total', backend: 'fixture-b', type: 'COUNTER' },
      { name: 'sni_http_response_time_seconds_count', backend: 'fixture-a', type: 'SUMMARY' },
      { name: 'sni_http_response_time_seconds_count', backend: 'fixture-b', type: 'SUMMARY' },
      { name: 'sni_http_response_time_seconds_sum', backend: 'fixture-a', type: 'SUMMARY' },
      { name: 'sni_http_response_time_seconds_sum', backend: 'fixture-b', type: 'SUMMARY' },
    ]);
    expect(first.data?.metrics.totalCount).toBe(9);
  });

  it('label names and values of a metric are there to build filters with', async () => {
    const { data, errors } = await query<{ metric: { labelNames: string[]; labelValues: string[] } }>(
      gateway,
      '{ metric(name: "probe_success", backend: "fixture-a") { labelNames labelValues(name: "job") } }',
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    expect(data?.metric.labelNames).toEqual(['api', 'instance', 'job']);
    expect(data?.metric.labelValues).toEqual([...new Set(FIXTURE_A.probes.map((probe) => probe.job))].sort());
  });

  it.each(['..', 'a/b', '__name__"', ''])(
    'a label name Prometheus could not have (%j) is BAD_USER_INPUT',
    async (name) => {
      const { errors } = await query(
        gateway,
        'query ($name: String!) { metric(name: "probe_success", backend: "fixture-a") { labelValues(name: $name) } }',
        {
          variables: { name },
        },
      );
      expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: 'name' } }]);
    },
  );

  it("a backend that cannot be listed costs only its own metrics, with BACKEND_UNAVAILABLE beside the others'", async () => {
    await proxyB.stop();
    try {
      const { data, errors } = await query<MetricsBody>(gateway, METRICS, { variables: { name: 'probe_success' } });
      expect(data?.metrics.edges.map((edge) => edge.node.backend)).toEqual(['fixture-a']);
      expect(errors).toMatchObject([
        { path: ['metrics'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'fixture-b' } },
      ]);
    } finally {
      await proxyB.start();
    }
  });
});

describe('a Prometheus server killed mid-test', () => {
  it('gives partial data with BACKEND_UNAVAILABLE while it is down, and everything again once it is back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'almanac-kill-'));
    const logger = pino({ level: 'silent' });
    await backfillFixture(FIXTURE_B, join(dir, 'fixture.om'), join(dir, 'tsdb'));
    const start = (port?: number) =>
      startPrometheusServer({
        dataDir: dir,
        logger,
        scrapeSelf: false,
        retention: '100y',
        ...(port === undefined ? {} : { port }),
      });
    let prometheus = await start();
    const port = Number(new URL(prometheus.url).port);
    const own = await startTestGateway([
      { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000 },
      { id: 'kept', kind: 'prometheus', url: inject('prometheusFixtureAUrl'), timeoutMs: 3_000 },
      { id: 'killed', kind: 'prometheus', url: prometheus.url, timeoutMs: 1_000 },
    ]);
    try {
      const at = Date.UTC(2026, 2, 7) / 1000;
      const variables = { query: { metric: 'probe_success', start: iso(at), end: iso(at + HOUR), resolution: HOUR } };
      const read = async () => {
        const body = await query<SeriesBody>(own, SERIES, { variables });
        return {
          backends: [...new Set(body.data?.series.series.nodes.map((node) => node.backend))].sort(),
          errors: body.errors,
        };
      };
      expect(await read()).toEqual({ backends: ['kept', 'killed'], errors: undefined });

      await prometheus.stop();
      const partial = await read();
      expect(partial.backends).toEqual(['kept']);
      expect(partial.errors).toMatchObject([
        { path: ['series'], extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'killed' } },
      ]);

      prometheus = await start(port);
      const deadline = Date.now() + 20_000;
      let now = await read();
      while ((now.errors || now.backends.length < 2) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        now = await read();
      }
      expect(now).toEqual({ backends: ['kept', 'killed'], errors: undefined });
    } finally {
      await own.close();
      await prometheus.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
