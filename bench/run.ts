/**
 * Runs every bench figure, one after the other, each in a process of its own (so one figure's
 * heap and JIT state never colour the next): (a) ingestThroughput, (b) queryLatency,
 * (c) memoryPerPoint, (d) calendarQuery, (e) prometheusGateway. Arguments after `--` go to every
 * script; each ignores what it does not know.
 *
 *   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = [
  'ingestThroughput.ts',
  'queryLatency.ts',
  'memoryPerPoint.ts',
  'calendarQuery.ts',
  'prometheusGateway.ts',
];

let failed = 0;
for (const script of SCRIPTS) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  console.log(`\n=== ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${script} failed (${result.signal ?? `exit ${result.status}`})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
