/**
 * Raw PromQL (`promql`, `promqlRange`) through GraphQL against the fixture Prometheus servers
 * (test/harness/prometheusFixtures.ts): the OpenTV reference's queries at a fixture time give
 * the answers the fixture's formulas say, computed here from its parameters. Then PromQL text
 * built from user input (promql.ts) against the real parser and RE2: string literals read back
 * as written, and no value can add a term or match beyond its matchers.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrometheusBackend } from '../../src/backends/prometheus/prometheusBackend.js';
import { pushdownMatchers, quote, regexLiteral, selector, type Matcher } from '../../src/backends/prometheus/promql.js';
import { backendSchema } from '../../src/config/schema.js';
import { compileTagFilter, type TagPair } from '../../src/domain/tags/tagFilter.js';
import { DEAD_PROMETHEUS_URL, startTestGateway, type TestGateway } from '../harness/gateway.js';
import {
  FIXTURE_A,
  FIXTURE_B,
  FIXTURE_START,
  FIXTURE_STEP,
  LABELS_END,
  stepIndex,
  type HistogramSeries,
  type ResponseSeries,
} from '../harness/prometheusFixtures.js';
import { harnessRedisTarget } from '../harness/redis.js';
import { createToken, query } from '../harness/tokens.js';

/** 2026-03-10T12:00:00Z: a step time, before the counter reset. */
const AT = Date.UTC(2026, 2, 10, 12) / 1000;
const K = stepIndex(AT);

const RESULT = `backend resultType warnings string
  scalar { time value nonFinite text }
  series { metric labels { name value } samples { time value nonFinite text } }`;
const INSTANT = `query ($query: String!, $time: String, $backend: ID) {
  promql(query: $query, time: $time, backend: $backend) { ${RESULT} } }`;
const RANGE = `query ($query: String!, $start: String!, $end: String, $step: Int!, $backend: ID) {
  promqlRange(query: $query, start: $start, end: $end, step: $step, backend: $backend) { ${RESULT} } }`;

interface Sample {
  time: string;
  value: number | null;
  nonFinite: string | null;
  text: string;
}
interface Result {
  backend: string;
  resultType: string;
  warnings: string[];
  string: string | null;
  scalar: Sample | null;
  series: { metric: string | null; labels: { name: string; value: string }[]; samples: Sample[] }[];
}
interface Row {
  metric: string | null;
  labels: Record<string, string>;
  value: number;
}

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway([
    { id: 'fixture', kind: 'prometheus', url: inject('prometheusFixtureAUrl'), timeoutMs: 5_000 },
    { id: 'native', kind: 'native', redis: harnessRedisTarget(), commandTimeoutMs: 2_000 },
    { id: 'dead', kind: 'prometheus', url: DEAD_PROMETHEUS_URL, timeoutMs: 1_000 },
  ]);
});
afterAll(() => gateway.close());

/** A DateTime as the schema writes it (and accepts it). */
function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

async function promql(source: string, variables: Record<string, unknown> = {}, token?: string | null) {
  const body = await query<{ promql: Result }>(gateway, INSTANT, {
    variables: { query: source, time: iso(AT), ...variables },
    ...(token !== undefined && { token }),
  });
  return { result: body.data?.promql, errors: body.errors };
}

async function ok(source: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const { result, errors } = await promql(source, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  if (!result) throw new Error('no result');
  return result;
}

/** A vector's series as rows, sorted by labels. */
function rows(result: Result): Row[] {
  expect(result.resultType).toBe('VECTOR');
  return sortRows(
    result.series.map(({ metric, labels, samples }) => {
      expect(samples).toHaveLength(1);
      expect(samples[0]?.time).toBe(iso(AT));
      return {
        metric,
        labels: Object.fromEntries(labels.map(({ name, value }) => [name, value])),
        value: samples[0]?.value ?? Number.NaN,
      };
    }),
  );
}

function sortRows(list: Row[]): Row[] {
  const key = (row: Row) => JSON.stringify(Object.entries(row.labels).sort());
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function expectRows(actual: Row[], expected: Row[]): void {
  const sorted = sortRows(expected);
  expect(actual.map(({ metric, labels }) => ({ metric, labels }))).toEqual(
    sorted.map(({ metric, labels }) => ({ metric, labels })),
  );
  actual.forEach((row, index) => expect(row.value).toBeCloseTo(sorted[index]?.value ?? Number.NaN, 9));
}

// Expectations from the fixture's parameters and formulas (prometheusFixtures.ts).
const site = FIXTURE_A.site;
const responseLabels = (series: ResponseSeries) => ({
  ...site,
  http_code: series.httpCode,
  request_uri: series.requestUri,
});
const responseCount = (series: ResponseSeries, k: number) => {
  const reset = series.resetAt === undefined ? Number.POSITIVE_INFINITY : stepIndex(series.resetAt);
  return series.perStep * (k >= reset ? k - reset : k);
};
const requestUris = [...new Set(FIXTURE_A.responses.map((series) => series.requestUri))];
const responsesOf = (uri: string) => FIXTURE_A.responses.filter((series) => series.requestUri === uri);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Prometheus's histogram_quantile over cumulative bucket counts (any common scale). */
function histogramQuantile(q: number, buckets: readonly (readonly [le: number, count: number])[]): number {
  const total = buckets.at(-1)?.[1] ?? 0;
  const rank = q * total;
  const index = buckets.findIndex(([, count]) => count >= rank);
  const [upper, count] = buckets[index] ?? [Number.NaN, 0];
  if (upper === Number.POSITIVE_INFINITY) return buckets[index - 1]?.[0] ?? Number.NaN;
  const [lower, below] = index === 0 ? [0, 0] : (buckets[index - 1] ?? [0, 0]);
  return lower + ((upper - lower) * (rank - below)) / (count - below);
}

/** The summed per-step cumulative counts of some histogram series, by `le`. */
function summedBuckets(series: readonly HistogramSeries[]): [number, number][] {
  const les = series[0]?.cumulativePerStep.map(([le]) => le) ?? [];
  return les.map((le) => [
    Number(le === '+Inf' ? Number.POSITIVE_INFINITY : le),
    sum(series.map((entry) => entry.cumulativePerStep.find(([bucket]) => bucket === le)?.[1] ?? 0)),
  ]);
}

describe('the reference queries at a fixture time', () => {
  it('probe_success lists every monitored endpoint with its state', async () => {
    expectRows(
      rows(await ok('probe_success')),
      FIXTURE_A.probes.map(({ up, ...labels }) => ({ metric: 'probe_success', labels, value: up })),
    );
  });

  it('count(probe_success) counts the endpoints', async () => {
    expectRows(rows(await ok('count(probe_success)')), [{ metric: null, labels: {}, value: FIXTURE_A.probes.length }]);
  });

  it('count without (job,api)(probe_success) lists the instances', async () => {
    const instances = [...new Set(FIXTURE_A.probes.map((probe) => probe.instance))];
    expectRows(
      rows(await ok('count without (job,api)(probe_success)')),
      instances.map((instance) => ({
        metric: null,
        labels: { instance },
        value: FIXTURE_A.probes.filter((probe) => probe.instance === instance).length,
      })),
    );
  });

  it('probe_success==0 lists the inactive endpoints only', async () => {
    const down = FIXTURE_A.probes.filter((probe) => probe.up === 0);
    expect(down.length).toBeGreaterThan(0);
    expectRows(
      rows(await ok('probe_success==0')),
      down.map(({ up, ...labels }) => ({ metric: 'probe_success', labels, value: up })),
    );
  });

  it('sni_http_response_count_total{http_code="200",request_uri="adm_devices"} is the cumulative count', async () => {
    const series = FIXTURE_A.responses.filter(
      (entry) => entry.httpCode === '200' && entry.requestUri === 'adm_devices',
    );
    expectRows(
      rows(await ok('sni_http_response_count_total{http_code="200",request_uri="adm_devices"}')),
      series.map((entry) => ({
        metric: 'sni_http_response_count_total',
        labels: responseLabels(entry),
        value: responseCount(entry, K),
      })),
    );
  });

  it('sni_http_response_time_seconds_sum is the total response time of each series', async () => {
    expectRows(
      rows(await ok('sni_http_response_time_seconds_sum')),
      FIXTURE_A.responses.map((entry) => ({
        metric: 'sni_http_response_time_seconds_sum',
        labels: responseLabels(entry),
        value: responseCount(entry, K) * entry.meanSeconds,
      })),
    );
  });

  it('rate(_sum[5m]) / rate(_count[5m]) is each series’ mean response time', async () => {
    expectRows(
      rows(await ok('rate(sni_http_response_time_seconds_sum[5m]) / rate(sni_http_response_time_seconds_count[5m])')),
      FIXTURE_A.responses.map((entry) => ({ metric: null, labels: responseLabels(entry), value: entry.meanSeconds })),
    );
  });

  it('the average response time per API weighs each status by its responses', async () => {
    const source =
      'sum by (request_uri) (rate(sni_http_response_time_seconds_sum[5m])) / sum by (request_uri) (rate(sni_http_response_time_seconds_count[5m]))';
    expectRows(
      rows(await ok(source)),
      requestUris.map((uri) => {
        const series = responsesOf(uri);
        const value =
          sum(series.map((entry) => entry.perStep * entry.meanSeconds)) / sum(series.map((entry) => entry.perStep));
        return { metric: null, labels: { request_uri: uri }, value };
      }),
    );
  });

  it('requests per second per API', async () => {
    expectRows(
      rows(await ok('sum by (request_uri) (rate(sni_http_response_count_total[5m]))')),
      requestUris.map((uri) => ({
        metric: null,
        labels: { request_uri: uri },
        value: sum(responsesOf(uri).map((entry) => entry.perStep)) / FIXTURE_STEP,
      })),
    );
  });

  it('the 95th percentile of all requests from the histogram', async () => {
    expectRows(
      rows(await ok('histogram_quantile(0.95, sum by (le) (rate(sni_http_request_duration_seconds_bucket[5m])))')),
      [{ metric: null, labels: {}, value: histogramQuantile(0.95, summedBuckets(FIXTURE_A.histograms)) }],
    );
  });

  it('the 95th percentile per API', async () => {
    const source =
      'histogram_quantile(0.95, sum by (le, request_uri) (rate(sni_http_request_duration_seconds_bucket[5m])))';
    expectRows(
      rows(await ok(source)),
      FIXTURE_A.histograms.map((series) => ({
        metric: null,
        labels: { request_uri: series.requestUri },
        value: histogramQuantile(0.95, summedBuckets([series])),
      })),
    );
  });

  it('the time may be Unix seconds, as Prometheus takes it', async () => {
    expect(rows(await ok('count(probe_success)', { time: String(AT) }))).toEqual(
      rows(await ok('count(probe_success)')),
    );
  });

  it('a bare four-digit number is a year, not Unix seconds', async () => {
    // 2026 as Unix seconds would be 1970-01-01T00:33:46Z; as a year it is 2026-01-01T00:00:00Z.
    const result = await ok('time()', { time: '2026' });
    expect(result.scalar?.value).toBe(Date.UTC(2026, 0, 1) / 1000);
    expect((await ok('time()', { time: '2026.5' })).scalar?.value).toBe(2026.5);
    // Fewer or more digits are Unix seconds, as Prometheus takes them.
    expect((await ok('time()', { time: '60' })).scalar?.value).toBe(60);
    expect((await ok('time()', { time: String(AT) })).scalar?.value).toBe(AT);
  });
});

describe('result types and values', () => {
  const rmg = FIXTURE_A.responses.find((series) => series.resetAt !== undefined);
  if (!rmg?.resetAt) throw new Error('the fixture has no counter reset');
  const reset = rmg.resetAt;

  it('promqlRange returns a matrix: the counter drops to 0 at its reset', async () => {
    const body = await query<{ promqlRange: Result }>(gateway, RANGE, {
      variables: {
        query: `sni_http_response_count_total{request_uri="${rmg.requestUri}"}`,
        start: iso(reset - 1_800),
        end: iso(reset + 1_800),
        step: 600,
      },
    });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const result = body.data?.promqlRange;
    expect(result?.resultType).toBe('MATRIX');
    expect(result?.series).toHaveLength(1);
    const times = [-1_800, -1_200, -600, 0, 600, 1_200, 1_800].map((offset) => reset + offset);
    expect(result?.series[0]?.samples.map(({ time, value }) => ({ time, value }))).toEqual(
      times.map((time) => ({ time: iso(time), value: responseCount(rmg, stepIndex(time)) })),
    );
    expect(responseCount(rmg, stepIndex(reset))).toBe(0);
  });

  it('increase() across the reset counts from 0 again', async () => {
    const at = reset + 1_800;
    const result = await ok(`increase(sni_http_response_count_total{request_uri="${rmg.requestUri}"}[1h])`, {
      time: iso(at),
    });
    // Twelve steps in the hour; the one that ends at the reset counted nothing.
    expect(result.series[0]?.samples[0]?.value).toBeCloseTo(rmg.perStep * (3_600 / FIXTURE_STEP - 1), 9);
  });

  it('a SCALAR result has the scalar and no series', async () => {
    const result = await ok('scalar(count(probe_success))');
    expect(result).toMatchObject({ resultType: 'SCALAR', series: [], string: null, backend: 'fixture' });
    expect(result.scalar).toEqual({
      time: iso(AT),
      value: FIXTURE_A.probes.length,
      nonFinite: null,
      text: String(FIXTURE_A.probes.length),
    });
  });

  it('a STRING result has the string', async () => {
    expect(await ok('"almanac"')).toMatchObject({ resultType: 'STRING', string: 'almanac', scalar: null, series: [] });
  });

  it.each([
    ['0/0', 'NAN', 'NaN'],
    ['1/0', 'POSITIVE_INFINITY', '+Inf'],
    ['-1/0', 'NEGATIVE_INFINITY', '-Inf'],
  ])('%s is %s: no value, the text as Prometheus wrote it', async (source, nonFinite, text) => {
    expect((await ok(source)).scalar).toEqual({ time: iso(AT), value: null, nonFinite, text });
    const vector = await ok(`vector(${source})`);
    expect(vector.series[0]?.samples[0]).toEqual({ time: iso(AT), value: null, nonFinite, text });
  });
});

describe('promqlRange columns', () => {
  const COLUMNS = `query ($query: String!, $start: String!, $end: String, $step: Int!) {
    promqlRange(query: $query, start: $start, end: $end, step: $step) {
      series { samples { time value nonFinite } columns { times values nonFinite { index value } } } } }`;
  interface ColumnsResult {
    promqlRange: {
      series: {
        samples: { time: string; value: number | null; nonFinite: string | null }[];
        columns: { times: number[]; values: (number | null)[]; nonFinite: { index: number; value: string }[] };
      }[];
    };
  }

  it('hold the samples as arrays, non-finite values null in values and listed by index', async () => {
    // p = the step's phase in a half hour (0..5); the denominator is a product of squares, so its
    // zeros are +0: 0/0 (NaN) at p=0, 3/+0 (+Inf) at p=2, -2/+0 (-Inf) at p=4.
    const p = '(time() % 1800 / 300)';
    const text = `vector((${p} * (3.5 - ${p})) / ((${p} * ${p}) * ((${p} - 2) * (${p} - 2)) * ((${p} - 4) * (${p} - 4))))`;
    const body = await query<ColumnsResult>(gateway, COLUMNS, {
      variables: { query: text, start: iso(AT), end: iso(AT + 3_000), step: 300 },
    });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const [series] = body.data?.promqlRange.series ?? [];
    const times = Array.from({ length: 11 }, (_, k) => AT + k * 300);
    const expected = times.map((time) => {
      const phase = (time % 1_800) / 300;
      if (phase === 0) return 'NAN';
      if (phase === 2) return 'POSITIVE_INFINITY';
      if (phase === 4) return 'NEGATIVE_INFINITY';
      return (phase * (3.5 - phase)) / (phase * phase * ((phase - 2) * (phase - 2)) * ((phase - 4) * (phase - 4)));
    });
    expect(series?.columns.times).toEqual(times);
    expect(series?.columns.values).toEqual(expected.map((value) => (typeof value === 'number' ? value : null)));
    expect(series?.columns.nonFinite).toEqual(
      expected.flatMap((value, index) => (typeof value === 'string' ? [{ index, value }] : [])),
    );
    // The same samples as the objects say.
    expect(series?.samples.map((sample) => sample.value)).toEqual(series?.columns.values);
    expect(series?.samples.map((sample) => Date.parse(sample.time) / 1000)).toEqual(times);
  });
});

describe('errors', () => {
  it('a query Prometheus cannot parse is BAD_USER_INPUT with errorType bad_data', async () => {
    const { result, errors } = await promql('sum(probe_success');
    expect(result).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorType: 'bad_data',
      backend: 'fixture',
    });
    expect(errors?.[0]?.message).toMatch(/parse error/);
  });

  it('a query that fails to execute is BAD_USER_INPUT with errorType execution', async () => {
    // Two probes share job="mds-api": one-to-one matching on job is impossible.
    const { errors } = await promql('probe_success + on(job) probe_success');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', errorType: 'execution' });
  });

  it('more than 11,000 steps are refused before Prometheus is called', async () => {
    // The dead backend would answer BACKEND_UNAVAILABLE if it were asked.
    const body = await query(gateway, RANGE, {
      variables: {
        query: 'up',
        start: iso(FIXTURE_START),
        end: iso(FIXTURE_START + 11_000 * 60),
        step: 60,
        backend: 'dead',
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'step', limit: 11_000 });
  });

  it('11,000 steps are allowed', async () => {
    const body = await query<{ promqlRange: Result }>(gateway, RANGE, {
      variables: {
        query: 'count(probe_success)',
        start: iso(FIXTURE_START),
        end: iso(FIXTURE_START + 10_999 * FIXTURE_STEP),
        step: FIXTURE_STEP,
      },
    });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data?.promqlRange.resultType).toBe('MATRIX');
  });

  it('a native backend is BAD_USER_INPUT: PromQL needs a prometheus backend', async () => {
    const { errors } = await promql('up', { backend: 'native' });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'backend', backend: 'native' });
  });

  it('an unknown backend is NOT_FOUND', async () => {
    const { errors } = await promql('up', { backend: 'nowhere' });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', backend: 'nowhere' });
  });

  it('a backend that does not answer is BACKEND_UNAVAILABLE', async () => {
    const { errors } = await promql('up', { backend: 'dead' });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BACKEND_UNAVAILABLE', backend: 'dead' });
  });
});

describe('access', () => {
  it('a viewer may query', async () => {
    const viewer = await createToken(gateway, { role: 'VIEWER', name: 'promql-viewer' });
    const { result, errors } = await promql('count(probe_success)', {}, viewer.secret);
    expect(errors).toBeUndefined();
    expect(result?.series[0]?.samples[0]?.value).toBe(FIXTURE_A.probes.length);
  });

  it('an anonymous caller is refused', async () => {
    const { result, errors } = await promql('count(probe_success)', {}, null);
    expect(result).toBeUndefined();
    expect(errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('PromQL text from user input, against the real parser and RE2', () => {
  /** Characters that end strings, terms and selectors, and Unicode Prometheus treats specially. */
  const AWKWARD = ['"', '\\', '}', '{', ',', ' or ', '\n', '$', ')', '=~', 'a', '\ufffd', 'ſ', 'İ', '\u212a'];
  const awkward = fc.string({ unit: fc.constantFrom(...AWKWARD), maxLength: 6 });
  const anyText = fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 8 }));

  test.prop([anyText], { numRuns: 100 })('quote(s) reads back as s, as a string and as a label value', async (text) => {
    expect(await ok(quote(text))).toMatchObject({ resultType: 'STRING', string: text });
    // label_replace expands $1 in its replacement; $$ is a literal $.
    const replaced = await ok(`label_replace(vector(1), "x", ${quote(text.replaceAll('$', '$$$$'))}, "", "")`);
    expect(replaced.series[0]?.labels).toEqual(text === '' ? [] : [{ name: 'x', value: text }]);
  });

  let labelsB: PrometheusBackend;
  beforeAll(() => {
    const config = backendSchema.parse({ id: 'fixture-b', kind: 'prometheus', url: inject('prometheusFixtureBUrl') });
    if (config.kind !== 'prometheus') throw new Error('not a prometheus backend');
    labelsB = new PrometheusBackend(config);
  });
  afterAll(() => labelsB.close());

  const METRIC = 'almanac_fixture_labels';
  const LABEL_NAMES = [...new Set(FIXTURE_B.labelSets.flatMap((labels) => Object.keys(labels)))];
  const ALL = FIXTURE_B.labelSets.map((labels) => JSON.stringify(labels)).sort();

  /** The label sets of the fixture series `matchers` select, as sorted JSON; errors propagate. */
  async function selected(matchers: readonly Matcher[]): Promise<string[]> {
    const result = await labelsB.promql.instant(
      selector(METRIC, matchers),
      FIXTURE_START + (LABELS_END - FIXTURE_START) / 2,
    );
    return result.series.map(({ labels: { __name__: _name, ...labels } }) => JSON.stringify(labels)).sort();
  }

  function where(accepts: (labels: Readonly<Record<string, string>>) => boolean): string[] {
    return FIXTURE_B.labelSets
      .filter(accepts)
      .map((labels) => JSON.stringify(labels))
      .sort();
  }

  const values = FIXTURE_B.labelSets.map((labels) => labels.value ?? '');
  test.prop([fc.oneof(fc.constantFrom(...values), anyText)], { numRuns: 100 })(
    'a label value of any text selects exactly the series that have it',
    async (text) => {
      const has = (labels: Readonly<Record<string, string>>) => (labels.value ?? '') === text;
      expect(await selected([{ name: 'value', op: '=', value: text }])).toEqual(where(has));
      expect(await selected([{ name: 'value', op: '!=', value: text }])).toEqual(where((labels) => !has(labels)));
      expect(await selected([{ name: 'value', op: '=~', value: regexLiteral(text) }])).toEqual(where(has));
      expect(await selected([{ name: 'value', op: '!~', value: regexLiteral(text) }])).toEqual(
        where((labels) => !has(labels)),
      );
    },
  );

  /**
   * Patterns: ones written for the fixture's values — each character in either case or `*`, and
   * the ASCII letter a reader would type for ſ, İ and the Kelvin sign — and arbitrary awkward text.
   */
  const typed: Readonly<Record<string, string>> = { ſ: 's', İ: 'i', '\u212a': 'k' };
  const pattern = fc.oneof(
    fc.constantFrom(...values.filter((value) => value !== '')).chain((value) =>
      fc
        .tuple(
          ...[...value].map((char) => {
            const plain = typed[char] ?? char;
            return fc.constantFrom(plain.toUpperCase(), plain.toLowerCase(), '*');
          }),
        )
        .map((chars) => chars.join('')),
    ),
    awkward,
  );
  const pair = fc.record({
    name: fc.constantFrom('value', 'VALUE', 'region', 'Region', '!value', '!region', '*'),
    value: fc.oneof(
      fc.constant(''),
      fc.constant('*'),
      pattern,
      pattern.map((text) => `!${text}`),
    ),
  });

  test.prop([fc.array(pair, { maxLength: 3 })], { numRuns: 300 })(
    'pushed-down tag filters select what their matchers say, and never less than the filter',
    async (pairs: TagPair[]) => {
      const matchers = pushdownMatchers(pairs, LABEL_NAMES);
      const got = await selected(matchers);
      expect(got).toEqual(where((labels) => matchersSelect(matchers, { __name__: METRIC, ...labels })));
      const filter = validFilter(pairs);
      if (filter) for (const accepted of where(filter)) expect(got).toContain(accepted);
    },
  );

  it('the whole fixture is there to be selected', async () => {
    expect(await selected([])).toEqual(ALL);
  });

  it.each<[string, TagPair[]]>([
    ['"*" matches a value with a newline', [{ name: 'value', value: 'line*' }]],
    ['"i" matches U+0130, which lower-cases to "i" + U+0307', [{ name: 'value', value: 'i*' }]],
    ['a negated "s" keeps U+017F, which RE2 would fold to s', [{ name: 'value', value: '!s' }]],
    ['a tag name stands for the label that lower-cases to it', [{ name: 'region', value: 'eu' }]],
    [
      '"!name" beside a negation keeps series with other values',
      [
        { name: '!value', value: '' },
        { name: 'value', value: '!plain' },
      ],
    ],
  ])('the pushdown keeps what the filter accepts: %s', async (_rule, pairs) => {
    const filter = validFilter(pairs);
    if (!filter) throw new Error('not a valid filter');
    const got = await selected(pushdownMatchers(pairs, LABEL_NAMES));
    expect(where(filter).length).toBeGreaterThan(0);
    for (const accepted of where(filter)) expect(got).toContain(accepted);
  });
});

/** The filter as the Prometheus backend (prometheusBackend.ts querySeries) applies it (names and values lower-cased), or null if invalid. */
function validFilter(pairs: readonly TagPair[]): ((labels: Readonly<Record<string, string>>) => boolean) | null {
  try {
    const predicate = compileTagFilter(pairs);
    return (labels) =>
      predicate(new Map(Object.entries(labels).map(([name, value]) => [name.toLowerCase(), value.toLowerCase()])));
  } catch {
    return null;
  }
}

/** The matchers' meaning in JavaScript, as the unit tests model RE2. */
function matchersSelect(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? '';
    if (op === '=') return actual === value;
    if (op === '!=') return actual !== value;
    const flags = /^\(\?([is]+)\)/.exec(value);
    const body = flags ? value.slice(flags[0].length) : value;
    const matched = new RegExp(`^(?:${body})$`, `u${flags?.[1] ?? ''}`).test(actual);
    return op === '=~' ? matched : !matched;
  });
}
