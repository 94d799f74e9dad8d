/**
 * One table of calendar and series queries, run on the native store and on Prometheus: the
 * fixture gauge of the Prometheus server (test/harness/prometheusFixtures.ts: router01's
 * `sni_http_connections_active`, the UTC day's 5-minute slot) is also ingested into the native
 * store, sample for sample, and every case must give the same answer on both — the answer the
 * test computes from the samples with an Intl-based oracle (calendarOracle.ts), never the engine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  at,
  days,
  expectedPoints,
  months,
  slots,
  weeks,
  type Bucket,
  type Observed,
  type Sample,
} from '../harness/calendarOracle.js';
import { post, series as calendarSeries, TestClock } from '../harness/calendarGateway.js';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';
import { FIXTURE_A, FIXTURE_END, FIXTURE_START, FIXTURE_STEP, stepIndex } from '../harness/prometheusFixtures.js';
import { harnessRedisTarget } from '../harness/redis.js';
import { query } from '../harness/tokens.js';

const METRIC = 'sni_http_connections_active';
const gauge = FIXTURE_A.gauges.find((entry) => entry.value === 'daily');
if (!gauge) throw new Error('fixture A has no daily gauge');
const TAGS = { host: gauge.host, instance: gauge.instance, job: gauge.job };
const FILTER = [{ name: 'host', value: gauge.host }];

const SAMPLES: Sample[] = [];
for (let time = FIXTURE_START; time <= FIXTURE_END; time += FIXTURE_STEP) {
  SAMPLES.push({ time, value: stepIndex(time) % 288 });
}

const TEN_YEARS = { raw: 3_650, r900: 3_650, r3600: 3_650, r86400: 3_650 };
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(
    [
      { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000, retentionDays: TEN_YEARS },
      { id: 'prometheus', kind: 'prometheus', url: inject('prometheusFixtureAUrl'), timeoutMs: 5_000 },
    ],
    { clock: new TestClock(at('2026-04-05T00:00:00Z')), config: { limits: { rateLimit: { enabled: false } } } },
  );
  for (let index = 0; index < SAMPLES.length; index += 500) {
    await post(gateway, TEST_ADMIN_KEY, {
      tags: TAGS,
      measurements: SAMPLES.slice(index, index + 500).map(({ time, value }) => ({ name: METRIC, value, time })),
    });
  }
}, 60_000);
afterAll(() => gateway.close());

const BACKENDS = ['native', 'prometheus'] as const;

interface CalendarCase {
  name: string;
  calendar: string;
  range: string;
  timeZone: string;
  buckets: Bucket[];
}

const CALENDAR_CASES: CalendarCase[] = [
  {
    name: 'Berlin days around the 23-hour day',
    calendar: '#P1D',
    range: 'between(2026-03-27, 2026-03-30)',
    timeZone: 'Europe/Berlin',
    buckets: days('Europe/Berlin', '2026-03-27', '2026-03-30'),
  },
  {
    name: 'New York days around the 23-hour day',
    calendar: '#P1D',
    range: 'between(2026-03-07, 2026-03-09)',
    timeZone: 'America/New_York',
    buckets: days('America/New_York', '2026-03-07', '2026-03-09'),
  },
  {
    name: 'Kathmandu days (+05:45)',
    calendar: '#P1D',
    range: 'between(2026-03-10, 2026-03-12)',
    timeZone: 'Asia/Kathmandu',
    buckets: days('Asia/Kathmandu', '2026-03-10', '2026-03-12'),
  },
  {
    name: 'Kolkata hours (+05:30)',
    calendar: '#PT1H',
    range: '2026-03-10',
    timeZone: 'Asia/Kolkata',
    buckets: slots('Asia/Kolkata', '2026-03-10', 3_600),
  },
  {
    name: 'Berlin ISO weeks',
    calendar: '#P1W',
    range: 'between(2026-03-02, 2026-03-22)',
    timeZone: 'Europe/Berlin',
    buckets: weeks('Europe/Berlin', '2026-03-02', '2026-03-22'),
  },
  {
    name: 'the Berlin month of March',
    calendar: '#P1M',
    range: '2026-03',
    timeZone: 'Europe/Berlin',
    buckets: months('Europe/Berlin', '2026-03', '2026-03'),
  },
];

const OBSERVED: Observed[] = ['SUMMED', 'AVERAGED', 'HIGH', 'LOW', 'BEGINNING', 'END', 'COUNT'];

describe.each(BACKENDS)('calendar table on %s', (backend) => {
  it.each(CALENDAR_CASES.flatMap((entry) => OBSERVED.map((observed) => [entry.name, observed, entry] as const)))(
    '%s, %s',
    async (_name, observed, { calendar, range, timeZone, buckets }) => {
      const result = await calendarSeries(
        { on: gateway, token: TEST_ADMIN_KEY },
        { metric: `${backend}/${METRIC}`, calendar, observed, range, timeZone, filter: FILTER },
      );
      const expected = expectedPoints(SAMPLES, buckets, observed);
      expect(result.points.map(({ label, start, end, count }) => ({ label, start, end, count }))).toEqual(
        expected.map(({ label, start, end, count }) => ({ label, start, end, count })),
      );
      result.points.forEach((point, index) => {
        const want = expected[index]?.value ?? null;
        if (want === null) expect(point.value).toBeNull();
        else expect(point.value, point.label).toBeCloseTo(want, 9);
      });
    },
  );
});

interface SeriesBody {
  series: { series: { nodes: { backend: string; columns: { times: number[]; values: (number | null)[] } }[] } };
}

const SERIES = `query ($query: SeriesQueryInput!) { series(query: $query) {
  series(first: 10) { nodes { backend columns { times values } } } } }`;

const SUMMARIES: [string, (values: number[]) => number][] = [
  ['MAX', (values) => Math.max(...values)],
  ['MIN', (values) => Math.min(...values)],
  ['SUM', (values) => values.reduce((a, b) => a + b, 0)],
  ['COUNT', (values) => values.length],
  ['MEAN', (values) => values.reduce((a, b) => a + b, 0) / values.length],
  [
    'STDDEV',
    (values) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    },
  ],
];

describe.each(BACKENDS)('series table on %s', (backend) => {
  it.each(SUMMARIES)('hourly %s over six hours', async (summaryFunction, reduce) => {
    const start = at('2026-03-20T03:00:00Z');
    const { data, errors } = await query<SeriesBody>(gateway, SERIES, {
      variables: {
        query: {
          metric: METRIC,
          backend,
          start: new Date(start * 1000).toISOString(),
          end: new Date((start + 6 * 3_600) * 1000).toISOString(),
          resolution: 3_600,
          summaryFunction,
          tags: FILTER,
        },
      },
    });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const [node] = data?.series.series.nodes ?? [];
    const hours = Array.from({ length: 6 }, (_, index) => start + index * 3_600);
    expect(node?.backend).toBe(backend);
    expect(node?.columns.times).toEqual(hours);
    hours.forEach((hour, index) => {
      const values = SAMPLES.filter(({ time }) => time >= hour && time < hour + 3_600).map(({ value }) => value);
      expect(node?.columns.values[index], `${summaryFunction} at ${hour}`).toBeCloseTo(reduce(values), 6);
    });
  });
});
