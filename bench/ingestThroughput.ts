/**
 * Figure (a): ingest throughput end to end over HTTP `POST /v1/measurements`, batches of 1,000
 * measurements across 10,000 series, `--clients` requests in flight, `--batches` per round —
 * beside the REFERENCE measured in the same run: the same Redis taking the same number of
 * points as pipelined HSETs (1,000 per pipeline, one ioredis client). Target ≥ 200,000
 * measurements/s end to end.
 *
 * Each round also times the pieces (ingestStages.ts; the storage-only ones on a second
 * redis-server started alike) and records the CPU the gateway process and redis-server spent
 * during the end-to-end run, to say what limits it. The batches start from the state steady
 * ingest leaves (ingestStages.ts, `steadyStateStart`): a 2-hour raw chunk a quarter full and
 * half a day of hourly buckets, and the rounds fill the chunk further one after the other.
 *
 *   npm run bench:ingest -- --batches 200 --clients 4 --rounds 3
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
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
} from './benchReport.js';
import {
  BENCH_KEY_PREFIX,
  redisCpuSeconds,
  redisInfo,
  redisVersion,
  startBenchGateway,
  startBenchRedis,
  type BenchGateway,
} from './benchStack.js';
import {
  BATCH_SIZE,
  BATCHES_PER_TIMESTAMP,
  bareHttpRate,
  cpuStages,
  makeBatches,
  pipelinedHsetRate,
  runConcurrent,
  STEP_SECONDS,
  steadyStateStart,
  storageOnlyRate,
  prefill,
  type Batch,
  type CpuStages,
  type StorageOnly,
} from './ingestStages.js';

const TARGET = 200_000;

interface EndToEnd {
  rate: number;
  /** CPU seconds per measurement, in microseconds. */
  gatewayCpuUs: number;
  redisCpuUs: number;
  /** Cores busy on average during the run. */
  gatewayCores: number;
  redisCores: number;
  /** Fraction of the run the gateway's event loop was busy. */
  eventLoop: number;
  /** Redis's own time inside the ingest script, per measurement (commandstats evalsha). */
  scriptUs: number;
  latencyP50: number;
  latencyP99: number;
  aofRewrites: number;
}

async function endToEnd(
  gateway: BenchGateway,
  redis: Redis,
  batches: readonly Batch[],
  clients: number,
): Promise<EndToEnd> {
  await redis.config('RESETSTAT');
  const aofBefore = Number((await redisInfo(redis, 'persistence')).get('aof_rewrites') ?? 0);
  const cpuBefore = process.cpuUsage();
  const redisBefore = await redisCpuSeconds(redis);
  const loopBefore = performance.eventLoopUtilization();
  const latencies: number[] = [];
  const seconds = await runConcurrent(batches.length, clients, async (index) => {
    const started = performance.now();
    const response = await gateway.post('v1/measurements', (batches[index] as Batch).body);
    const answer = (await response.json()) as { measurements?: { summary?: { accepted?: number } } };
    if (response.status !== 202 || answer.measurements?.summary?.accepted !== BATCH_SIZE) {
      throw new Error(`ingest answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
    }
    latencies.push(performance.now() - started);
  });
  const loop = performance.eventLoopUtilization(loopBefore);
  const cpu = process.cpuUsage(cpuBefore);
  const redisCpu = (await redisCpuSeconds(redis)) - redisBefore;
  const evalsha = (await redisInfo(redis, 'commandstats')).get('cmdstat_evalsha') ?? '';
  const scriptUsec = Number(/usec=(\d+)/.exec(evalsha)?.[1] ?? Number.NaN);
  const aofAfter = Number((await redisInfo(redis, 'persistence')).get('aof_rewrites') ?? 0);
  const measurements = batches.length * BATCH_SIZE;
  const gatewayCpu = (cpu.user + cpu.system) / 1e6;
  return {
    rate: measurements / seconds,
    gatewayCpuUs: (gatewayCpu / measurements) * 1e6,
    redisCpuUs: (redisCpu / measurements) * 1e6,
    gatewayCores: gatewayCpu / seconds,
    redisCores: redisCpu / seconds,
    eventLoop: loop.utilization,
    scriptUs: scriptUsec / measurements,
    latencyP50: percentile(latencies, 0.5),
    latencyP99: percentile(latencies, 0.99),
    aofRewrites: aofAfter - aofBefore,
  };
}

interface Round {
  reference: number;
  cpu: CpuStages;
  storage: StorageOnly;
  storageAutoPipelined: StorageOnly;
  bareHttp: number;
  e2e: EndToEnd;
}

async function main(): Promise<void> {
  const perRound = argNumber('batches', 200);
  const clients = argNumber('clients', 4);
  const rounds = argNumber('rounds', 3);
  const redis = await startBenchRedis();
  // The storage-only stages write to a second redis-server of the same configuration, so the
  // gateway's Redis holds only the end-to-end data (and the reference's): its AOF rewrites
  // then cost what they would in production, not four times as much.
  const stageRedis = await startBenchRedis();
  const gateway = await startBenchGateway(redis.url);
  try {
    const firstTime = steadyStateStart(Math.floor(Date.now() / 1000));
    console.log(machineLine(await redisVersion(redis.client)));
    console.log(
      `ingest from ${new Date(firstTime * 1000).toISOString()} (after a steady-state prefill): ${rounds} rounds × ${perRound} batches of ${BATCH_SIZE} (10,000 series, timestamp +${STEP_SECONDS}s every ${BATCHES_PER_TIMESTAMP} batches), ${clients} clients, AOF ${process.env.BENCH_AOF === 'no' ? 'off' : 'everysec'}`,
    );
    // The state steady ingest would have left, on the gateway's Redis and the stages' alike.
    await prefill(redis.url, BENCH_KEY_PREFIX, firstTime);
    await prefill(stageRedis.url, 'stage', firstTime);
    await prefill(stageRedis.url, 'stageauto', firstTime);
    // Warm-up, untimed: one timestamp for all 10,000 series creates the metric, registers every
    // series in the index and warms the JIT, on every path that is timed below.
    const warmUp = makeBatches(BATCHES_PER_TIMESTAMP, 0, firstTime);
    await runConcurrent(warmUp.length, clients, async (index) => {
      const response = await gateway.post('v1/measurements', (warmUp[index] as Batch).body);
      if (response.status !== 202) throw new Error(`warm-up answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    });
    await storageOnlyRate(stageRedis.url, 'stage', warmUp, clients, false);
    await storageOnlyRate(stageRedis.url, 'stageauto', warmUp, clients, true);
    await pipelinedHsetRate(redis.client, warmUp);

    const results: Round[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const batches = makeBatches(perRound, BATCHES_PER_TIMESTAMP + round * perRound, firstTime);
      const reference = await pipelinedHsetRate(redis.client, batches);
      const cpu = cpuStages(batches);
      const storage = await storageOnlyRate(stageRedis.url, 'stage', batches, clients, false);
      const storageAutoPipelined = await storageOnlyRate(stageRedis.url, 'stageauto', batches, clients, true);
      const bareHttp = await bareHttpRate(batches, clients);
      const e2e = await endToEnd(gateway, redis.client, batches, clients);
      results.push({ reference, cpu, storage, storageAutoPipelined, bareHttp, e2e });
      console.log(
        `round ${round + 1}: end to end ${count(e2e.rate)}/s, reference ${count(reference)}/s, storage only ${count(storage.rate)}/s`,
      );
    }
    report(results, clients);
  } finally {
    await gateway.close();
    await stageRedis.stop();
    await redis.stop();
  }
}

function report(results: readonly Round[], clients: number): void {
  const m = (pick: (round: Round) => number): number => median(results.map(pick));
  const e2e = m((r) => r.e2e.rate);
  const reference = m((r) => r.reference);
  printFigures(`(a) ingest throughput, median of ${results.length} rounds (measurements/s)`, [
    {
      figure: `POST /v1/measurements, 1,000/batch, ${clients} clients`,
      value: `${count(e2e)}/s`,
      reference: `${count(reference)}/s raw HSET pipelined`,
      ratio: ratio(e2e, reference),
      target: `≥ ${count(TARGET)}/s`,
      met: e2e >= TARGET,
    },
  ]);
  const parse = m((r) => r.cpu.parse);
  const validate = m((r) => r.cpu.validate);
  const plan = m((r) => r.cpu.plan);
  const ceiling = (us: number): string => `${count(1e6 / us)}/s`;
  const us = (value: number): string => `${value.toFixed(2)} µs`;
  printTable(
    'where the time goes (medians; a ceiling is 1 core ÷ cost per measurement)',
    ['piece', 'per measurement', 'rate or ceiling'],
    [
      ['gateway CPU: JSON.parse of the body', us(parse), ceiling(parse)],
      ['gateway CPU: validateBatch', us(validate), ceiling(validate)],
      ['gateway CPU: series id + bucket state + Lua plan', us(plan), ceiling(plan)],
      ['  sum of the three', us(parse + validate + plan), ceiling(parse + validate + plan)],
      ['HTTP only: bare Fastify route, parse + 202', '', `${count(m((r) => r.bareHttp))}/s`],
      [
        'storage only: SeriesStore.write (Lua/series), as the gateway (client CPU)',
        us(m((r) => r.storage.clientCpuUs)),
        `${count(m((r) => r.storage.rate))}/s`,
      ],
      [
        'storage only, ioredis enableAutoPipelining (client CPU)',
        us(m((r) => r.storageAutoPipelined.clientCpuUs)),
        `${count(m((r) => r.storageAutoPipelined.rate))}/s`,
      ],
      [
        'end to end: gateway process CPU',
        us(m((r) => r.e2e.gatewayCpuUs)),
        `${m((r) => r.e2e.gatewayCores).toFixed(2)} cores busy`,
      ],
      [
        'end to end: redis-server CPU',
        us(m((r) => r.e2e.redisCpuUs)),
        `${m((r) => r.e2e.redisCores).toFixed(2)} cores busy`,
      ],
      [
        'end to end: inside the Lua script (evalsha usec)',
        us(m((r) => r.e2e.scriptUs)),
        ceiling(m((r) => r.e2e.scriptUs)),
      ],
      ['end to end: gateway event loop busy', '', `${(m((r) => r.e2e.eventLoop) * 100).toFixed(0)} %`],
      [
        'end to end: batch latency p50 / p99',
        '',
        `${ms(m((r) => r.e2e.latencyP50))} / ${ms(m((r) => r.e2e.latencyP99))}`,
      ],
      ['end to end: AOF rewrites during the runs', '', String(results.reduce((sum, r) => sum + r.e2e.aofRewrites, 0))],
    ],
  );
}

await main();
