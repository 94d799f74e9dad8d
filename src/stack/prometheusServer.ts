/**
 * A local `prometheus` for the embedded default and the test harness: loopback only,
 * scraping itself, and once the gateway listens, the gateway's own `/metrics` with its token.
 * The lifecycle API is on so the scrape configuration can be replaced without a restart.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { spawnGuarded } from './guardedProcess.js';
import { freePort, waitUntil } from './readiness.js';
import type { LocalServer } from './redisServer.js';

export interface GatewayScrape {
  /** `host:port` where Prometheus reaches the gateway. */
  target: string;
  /** The `/metrics` Basic-auth password. */
  token: string;
}

export interface LocalPrometheus extends LocalServer {
  /** Adds a scrape job for the gateway's `/metrics` and reloads the configuration. */
  scrapeGateway(scrape: GatewayScrape): Promise<void>;
}

export interface LocalPrometheusOptions {
  dataDir: string;
  logger: Logger;
  port?: number;
  scrapeIntervalSeconds?: number;
  /** Extra command-line flags, e.g. tiny query limits for tests. */
  extraArgs?: readonly string[];
  /**
   * Whether it scrapes itself (default true). A server over backfilled data should not: its own
   * series would mix into the data that tests compute their expectations from.
   */
  scrapeSelf?: boolean;
  /** How long data is kept (`--storage.tsdb.retention.time`, e.g. `100y`); Prometheus's default when not given. */
  retention?: string;
}

export async function startPrometheusServer(options: LocalPrometheusOptions): Promise<LocalPrometheus> {
  const { dataDir, logger, scrapeIntervalSeconds = 15, extraArgs = [], scrapeSelf = true, retention } = options;
  await mkdir(join(dataDir, 'tsdb'), { recursive: true });
  const port = options.port ?? (await freePort());
  const configFile = join(dataDir, 'prometheus.yml');
  const self = `127.0.0.1:${port}`;
  await writeFile(configFile, scrapeConfig(scrapeSelf ? self : null, scrapeIntervalSeconds));

  const process = spawnGuarded({
    name: 'prometheus',
    command: 'prometheus',
    logger,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
      `--web.listen-address=${self}`,
      '--web.enable-lifecycle',
      ...(retention === undefined ? [] : [`--storage.tsdb.retention.time=${retention}`]),
      ...extraArgs,
    ],
  });
  const url = `http://${self}`;
  try {
    await waitUntil(async () => (await fetch(`${url}/-/ready`)).ok, {
      what: 'prometheus',
      timeoutMs: 30_000,
      abandon: process.exited,
    });
  } catch (error) {
    await process.stop();
    throw new Error(`${(error as Error).message}\n${process.recentOutput()}`, { cause: error });
  }

  return {
    url,
    process,
    stop: () => process.stop(),
    async scrapeGateway(scrape) {
      await writeFile(configFile, scrapeConfig(scrapeSelf ? self : null, scrapeIntervalSeconds, scrape));
      const response = await fetch(`${url}/-/reload`, { method: 'POST' });
      if (!response.ok) throw new Error(`prometheus refused the new configuration: ${await response.text()}`);
    },
  };
}

function scrapeConfig(self: string | null, intervalSeconds: number, gateway?: GatewayScrape): string {
  const jobs = [
    ...(self === null ? [] : [{ job_name: 'prometheus', static_configs: [{ targets: [self] }] }]),
    ...(gateway
      ? [
          {
            job_name: 'almanac',
            metrics_path: '/metrics',
            basic_auth: { username: 'admin', password: gateway.token },
            static_configs: [{ targets: [gateway.target] }],
          },
        ]
      : []),
  ];
  // JSON is valid YAML, and it quotes every value safely.
  return JSON.stringify(
    {
      global: { scrape_interval: `${intervalSeconds}s`, evaluation_interval: `${intervalSeconds}s` },
      scrape_configs: jobs,
    },
    null,
    2,
  );
}
