/**
 * The HTTP transport: Fastify with `/graphql` (POST and GET), `/graphiql`, `/healthz`,
 * `/readyz` and `/metrics`. Transport only: every answer comes from a service.
 */
import { randomUUID } from 'node:crypto';
import { graphqlHandler } from './graphqlHandler.js';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import { systemClock, type Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import { createLoaders } from '../graphql/loaders.js';
import type { Services } from '../services/services.js';
import type { UsageRecorder } from '../services/usage/usageRecorder.js';
import type { LimitBuckets } from '../store/limitBuckets.js';
import { createApolloServer } from './apolloServer.js';
import { registerAuthenticationHook } from './hooks/authenticationHook.js';
import { createFailedAuthGuard } from './hooks/failedAuthGuard.js';
import { createRateLimiter, registerRateLimitHook } from './hooks/rateLimitHook.js';
import { batchSizeLimit } from './limits/batchLimit.js';
import { registerBodyLimitResponse } from './limits/bodyLimit.js';
import { registerOperationalMetricsHook } from './hooks/operationalMetricsHook.js';
import { noteOperation, registerUsageHook } from './hooks/usageHook.js';
import { registerRequestScope } from './requestScope.js';
import { registerAdminMetricsRoutes } from './routes/adminMetricsRoutes.js';
import { registerGraphiqlRoute } from './routes/graphiqlRoute.js';
import { registerHealthRoutes } from './routes/healthRoutes.js';
import { registerMeasurementsRoute } from './routes/measurementsRoute.js';
import { registerMetricsRoute } from './routes/metricsRoute.js';
import type { Telemetry } from './telemetry.js';

export interface HttpServerOptions {
  services: Services;
  telemetry: Telemetry;
  logger: Logger;
  maxQueryTokens: number;
  /** The `/metrics` password; a function because it depends on the URL known after listen. */
  metricsToken: () => string;
  authenticator: Authenticator;
  /** Whether requests without credentials are served (PUBLIC fields only). */
  allowAnonymous: boolean;
  /** Request limits: query limits, body and batch size, rate limits. */
  limits: LimitsConfig;
  /** Where the rate-limit budgets and refused credentials are counted, in Almanac's own Redis. */
  limitBuckets: LimitBuckets;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | string[];
  /** Takes a usage record of every request (hooks/usageHook.ts); none when usage is off. */
  usageRecorder?: UsageRecorder | null;
  /** Stamps usage records; the system clock by default. */
  clock?: Clock;
}

/** A client may name its request with `x-request-id`; otherwise one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { services, telemetry, logger, maxQueryTokens, metricsToken, authenticator, allowAnonymous } = options;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: options.limits.maxBodyBytes,
    trustProxy: options.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // One line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerRequestScope(app);
  const rateLimiter = createRateLimiter({
    buckets: options.limitBuckets,
    config: options.limits.rateLimit,
    registry: telemetry.processRegistry,
  });
  const failedAuth = createFailedAuthGuard(options.limitBuckets, options.limits.rateLimit);
  registerAuthenticationHook(app, { authenticator, allowAnonymous, failedAuth, rateLimiter });
  registerOperationalMetricsHook(app, services.operationalMetrics);
  const { usageRecorder } = options;
  if (usageRecorder) registerUsageHook(app, usageRecorder, options.clock ?? systemClock);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  });
  // After authentication, which sets the request's scope: budgets are per principal.
  registerRateLimitHook(app, rateLimiter);
  registerBodyLimitResponse(app, options.limits.maxBodyBytes);

  const apollo = createApolloServer({
    app,
    telemetry,
    maxQueryTokens,
    limits: options.limits,
  });
  await apollo.start();
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: batchSizeLimit(options.limits.maxBatchSize, rateLimiter),
    handler: graphqlHandler(apollo, (request) => ({
      requestId: request.id,
      logger: request.log,
      services,
      scope: request.scope,
      markFailed: () => {
        request.graphqlFailed = true;
      },
      loaders: createLoaders(services),
      ...(usageRecorder ? { noteOperation: (operation) => noteOperation(request, operation) } : {}),
    })),
  });
  registerGraphiqlRoute(app);
  registerHealthRoutes(app, services.backends);
  registerMetricsRoute(app, telemetry, metricsToken);
  registerAdminMetricsRoutes(app, services.operationalMetrics);
  registerMeasurementsRoute(app, services.ingest);
  return app;
}
