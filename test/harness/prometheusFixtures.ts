/**
 * The Prometheus fixtures: data shaped like the OpenTV reference's metrics (probe_success, the
 * nginx `sni_http_*` counter and summary, a histogram, a gauge) at fixed times, written as
 * OpenMetrics and backfilled with `promtool tsdb create-blocks-from openmetrics` into the data
 * directories of the harness's fixture Prometheus servers (globalSetup.ts).
 *
 * The rule: tests compute expected answers from the parameters exported here and the formulas
 * below, never by asking Prometheus. Every value is a simple function of the step index
 * k = (t − FIXTURE_START) / FIXTURE_STEP, for t from FIXTURE_START to FIXTURE_END inclusive:
 *
 *   probe_success{api,instance,job}                          up (0 or 1), constant
 *   sni_http_response_count_total{environment,host,http_code,instance,job,request_uri}
 *                                                            perStep × (k − k₀), k₀ = 0, or the
 *                                                            reset's index once k reaches it (the
 *                                                            value there is 0)
 *   sni_http_response_time_seconds_count{same labels}        = sni_http_response_count_total
 *   sni_http_response_time_seconds_sum{same labels}          count × meanSeconds
 *   sni_http_request_duration_seconds_bucket{job,le,request_uri}  cumulative[le] × k
 *   sni_http_request_duration_seconds_count{job,request_uri}      cumulative[+Inf] × k
 *   sni_http_request_duration_seconds_sum{job,request_uri}        sumPerStep × k
 *   sni_http_connections_active{host,instance,job}           `value`, or k mod 288 (the UTC day's
 *                                                            5-minute slot) when it is `daily`
 *   almanac_fixture_labels{...labels}                        its index in `labelSets`, only from
 *                                                            FIXTURE_START to LABELS_END
 *   almanac_fixture_shifts{shift}                            base + k, only within the shift's
 *                                                            hours (SHIFTS): label order is not
 *                                                            time order
 *
 * The range covers the end of February's last week, the Europe/Berlin DST change of 2026-03-29
 * (a 23-hour day) and the end of March; 5-minute steps keep the files small while a `[5m]`
 * range at a step time holds exactly two samples (Prometheus 2.x ranges include their start),
 * so `rate(x[5m])` there is (x(t) − x(t−5m)) / 300 with no extrapolation.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { promisify } from 'node:util';

/** 2026-03-01T00:00:00Z, the first sample. */
export const FIXTURE_START = Date.UTC(2026, 2, 1) / 1000;
/** 2026-04-03T00:00:00Z, the last sample. */
export const FIXTURE_END = Date.UTC(2026, 3, 3) / 1000;
/** Seconds between samples. */
export const FIXTURE_STEP = 300;
/** The last sample of `almanac_fixture_labels`: one hour of data is enough for label tests. */
export const LABELS_END = FIXTURE_START + 3_600;
/** The counter reset of the series that has one: 2026-03-15T12:00:00Z. */
export const COUNTER_RESET_AT = Date.UTC(2026, 2, 15, 12) / 1000;

/**
 * Two gauge series of one metric, `almanac_fixture_shifts`, on 2026-03-02 (UTC): `a` reports in
 * the afternoon, `b` in the morning, so sorting series by label puts the later one first.
 */
export const SHIFTS = [
  { shift: 'a', from: Date.UTC(2026, 2, 2, 12) / 1000, to: Date.UTC(2026, 2, 3) / 1000, base: 1_000 },
  { shift: 'b', from: Date.UTC(2026, 2, 2) / 1000, to: Date.UTC(2026, 2, 2, 12) / 1000, base: 2_000 },
] as const;

export interface ProbeEndpoint {
  api: string;
  instance: string;
  job: string;
  up: 0 | 1;
}

/** Where the nginx metrics come from: the reference's environment, host, instance and job labels. */
export interface Site {
  environment: string;
  host: string;
  instance: string;
  job: string;
}

export interface ResponseSeries {
  requestUri: string;
  httpCode: string;
  /** Responses per step. */
  perStep: number;
  /** Each response's time, so `_sum` = `_count` × meanSeconds. */
  meanSeconds: number;
  /** When the counter restarts from 0 (a step time), if it does. */
  resetAt?: number;
}

export interface HistogramSeries {
  requestUri: string;
  /** Cumulative observations per step for each `le`, ascending, ending with +Inf. */
  cumulativePerStep: readonly (readonly [le: string, count: number])[];
  /** Seconds observed per step (`_sum`). */
  sumPerStep: number;
}

export interface GaugeSeries {
  host: string;
  instance: string;
  job: string;
  /** A constant, or `daily`: k mod 288, the UTC day's 5-minute slot. */
  value: number | 'daily';
}

export interface Fixture {
  name: string;
  site: Site;
  probes: readonly ProbeEndpoint[];
  responses: readonly ResponseSeries[];
  /** The histogram's `job` label. */
  histogramJob: string;
  histograms: readonly HistogramSeries[];
  gauges: readonly GaugeSeries[];
  /** Label sets with awkward names and values, for quoting and pushdown tests. */
  labelSets: readonly Readonly<Record<string, string>>[];
}

const ROUTER_01: Site = {
  environment: 'sitq3ga',
  host: 'sni_router01',
  instance: 'sni_router01',
  job: 'sni_router-log-exporter',
};

/** The reference's data: four probes (one down), four response series (one resets), two histograms. */
export const FIXTURE_A: Fixture = {
  name: 'fixtureA',
  site: ROUTER_01,
  probes: [
    {
      api: 'Account and Device Manager',
      instance: 'http://http-router/adm/v1/accounts?limit=0',
      job: 'adm-api',
      up: 1,
    },
    { api: 'Rights Manager', instance: 'http://http-router/rmg/v1/rights?limit=0', job: 'rmg-api', up: 1 },
    {
      api: 'Metadata Server',
      instance: 'http://http-router/metadata/delivery/GLOBAL/btv/services?limit=0',
      job: 'mds-api',
      up: 1,
    },
    {
      api: 'External',
      instance: 'https://admin.example.test/metadata/delivery/GLOBAL/vod/nodes?limit=0',
      job: 'mds-api',
      up: 0,
    },
  ],
  responses: [
    { requestUri: 'adm_devices', httpCode: '200', perStep: 12, meanSeconds: 0.25 },
    { requestUri: 'adm_devices', httpCode: '500', perStep: 1, meanSeconds: 2 },
    { requestUri: 'rmg', httpCode: '201', perStep: 6, meanSeconds: 0.5, resetAt: COUNTER_RESET_AT },
    { requestUri: 'mds_events', httpCode: '200', perStep: 30, meanSeconds: 0.125 },
  ],
  histogramJob: 'sni_router-log-exporter',
  histograms: [
    {
      requestUri: 'adm_devices',
      cumulativePerStep: [
        ['0.1', 10],
        ['0.25', 16],
        ['0.5', 18],
        ['1', 19],
        ['+Inf', 20],
      ],
      sumPerStep: 4,
    },
    {
      requestUri: 'mds_events',
      cumulativePerStep: [
        ['0.1', 8],
        ['0.25', 9],
        ['0.5', 10],
        ['1', 10],
        ['+Inf', 10],
      ],
      sumPerStep: 0.75,
    },
  ],
  gauges: [
    { host: 'sni_router01', instance: 'sni_router01', job: 'sni_router-log-exporter', value: 'daily' },
    { host: 'sni_router02', instance: 'sni_router02', job: 'sni_router-log-exporter', value: 42 },
  ],
  labelSets: [],
};

/** Another site's subset (no histogram), plus the awkward label sets. */
export const FIXTURE_B: Fixture = {
  name: 'fixtureB',
  site: { environment: 'prod', host: 'sni_router02', instance: 'sni_router02', job: 'sni_router-log-exporter' },
  probes: [
    { api: 'User Activity Vault', instance: 'http://http-router/uav/v1/activities?limit=0', job: 'uav-api', up: 1 },
    { api: 'Image Handler Service', instance: 'http://http-router/ihs/v1/images?limit=0', job: 'ihs-api', up: 0 },
  ],
  responses: [
    { requestUri: 'uav', httpCode: '200', perStep: 4, meanSeconds: 0.5 },
    { requestUri: 'ihs', httpCode: '404', perStep: 2, meanSeconds: 0.0625 },
  ],
  histogramJob: 'sni_router-log-exporter',
  histograms: [],
  gauges: [{ host: 'sni_router02', instance: 'sni_router02', job: 'sni_router-log-exporter', value: 7 }],
  labelSets: [
    { value: 'plain' },
    { value: 'a"b' },
    { value: 'back\\slash' },
    { value: 'close}brace' },
    { value: 'comma,x' },
    { value: 'x" or vector(1) or up{a="' },
    { value: 'line\nbreak' },
    { value: 'dollar$1' },
    { value: 'star*' },
    { value: 'question?' },
    { value: 'Mixed Case' },
    { value: '\u017f' },
    { value: '\u0130stanbul' },
    { value: '\u212a' },
    { value: '\ufffd' },
    { Region: 'EU' },
  ],
};

/** Every sample time, in order. */
export function fixtureTimes(end = FIXTURE_END): number[] {
  const times: number[] = [];
  for (let time = FIXTURE_START; time <= end; time += FIXTURE_STEP) times.push(time);
  return times;
}

/** The step index of a sample time. */
export function stepIndex(time: number): number {
  return (time - FIXTURE_START) / FIXTURE_STEP;
}

/** Writes the fixture as an OpenMetrics file; the same fixture always gives the same bytes. */
export async function writeOpenMetrics(fixture: Fixture, file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (lines: string): Promise<void> => {
    if (!out.write(lines)) await once(out, 'drain');
  };
  for (const { name, type, series, times = fixtureTimes() } of families(fixture)) {
    if (series.length === 0) continue;
    await write(`# TYPE ${name} ${type}\n`);
    for (const { sample, labels, value, times: own = times } of series) {
      const prefix = `${sample}${labelText(labels)} `;
      await write(own.map((time) => `${prefix}${value(stepIndex(time))} ${time}\n`).join(''));
    }
  }
  out.end('# EOF\n');
  await once(out, 'finish');
}

/** One OpenMetrics metric family: its series' values as functions of the step index. */
interface Family {
  name: string;
  type: 'gauge' | 'counter' | 'summary' | 'histogram';
  series: { sample: string; labels: Record<string, string>; value: (k: number) => number; times?: number[] }[];
  /** The sample times, when not all of the fixture's. */
  times?: number[];
}

function families(fixture: Fixture): Family[] {
  return [
    {
      name: 'probe_success',
      type: 'gauge',
      series: fixture.probes.map(({ up, ...labels }) => ({ sample: 'probe_success', labels, value: () => up })),
    },
    ...responseFamilies(fixture),
    histogramFamily(fixture),
    {
      name: 'sni_http_connections_active',
      type: 'gauge',
      series: fixture.gauges.map(({ value, ...labels }) => ({
        sample: 'sni_http_connections_active',
        labels,
        value: (k) => (value === 'daily' ? k % 288 : value),
      })),
    },
    {
      name: 'almanac_fixture_labels',
      type: 'gauge',
      series: fixture.labelSets.map((labels, index) => ({
        sample: 'almanac_fixture_labels',
        labels,
        value: () => index,
      })),
      times: fixtureTimes(LABELS_END),
    },
    {
      name: 'almanac_fixture_shifts',
      type: 'gauge',
      series: SHIFTS.map(({ shift, from, to, base }) => ({
        sample: 'almanac_fixture_shifts',
        labels: { shift },
        value: (k) => base + k,
        times: fixtureTimes().filter((time) => time >= from && time < to),
      })),
    },
  ];
}

/** The nginx response counter and the response-time summary over the same series. */
function responseFamilies({ site, responses }: Fixture): Family[] {
  const count = (series: ResponseSeries) => (k: number) => {
    const reset = series.resetAt === undefined ? 0 : stepIndex(series.resetAt);
    return series.perStep * (k >= reset ? k - reset : k);
  };
  const labels = (series: ResponseSeries) => ({ ...site, http_code: series.httpCode, request_uri: series.requestUri });
  return [
    {
      name: 'sni_http_response_count',
      type: 'counter',
      series: responses.map((series) => ({
        sample: 'sni_http_response_count_total',
        labels: labels(series),
        value: count(series),
      })),
    },
    {
      name: 'sni_http_response_time_seconds',
      type: 'summary',
      series: responses.flatMap((series) => [
        { sample: 'sni_http_response_time_seconds_count', labels: labels(series), value: count(series) },
        {
          sample: 'sni_http_response_time_seconds_sum',
          labels: labels(series),
          value: (k: number) => count(series)(k) * series.meanSeconds,
        },
      ]),
    },
  ];
}

function histogramFamily({ histogramJob, histograms }: Fixture): Family {
  const name = 'sni_http_request_duration_seconds';
  return {
    name,
    type: 'histogram',
    series: histograms.flatMap((series) => {
      const labels = { job: histogramJob, request_uri: series.requestUri };
      return [
        ...series.cumulativePerStep.map(([le, count]) => ({
          sample: `${name}_bucket`,
          labels: { ...labels, le },
          value: (k: number) => count * k,
        })),
        { sample: `${name}_count`, labels, value: (k: number) => totalPerStep(series) * k },
        { sample: `${name}_sum`, labels, value: (k: number) => series.sumPerStep * k },
      ];
    }),
  };
}

/** Observations per step of a histogram series (its +Inf bucket). */
export function totalPerStep(series: HistogramSeries): number {
  return series.cumulativePerStep.at(-1)?.[1] ?? 0;
}

/** `{a="1",b="2"}`, names sorted, values escaped as OpenMetrics requires. */
function labelText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}="${value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))}"`);
  return `{${pairs.join(',')}}`;
}

const run = promisify(execFile);

/**
 * Writes the fixture to `file` and backfills it into the TSDB directory `tsdbDir`.
 */
export async function backfillFixture(fixture: Fixture, file: string, tsdbDir: string): Promise<void> {
  await writeOpenMetrics(fixture, file);
  await createBlocks(file, tsdbDir);
}

/**
 * Backfills an OpenMetrics file into the TSDB directory `tsdbDir` with promtool. Blocks may span
 * 1,500 hours, so promtool reads the file a couple of times instead of once per 2-hour block, and
 * a few weeks of data land in one block: Prometheus's compactor then has nothing to merge.
 */
export async function createBlocks(file: string, tsdbDir: string): Promise<void> {
  await mkdir(tsdbDir, { recursive: true });
  await run('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--max-block-duration=1500h',
    '--quiet',
    file,
    tsdbDir,
  ]);
}
