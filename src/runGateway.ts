/**
 * `almanac start` as a process (called by cli.ts only): load the configuration from the file
 * and the environment, start the embedded Redis and Prometheus when no backend is configured,
 * start the gateway (startAlmanac.ts), print the banner, and stop everything in order on
 * SIGINT or SIGTERM. On a crash the guarded children stop by themselves (see
 * stack/guardedProcess). The rule: this module owns the process — its signal handlers and its
 * exit code — so nothing that embeds Almanac (tests, benches, programs) may call it.
 */
import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { adminKeyWeakness, MAKE_ADMIN_KEY } from './auth/adminKeyStrength.js';
import { isLoopback, startAlmanac, type RunningAlmanac } from './startAlmanac.js';
import { ConfigError } from './errors.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { startEmbeddedStack, type EmbeddedStack } from './stack/embeddedStack.js';

/** How long a graceful stop may take before the process exits anyway. */
const STOP_DEADLINE_MS = 15_000;

export async function runGateway(configPath: string | undefined): Promise<void> {
  const config = loadConfig({ env: process.env, configPath });
  const logger = pino({ level: config.logLevel, base: { service: 'almanac' } });
  const generatedKey = config.adminApiKey === undefined;
  if (generatedKey && !isLoopback(config.server.host)) {
    // A generated key would have to be printed to be usable, and so end up in log storage.
    throw new ConfigError([
      {
        key: 'adminApiKey',
        source: 'environment ADMIN_API_KEY',
        problem: `must be set when listening on a non-loopback address (${config.server.host})`,
      },
    ]);
  }
  const weakness = config.adminApiKey === undefined ? null : adminKeyWeakness(config.adminApiKey);
  if (weakness && !isLoopback(config.server.host)) {
    // A valid credential is served from any address, so the key itself must resist guessing.
    throw new ConfigError([
      {
        key: 'adminApiKey',
        source: 'environment ADMIN_API_KEY',
        problem: `${weakness} when listening on a non-loopback address (${config.server.host}); make a key with: ${MAKE_ADMIN_KEY}`,
      },
    ]);
  }
  const adminApiKey = config.adminApiKey ?? randomBytes(32).toString('base64url');

  // Filled in as parts start; a stop at any moment stops what has started.
  const started: { embedded?: EmbeddedStack; almanac?: RunningAlmanac } = {};
  let stopping: Promise<void> | undefined;
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      setTimeout(() => process.exit(exitCode || 1), STOP_DEADLINE_MS).unref();
      await started.almanac
        ?.close()
        .catch((error: unknown) => logger.error({ err: error }, 'error while closing the gateway'));
      await started.embedded
        ?.stop()
        .catch((error: unknown) => logger.error({ err: error }, 'error while stopping embedded backends'));
      logger.flush();
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void stop('crash', 1);
  });
  process.on('unhandledRejection', (error) => {
    logger.fatal({ err: error }, 'unhandled promise rejection');
    void stop('crash', 1);
  });

  if (config.backends.length === 0) {
    started.embedded = await startEmbeddedStack(config.dataDir, logger);
  }
  const embedded = started.embedded;
  const backends = embedded?.backends ?? config.backends;
  const almanac = await startAlmanac({ config: { ...config, adminApiKey, backends }, logger });
  started.almanac = almanac;
  if (embedded) {
    const port = new URL(almanac.url).port;
    await embedded.scrapeGateway({ target: `${scrapeHost(config.server.host)}:${port}`, token: almanac.metricsToken });
  }
  printBanner({ config, almanac, embedded, adminApiKey, generatedKey, logger });
}

/** Where a local Prometheus reaches a gateway bound to `host`. */
function scrapeHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

interface BannerFacts {
  config: Config;
  almanac: RunningAlmanac;
  embedded: EmbeddedStack | undefined;
  adminApiKey: string;
  generatedKey: boolean;
  logger: Logger;
}

function printBanner({ almanac, embedded, adminApiKey, generatedKey, logger }: BannerFacts): void {
  // The local embedded default shows the admin token so a newcomer can use GraphiQL at once;
  // a deployment with its own backends shows it only when it was generated for this run.
  const showKey = embedded || generatedKey ? adminApiKey : undefined;
  logger.info({ url: almanac.url, publicUrl: almanac.publicUrl }, 'almanac is listening');
  const lines = [
    '',
    `Almanac is running at ${almanac.publicUrl}`,
    `  GraphiQL:  ${almanac.publicUrl}graphiql`,
    `  GraphQL:   ${almanac.publicUrl}graphql`,
    `  Metrics:   ${almanac.publicUrl}metrics  (user "admin", password: ${almanac.metricsToken})`,
  ];
  if (embedded) {
    lines.push(`  Embedded backends: native = ${embedded.redis.url}, prometheus = ${embedded.prometheus.url}`);
  }
  if (showKey) {
    lines.push(
      `  Admin token: ${showKey}${generatedKey ? '  (ADMIN_API_KEY was not set; generated for this run)' : ''}`,
      `  In GraphiQL, open the Headers pane and enter: {"Authorization": "Bearer ${showKey}"}`,
    );
  }
  lines.push('Stop with Ctrl-C.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
