/**
 * Figure (e): a Prometheus series read through the gateway — GraphQL `series` with
 * `columns { times values }`, backend `prometheus` — beside the REFERENCE measured in the same
 * run: the same `query_range` (same expression, start, end and step, which this script takes
 * from the gateway's own prometheusSeries.ts) sent straight to Prometheus with undici and parsed
 * as a client would — and raw `promqlRange` with `columns` through the gateway, the very same
 * query_range. Two shapes: 10 series × 1,000 points and 100 series × 10,000 points, at one point
 * a minute. Targets, for both gateway forms: p50 latency ≤ 1.3× and throughput (4 clients) ≥
 * 0.7× direct. The npm script runs it with NODE_ENV=production, as a deployment runs the gateway.
 *
 * Latency: the forms one after the other, interleaved run by run (the order rotating), in this
 * thread, with the stages of the gateway's path timed alone beside them (PrometheusBackend.range,
 * .querySeries, SeriesQueryService). Throughput: 4 clients in a worker thread, so that parsing
 * the answers never shares the gateway's event loop, each form for a few seconds per round,
 * rounds interleaved; CPU per request of Prometheus, the gateway and the clients beside it.
 *
 * Data: two gauges backfilled with promtool (prometheusBenchData.ts) into a prometheus that does
 * not scrape; a redis-server for the gateway's records (usage), as in the other benches.
 *
 *   npm run bench:prometheus -- --runs 30 --rounds 3 --seconds 5 --clients 4
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { Agent, request } from 'undici';
import { DEFAULT_TENANT } from '../src/auth/principal.js';
import { BackendRegistry } from '../src/backends/backendRegistry.js';
import { PrometheusBackend } from '../src/backends/prometheus/prometheusBackend.js';
import { bucketExpression, rangeChunks } from '../src/backends/prometheus/prometheusSeries.js';
import { selector } from '../src/backends/prometheus/promql.js';
import { systemClock } from '../src/clock.js';
import { configSchema } from '../src/config/schema.js';
import { FanOut } from '../src/services/fanOut.js';
import { SeriesQueryService } from '../src/services/seriesQueryService.js';
import { startPrometheusServer } from '../src/stack/prometheusServer.js';
import {
  argNumber,
  count,
  machineLine,
  median,
  ms,
  percentile,
  printFigures,
  printTable,
  ratio,
  type FigureRow,
} from './benchReport.js';
import { BENCH_ADMIN_KEY, redisVersion, startBenchGateway, startBenchRedis } from './benchStack.js';
import { backfillGauges, gaugeValue, hostOf, SAMPLE_INTERVAL } from './prometheusBenchData.js';

const RESOLUTION = SAMPLE_INTERVAL;
/** 2026-10-01T00:00:00Z, the first sample; 10,000 one-minute samples per series follow. */
const DATA_START = Date.UTC(2026, 9, 1) / 1000;
const DATA_SAMPLES = 10_000;
const DATA_END = DATA_START + DATA_SAMPLES * SAMPLE_INTERVAL;
const LATENCY_TARGET = 1.3;
const THROUGHPUT_TARGET = 0.7;
const WARM_UP = 3;

interface BenchCase {
  label: string;
  metric: string;
  series: number;
  points: number;
  /** Bucket window [start, end), the last `points` minutes of the data. */
  start: number;
  end: number;
  /**
   * A request takes seconds: a third of the latency runs after one warm-up, and throughput
   * rounds four times as long, so each client still gets several answers per round.
   */
  heavy: boolean;
}

const CASES: BenchCase[] = [
  { metric: 'bench_gauge_10', series: 10, points: 1_000, heavy: false },
  { metric: 'bench_gauge_100', series: 100, points: 10_000, heavy: true },
].map((entry) => ({
  ...entry,
  label: `${entry.series} series × ${count(entry.points)} points`,
  start: DATA_END - entry.points * RESOLUTION,
  end: DATA_END,
}));

/** Which answer a call gets: Prometheus's JSON, or a GraphQL response. */
type Form = 'direct' | 'series' | 'promqlRange';
const FORMS: readonly Form[] = ['direct', 'series', 'promqlRange'];

/** One HTTP request, plain data so it can be handed to the worker. */
interface HttpCall {
  form: Form;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

interface Sent {
  /** Request sent until the last byte of the answer. */
  answer: number;
  /** JSON.parse of the answer (and, for Prometheus, its values to numbers). */
  parse: number;
  parsed: unknown;
}

interface DirectSeries {
  labels: Record<string, string>;
  times: number[];
  values: number[];
}

/** Sends a call and parses its answer as a client would; throws on any error answer. */
async function send(agent: Agent, call: HttpCall): Promise<Sent> {
  const started = performance.now();
  const response = await request(call.url, {
    method: call.method,
    headers: call.headers,
    body: call.body ?? null,
    dispatcher: agent,
  });
  const text = await response.body.text();
  const received = performance.now();
  const body = JSON.parse(text) as {
    status?: string;
    data?: { result: { metric: Record<string, string>; values: [number, string][] }[] };
    errors?: unknown[];
  };
  if (response.statusCode !== 200 || body.errors || (call.form === 'direct' && body.status !== 'success')) {
    throw new Error(`${call.form} answered ${response.statusCode}: ${text.slice(0, 400)}`);
  }
  // A chart needs numbers: Prometheus sends each value as a string, GraphQL as a number.
  const parsed =
    call.form === 'direct'
      ? (body.data?.result ?? []).map(({ metric, values }): DirectSeries => ({
          labels: metric,
          times: values.map(([time]) => time),
          values: values.map(([, value]) => Number(value)),
        }))
      : body;
  return { answer: received - started, parse: performance.now() - received, parsed };
}

const SERIES_DOCUMENT =
  'query ($q: SeriesQueryInput!) { series(query: $q) { resolution series { totalCount nodes { tags { name value } columns { times values } } } } }';
const PROMQL_RANGE_DOCUMENT =
  'query ($query: String!, $start: String!, $end: String!, $step: Int!) { promqlRange(query: $query, start: $start, end: $end, step: $step, backend: "prometheus") { series { labels { name value } columns { times values } } } }';

/** The three calls of a case: the query_range the gateway sends, and the two GraphQL forms. */
function callsOf(bench: BenchCase, prometheusUrl: string, gatewayUrl: string): Record<Form, HttpCall> {
  const expression = bucketExpression(selector(bench.metric), RESOLUTION, 'mean', 'raw');
  const chunks = rangeChunks(bench.start, bench.end, RESOLUTION);
  const chunk = chunks[0];
  if (!chunk || chunks.length !== 1) throw new Error(`${bench.label}: the gateway would split it in ${chunks.length}`);
  // The gateway's order and spelling of the parameters (prometheusHttp.ts), hence the same URL.
  const params = new URLSearchParams({
    query: expression,
    start: String(chunk.start),
    end: String(chunk.end),
    step: String(RESOLUTION),
  });
  const graphql = (query: string, variables: Record<string, unknown>): HttpCall => ({
    form: 'series',
    url: new URL('graphql', gatewayUrl).href,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const q = {
    metric: bench.metric,
    backend: 'prometheus',
    start: new Date(bench.start * 1000).toISOString(),
    end: new Date(bench.end * 1000).toISOString(),
    resolution: RESOLUTION,
    summaryFunction: 'MEAN',
  };
  return {
    direct: {
      form: 'direct',
      url: `${new URL('api/v1/query_range', `${prometheusUrl}/`).href}?${params}`,
      method: 'GET',
      headers: { accept: 'application/json' },
    },
    series: graphql(SERIES_DOCUMENT, { q }),
    promqlRange: {
      ...graphql(PROMQL_RANGE_DOCUMENT, {
        query: expression,
        start: params.get('start'),
        end: params.get('end'),
        step: RESOLUTION,
      }),
      form: 'promqlRange',
    },
  };
}

interface ColumnPair {
  /** Bucket starts, Unix seconds. */
  times: number[];
  values: (number | null)[];
}

/** Series by their `host` label, whatever form they came in. */
type Columns = Map<string, ColumnPair>;

interface SeriesAnswer {
  data: { series: { series: { nodes: { tags: { name: string; value: string }[]; columns: ColumnPair }[] } } };
}
interface PromqlRangeAnswer {
  data: { promqlRange: { series: { labels: { name: string; value: string }[]; columns: ColumnPair }[] } };
}

function columnsOf(form: Form, parsed: unknown): Columns {
  const out: Columns = new Map();
  if (form === 'direct') {
    for (const { labels, times, values } of parsed as DirectSeries[]) {
      out.set(labels.host ?? '', {
        times: times.map((time) => Math.round(time * 1000 + 1) / 1000 - RESOLUTION),
        values,
      });
    }
  } else if (form === 'series') {
    for (const { tags, columns } of (parsed as SeriesAnswer).data.series.series.nodes) {
      out.set(tags.find((tag) => tag.name === 'host')?.value ?? '', columns);
    }
  } else {
    for (const { labels, columns } of (parsed as PromqlRangeAnswer).data.promqlRange.series) {
      out.set(labels.find((label) => label.name === 'host')?.value ?? '', {
        times: columns.times.map((time) => Math.round(time * 1000 + 1) / 1000 - RESOLUTION),
        values: columns.values,
      });
    }
  }
  return out;
}

/** Before any timing: every form holds exactly the backfilled values. Fails loudly if not. */
async function verify(agent: Agent, bench: BenchCase, calls: Record<Form, HttpCall>): Promise<void> {
  for (const form of FORMS) {
    const columns = columnsOf(form, (await send(agent, calls[form])).parsed);
    if (columns.size !== bench.series) throw new Error(`${bench.label} ${form}: ${columns.size} series`);
    for (let index = 0; index < bench.series; index += 1) {
      const entry = columns.get(hostOf(index));
      if (entry?.times.length !== bench.points) {
        throw new Error(`${bench.label} ${form}: ${hostOf(index)} has ${entry?.times.length ?? 'no'} points`);
      }
      entry.times.forEach((time, k) => {
        const bucket = bench.start + k * RESOLUTION;
        if (time !== bucket || entry.values[k] !== gaugeValue(index, bucket)) {
          throw new Error(
            `${bench.label} ${form}: ${hostOf(index)}[${k}] is ${entry.values[k]} at ${time}, expected ${gaugeValue(index, bucket)} at ${bucket}`,
          );
        }
      });
    }
  }
}

/** One stage's time; `answer` and `parse` for the HTTP forms. */
interface Sample {
  total: number;
  answer?: number;
  parse?: number;
}

type Stage = Form | 'range' | 'querySeries' | 'service';
const STAGES: readonly Stage[] = ['direct', 'range', 'querySeries', 'service', 'series', 'promqlRange'];

async function timed(work: () => Promise<unknown>): Promise<Sample> {
  const started = performance.now();
  await work();
  return { total: performance.now() - started };
}

/**
 * Each stage once per run, the order rotating run by run, after `warmUp` untimed runs. The
 * middle stages are the gateway's own path without HTTP in front: PrometheusBackend.range
 * (undici, JSON.parse, readResult), .querySeries (+ bucket times and numbers, joined by
 * series) and SeriesQueryService.query (+ the series source, sorting, limits).
 */
async function measureLatency(
  runs: number,
  warmUp: number,
  bench: BenchCase,
  calls: Record<Form, HttpCall>,
  agent: Agent,
  backend: PrometheusBackend,
  service: SeriesQueryService,
): Promise<Map<Stage, Sample[]>> {
  const chunk = rangeChunks(bench.start, bench.end, RESOLUTION)[0] as { start: number; end: number };
  const expression = bucketExpression(selector(bench.metric), RESOLUTION, 'mean', 'raw');
  const { metric, start, end } = bench;
  const http = async (form: Form): Promise<Sample> => {
    const sent = await send(agent, calls[form]);
    return { total: sent.answer + sent.parse, answer: sent.answer, parse: sent.parse };
  };
  const work: Record<Stage, () => Promise<Sample>> = {
    direct: () => http('direct'),
    range: () => timed(() => backend.promql.range(expression, chunk.start, chunk.end, RESOLUTION)),
    querySeries: () =>
      timed(() =>
        backend.querySeries({
          tenant: DEFAULT_TENANT,
          metric,
          window: { start, end },
          resolution: RESOLUTION,
          level: 'raw',
          summary: 'mean',
          detectReset: false,
          counter: 'raw',
          filter: [],
          matches: () => true,
          requiredTags: [],
        }),
      ),
    service: () =>
      timed(() =>
        service.query(
          DEFAULT_TENANT,
          {
            metric,
            backend: 'prometheus',
            start,
            end,
            resolution: RESOLUTION,
            summaryFunction: 'mean',
          },
          new FanOut().forOperation(),
        ),
      ),
    series: () => http('series'),
    promqlRange: () => http('promqlRange'),
  };
  const samples = new Map<Stage, Sample[]>(STAGES.map((stage) => [stage, []]));
  for (let run = 0; run < warmUp + runs; run += 1) {
    for (let i = 0; i < STAGES.length; i += 1) {
      const stage = STAGES[(run + i) % STAGES.length] as Stage;
      const sample = await work[stage]();
      if (run >= warmUp) samples.get(stage)?.push(sample);
    }
  }
  return samples;
}

interface Round {
  call: HttpCall;
  clients: number;
  seconds: number;
}

interface RoundResult {
  /** Requests per second: each client's answers over the time to its last answer, summed. */
  rate: number;
  completed: number;
  latencies: number[];
  /** CPU the client thread used, ms. */
  clientCpu: number;
}

/**
 * `clients` loops sending the call back to back until `seconds` have passed; the last answers
 * are awaited. The rate sums each client's own rate (answers ÷ time to its last answer), so the
 * tail, when fewer clients are still waiting, does not count as idle time: with requests of
 * seconds under load that would bias the slower forms.
 */
async function runRound(agent: Agent, { call, clients, seconds }: Round): Promise<RoundResult> {
  const cpu = process.threadCpuUsage();
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const client = async (): Promise<number> => {
    let answers = 0;
    while (performance.now() < deadline) {
      const sent = await send(agent, call);
      latencies.push(sent.answer + sent.parse);
      answers += 1;
    }
    return (answers / (performance.now() - started)) * 1_000;
  };
  const rates = await Promise.all(Array.from({ length: clients }, client));
  const used = process.threadCpuUsage(cpu);
  return {
    rate: rates.reduce((sum, rate) => sum + rate, 0),
    completed: latencies.length,
    latencies,
    clientCpu: (used.user + used.system) / 1_000,
  };
}

/** The worker thread: runs the rounds it is sent, one at a time, until it is sent null. */
function clientWorker(): void {
  const port = parentPort;
  if (!port) return;
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  port.on('message', (round: Round | null) => {
    if (round === null) {
      void agent.close().then(() => port.close());
      return;
    }
    runRound(agent, round).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage({ error: String(error) }),
    );
  });
}

function roundOn(worker: Worker, round: Round): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: { result?: RoundResult; error?: string }) =>
      answer.result ? resolve(answer.result) : reject(new Error(answer.error)),
    );
    worker.postMessage(round);
  });
}

/** CPU used so far, ms: prometheus (its own process_cpu_seconds_total), this thread, this process. */
async function cpuNow(prometheusUrl: string): Promise<{ prometheus: number; thread: number; process: number }> {
  const text = await (await fetch(`${prometheusUrl}/metrics`)).text();
  const seconds = Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1]);
  const thread = process.threadCpuUsage();
  const all = process.cpuUsage();
  return {
    prometheus: seconds * 1_000,
    thread: (thread.user + thread.system) / 1_000,
    process: (all.user + all.system) / 1_000,
  };
}

interface Throughput {
  /** Requests per second, one per round. */
  rate: number[];
  latencies: number[];
  /** CPU ms per request, one per round: prometheus, the gateway process without the client thread, its main thread, the client. */
  prometheus: number[];
  gateway: number[];
  gatewayThread: number[];
  client: number[];
}

/** Rounds of every form, interleaved (the order rotating), after a short untimed one each if asked. */
async function measureThroughput(
  worker: Worker,
  calls: Record<Form, HttpCall>,
  options: { rounds: number; clients: number; seconds: number; warmUp: boolean },
  prometheusUrl: string,
): Promise<Record<Form, Throughput>> {
  const out = Object.fromEntries(
    FORMS.map((form) => [
      form,
      { rate: [], latencies: [], prometheus: [], gateway: [], gatewayThread: [], client: [] } as Throughput,
    ]),
  ) as Record<Form, Throughput>;
  for (const form of options.warmUp ? FORMS : []) {
    await roundOn(worker, { call: calls[form], clients: options.clients, seconds: 1 });
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (let i = 0; i < FORMS.length; i += 1) {
      const form = FORMS[(round + i) % FORMS.length] as Form;
      const before = await cpuNow(prometheusUrl);
      const result = await roundOn(worker, { call: calls[form], clients: options.clients, seconds: options.seconds });
      const after = await cpuNow(prometheusUrl);
      const per = (used: number): number => used / result.completed;
      const entry = out[form];
      entry.rate.push(result.rate);
      entry.latencies.push(...result.latencies);
      entry.prometheus.push(per(after.prometheus - before.prometheus));
      entry.gateway.push(per(after.process - before.process - result.clientCpu));
      entry.gatewayThread.push(per(after.thread - before.thread));
      entry.client.push(per(result.clientCpu));
    }
  }
  return out;
}

/**
 * The least CPU any gateway in JavaScript spends per request of a case, whatever its design: it
 * must JSON.parse Prometheus's answer and JSON.stringify its own (the series answer, parsed back
 * for the purpose). Medians of `runs`, timed here on the answers of this run. Beside the CPU per
 * request under load, it bounds the throughput ratio: two cores divided among Prometheus, the
 * gateway and the client.
 */
async function measureFloor(
  agent: Agent,
  calls: Record<Form, HttpCall>,
  runs: number,
): Promise<{ parse: number; stringify: number }> {
  const text = async (call: HttpCall): Promise<string> => {
    const response = await request(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      dispatcher: agent,
    });
    return response.body.text();
  };
  const prometheusAnswer = await text(calls.direct);
  const gatewayAnswer: unknown = JSON.parse(await text(calls.series));
  const parse: number[] = [];
  const stringify: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    JSON.parse(prometheusAnswer);
    parse.push(performance.now() - started);
    started = performance.now();
    JSON.stringify(gatewayAnswer);
    stringify.push(performance.now() - started);
  }
  return { parse: median(parse), stringify: median(stringify) };
}

/** The floor beside what the gateway spends, and the throughput ratio the floor would allow. */
function floorRow(
  bench: BenchCase,
  floor: { parse: number; stringify: number },
  load: Record<Form, Throughput>,
): string[] {
  const least = floor.parse + floor.stringify;
  const direct = median(load.direct.prometheus) + median(load.direct.client);
  const bound = direct / (median(load.series.prometheus) + least + median(load.series.client));
  return [
    bench.label,
    ms(floor.parse),
    ms(floor.stringify),
    ms(least),
    ms(median(load.series.gateway)),
    `${bound.toFixed(2)}×`,
  ];
}

const p50p99 = (values: readonly number[]): string =>
  `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.99))}`;
const perSecond = (values: readonly number[]): string => `${median(values).toFixed(1)} /s`;

function figureRows(
  bench: BenchCase,
  latency: Map<Stage, Sample[]>,
  load: Record<Form, Throughput>,
  clients: number,
): FigureRow[] {
  const totals = (stage: Stage): number[] => (latency.get(stage) ?? []).map((sample) => sample.total);
  const direct = totals('direct');
  const rows: FigureRow[] = [];
  for (const form of ['series', 'promqlRange'] as const) {
    const name = `${form} columns`;
    const latencyRatio = median(totals(form)) / median(direct);
    rows.push({
      figure: `${bench.label}, ${name}, latency p50 / p99`,
      value: p50p99(totals(form)),
      reference: `${p50p99(direct)} direct`,
      ratio: ratio(median(totals(form)), median(direct)),
      target: `p50 ≤ ${LATENCY_TARGET}×`,
      met: latencyRatio <= LATENCY_TARGET,
    });
    const rateRatio = median(load[form].rate) / median(load.direct.rate);
    rows.push({
      figure: `${bench.label}, ${name}, throughput, ${clients} clients`,
      value: perSecond(load[form].rate),
      reference: `${perSecond(load.direct.rate)} direct`,
      ratio: ratio(median(load[form].rate), median(load.direct.rate)),
      target: `≥ ${THROUGHPUT_TARGET}×`,
      met: rateRatio >= THROUGHPUT_TARGET,
    });
  }
  return rows;
}

function latencyRow(bench: BenchCase, latency: Map<Stage, Sample[]>): string[] {
  const p50 = (stage: Stage, field: keyof Sample): string =>
    ms(median((latency.get(stage) ?? []).map((sample) => sample[field] ?? Number.NaN)));
  return [
    bench.label,
    `${p50('direct', 'answer')} + ${p50('direct', 'parse')}`,
    p50('range', 'total'),
    p50('querySeries', 'total'),
    p50('service', 'total'),
    `${p50('series', 'answer')} + ${p50('series', 'parse')}`,
    `${p50('promqlRange', 'answer')} + ${p50('promqlRange', 'parse')}`,
  ];
}

function loadRows(bench: BenchCase, load: Record<Form, Throughput>): string[][] {
  return FORMS.map((form) => {
    const entry = load[form];
    return [
      bench.label,
      form,
      perSecond(entry.rate),
      ms(percentile(entry.latencies, 0.5)),
      ms(median(entry.prometheus)),
      form === 'direct' ? '' : ms(median(entry.gateway)),
      form === 'direct' ? '' : ms(median(entry.gatewayThread)),
      ms(median(entry.client)),
    ];
  });
}

async function main(): Promise<void> {
  const runs = argNumber('runs', 30);
  const options = {
    rounds: argNumber('rounds', 3),
    clients: argNumber('clients', 4),
    seconds: argNumber('seconds', 5),
  };
  const dir = await mkdtemp(join(tmpdir(), 'almanac-bench-'));
  const logger = pino({ level: 'silent' });
  const loading = performance.now();
  const file = join(dir, 'gauges.om');
  const gauges = CASES.map((bench) => ({ name: bench.metric, series: bench.series }));
  await backfillGauges(gauges, DATA_START, DATA_SAMPLES, file, join(dir, 'prometheus', 'tsdb'));
  await rm(file);
  const samples = gauges.reduce((sum, gauge) => sum + gauge.series * DATA_SAMPLES, 0);
  console.log(
    `backfilled ${count(samples)} one-minute samples with promtool in ${((performance.now() - loading) / 1000).toFixed(1)} s`,
  );
  const prometheus = await startPrometheusServer({
    dataDir: join(dir, 'prometheus'),
    logger,
    scrapeSelf: false,
    retention: '100y',
  });
  const redis = await startBenchRedis();
  const gateway = await startBenchGateway(redis.url, {
    prometheusUrl: prometheus.url,
    // 100 series × 10,000 points is the default maxPointsPerQuery exactly: room above it.
    limits: { maxPointsPerQuery: 10_000_000 },
  });
  const backendConfig = configSchema.parse({
    backends: [{ id: 'prometheus', kind: 'prometheus', url: prometheus.url, timeoutMs: 60_000 }],
  }).backends[0];
  if (backendConfig?.kind !== 'prometheus') throw new Error('no prometheus backend config');
  const backend = new PrometheusBackend(backendConfig);
  const service = new SeriesQueryService(new BackendRegistry([backend]), systemClock, {
    ...configSchema.parse({}).limits,
    maxPointsPerQuery: 10_000_000,
  });
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const worker = new Worker(new URL(import.meta.url));
  try {
    const build = (await (await fetch(`${prometheus.url}/api/v1/status/buildinfo`)).json()) as {
      data: { version: string };
    };
    console.log(`${machineLine(await redisVersion(redis.client))} · prometheus ${build.data.version}`);
    const figures: FigureRow[] = [];
    const latencyRows: string[][] = [];
    const load: string[][] = [];
    const floors: string[][] = [];
    for (const bench of CASES) {
      const calls = callsOf(bench, prometheus.url, gateway.url);
      await verify(agent, bench, calls);
      console.log(`${bench.label}: the gateway's values equal Prometheus's and the backfilled ones`);
      const latency = bench.heavy
        ? await measureLatency(Math.ceil(runs / 3), 1, bench, calls, agent, backend, service)
        : await measureLatency(runs, WARM_UP, bench, calls, agent, backend, service);
      const seconds = bench.heavy ? options.seconds * 4 : options.seconds;
      const throughput = await measureThroughput(
        worker,
        calls,
        { ...options, seconds, warmUp: !bench.heavy },
        prometheus.url,
      );
      figures.push(...figureRows(bench, latency, throughput, options.clients));
      latencyRows.push(latencyRow(bench, latency));
      load.push(...loadRows(bench, throughput));
      floors.push(floorRow(bench, await measureFloor(agent, calls, bench.heavy ? 5 : 50), throughput));
    }
    printFigures(
      `(e) Prometheus through the gateway: latency ${runs} runs (${Math.ceil(runs / 3)} for 100 series), throughput ${options.rounds} rounds of ${options.seconds} s (${options.seconds * 4} s) per form`,
      figures,
    );
    printTable(
      'latency p50, one request at a time: each gateway stage includes the ones left of it; HTTP forms are answer + client parse',
      [
        'case',
        'direct',
        'backend.range',
        'querySeries',
        'SeriesQueryService',
        'GraphQL series columns',
        'GraphQL promqlRange columns',
      ],
      latencyRows,
    );
    printTable(
      `under load, ${options.clients} clients (medians of rounds): CPU per request of each process; gateway = its process without the client thread`,
      [
        'case',
        'form',
        'requests/s',
        'latency p50',
        'prometheus CPU',
        'gateway CPU',
        'gateway main thread',
        'client CPU',
      ],
      load,
    );
    printTable(
      "the floor: CPU any gateway spends per request to parse Prometheus's answer and write its own; the throughput ratio it allows (series columns)",
      [
        'case',
        'JSON.parse Prometheus answer',
        'JSON.stringify GraphQL answer',
        'floor',
        'gateway CPU under load',
        'throughput ratio at the floor',
      ],
      floors,
    );
  } finally {
    worker.postMessage(null);
    await agent.close();
    await backend.close();
    await gateway.close();
    await redis.stop();
    await prometheus.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else clientWorker();
