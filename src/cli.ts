#!/usr/bin/env node
/**
 * The `almanac` command: the program's entry point (package.json `bin`, `npm start` and
 * `make start` run dist/cli.js). It only reads the command line and hands over.
 *   almanac start [--config FILE]          run the gateway (embedded backends when none configured);
 *                                          the process's life is runGateway.ts
 *   almanac metrics-token [--config FILE]  print the /metrics Basic-auth password for ADMIN_API_KEY and PUBLIC_URL
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config/load.js';
import { publicUrlOf } from './config/schema.js';
import { ConfigError } from './errors.js';
import { runGateway } from './runGateway.js';
import { metricsToken, METRICS_USER } from './server/metricsToken.js';

const USAGE = `usage:
  almanac start [--config FILE]          run the gateway
  almanac metrics-token [--config FILE]  print the /metrics password (user "${METRICS_USER}")

Settings come from the config file (--config or ALMANAC_CONFIG) and the environment:
HOST, PORT, PUBLIC_URL, ADMIN_API_KEY, REDIS_URL, PROMETHEUS_URL, LOG_LEVEL, ALMANAC_DATA_DIR.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'start') {
    await runGateway(values.config);
    return -1; // keeps running until a signal
  }
  if (command === 'metrics-token') {
    const config = loadConfig({ env: process.env, configPath: values.config });
    if (!config.adminApiKey) {
      process.stderr.write('almanac: ADMIN_API_KEY is not set; the token is derived from it\n');
      return 2;
    }
    process.stdout.write(`${metricsToken(config.adminApiKey, publicUrlOf(config.server))}\n`);
    return 0;
  }
  process.stderr.write(`almanac: unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`almanac: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`almanac: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
