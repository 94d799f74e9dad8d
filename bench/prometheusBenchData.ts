/**
 * The data of the Prometheus bench (prometheusGateway.ts): gauges with one sample a minute per
 * series, written as OpenMetrics and backfilled with `promtool tsdb create-blocks-from
 * openmetrics` into a TSDB directory, as the test harness does with its fixtures
 * (test/harness/prometheusFixtures.ts).
 *
 * The rule: a value is a pure function of the series index and the time (gaugeValue), with two
 * decimals, so the data is the same bytes on every run.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createBlocks } from '../test/harness/prometheusFixtures.js';

/** Seconds between samples: one a minute, so a 60 s bucket holds exactly one sample. */
export const SAMPLE_INTERVAL = 60;

export interface BenchGauge {
  /** Metric name. */
  name: string;
  /** Series, labelled `host="h00"`, `host="h01"`, ... */
  series: number;
}

/** The value of series `index` at `time` (Unix seconds): 25–75, two decimals. */
export function gaugeValue(index: number, time: number): number {
  return Math.round((50 + 25 * Math.sin(time / 3_600 + index)) * 100) / 100;
}

/** The `host` label of series `index`: h00..h99. */
export function hostOf(index: number): string {
  return `h${String(index).padStart(2, '0')}`;
}

/** Writes `samples` points per series from `start` (Unix seconds) as one OpenMetrics file. */
async function writeOpenMetrics(
  gauges: readonly BenchGauge[],
  start: number,
  samples: number,
  file: string,
): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const gauge of gauges) {
    await write(`# TYPE ${gauge.name} gauge\n`);
    for (let index = 0; index < gauge.series; index += 1) {
      const prefix = `${gauge.name}{host="${hostOf(index)}"} `;
      const lines: string[] = [];
      for (let k = 0; k < samples; k += 1) {
        const time = start + k * SAMPLE_INTERVAL;
        lines.push(`${prefix}${gaugeValue(index, time)} ${time}\n`);
      }
      await write(lines.join(''));
    }
  }
  out.end('# EOF\n');
  await once(out, 'finish');
}

/**
 * Backfills the gauges into the TSDB directory `tsdbDir` through the OpenMetrics file `file`, as
 * the test harness backfills its fixtures (one block: nothing to compact while the bench measures).
 */
export async function backfillGauges(
  gauges: readonly BenchGauge[],
  start: number,
  samples: number,
  file: string,
  tsdbDir: string,
): Promise<void> {
  await writeOpenMetrics(gauges, start, samples, file);
  await createBlocks(file, tsdbDir);
}
