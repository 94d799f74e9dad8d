/**
 * The HTTP transport: Fastify with `/graphql` (POST and GET), `/graphiql`, `/healthz`,
 * `/readyz`, `/metrics`, `/v1/measurements` and `/admin/metrics`. Transport only: every answer
 * comes from a service.
 *
 * Each route family is a Fastify context of its own with the hooks that apply to it
 * (Fastify's encapsulation): the probes (no authentication hook: `/readyz` reads credentials
 * only to decide how much to show), `/metrics` (which checks its own credentials), GraphiQL
 * (rate limited, no credentials), and the API — `/graphql`, `/v1/...`, `/admin/...` —
 * authenticated, rate limited and counted. No hook looks at the path. The root keeps what
 * applies to every request: the request id, the request log line, the answer to what the HTTP
 * layer refuses (httpRefusal.ts: media type, JSON, body and header size), inherited by all. A
 * family with a prefix answers its own 404s, through its hooks (routes/notFound.ts); a path
 * outside every family is Fastify's plain 404.
 */
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import { systemClock, type Clock } from '../clock.js';
import type { LimitsConfig } from '../config/schema.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Services } from '../services/services.js';
import type { UsageRecorder } from '../services/usage/usageRecorder.js';
import type { LimitBuckets } from '../store/limitBuckets.js';
import type { StoreHealth } from '../store/storeHealth.js';
import { createApolloServer } from './apolloServer.js';
import { registerAuthenticationHook } from './hooks/authenticationHook.js';
import { createFailedAuthGuard } from './hooks/failedAuthGuard.js';
import {
  createRateLimiter,
  registerRateLimitHook,
  type RateLimiter,
  type RateLimitOptions,
} from './hooks/rateLimitHook.js';
import { registerOperationalMetricsHook } from './hooks/operationalMetricsHook.js';
import { registerUsageHook, type UsageApi } from './hooks/usageHook.js';
import { httpRefusalOptions, registerHttpRefusals } from './httpRefusal.js';
import { registerJsonBodyParser } from './jsonBodyParser.js';
import { registerRequestScope } from './requestScope.js';
import { registerAdminMetricsRoutes } from './routes/adminMetricsRoutes.js';
import { registerGraphiqlRoute } from './routes/graphiqlRoute.js';
import { registerGraphqlRoute } from './routes/graphqlRoute.js';
import { registerHealthRoutes } from './routes/healthRoutes.js';
import { registerMeasurementsRoute } from './routes/measurementsRoute.js';
import { registerMetricsRoute } from './routes/metricsRoute.js';
import { notFound } from './routes/notFound.js';
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
  /** Whether that Redis can be asked now: the limit hooks fail open at once while it cannot. */
  storeHealth: StoreHealth;
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
  const { services, telemetry, logger, maxQueryTokens, metricsToken } = options;
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
    // Malformed URLs, oversized headers, unparsable requests: refused before routing.
    ...httpRefusalOptions(options.limits.maxBodyBytes),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerRequestScope(app);
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
  registerHttpRefusals(app, options.limits.maxBodyBytes);
  registerJsonBodyParser(app);
  const rateLimiter = createRateLimiter(limitHookOptions(options));
  const apollo = createApolloServer({
    app,
    telemetry,
    maxQueryTokens,
    limits: options.limits,
  });
  await apollo.start();

  await app.register(async (probes) => {
    registerHealthRoutes(probes, services.backends, options.authenticator);
  });
  await app.register(async (scrapes) => {
    registerMetricsRoute(scrapes, telemetry, metricsToken);
  });
  await app.register(
    async (graphiql) => {
      registerRateLimitHook(graphiql, rateLimiter);
      graphiql.setNotFoundHandler(notFound);
      registerGraphiqlRoute(graphiql);
    },
    { prefix: '/graphiql' },
  );
  await app.register(async (api) => registerApi(api, options, rateLimiter, apollo));
  return app;
}

/** What both limit hooks draw on: the store's buckets and health, and the process registry. */
function limitHookOptions(options: HttpServerOptions): RateLimitOptions {
  return {
    buckets: options.limitBuckets,
    config: options.limits.rateLimit,
    health: options.storeHealth,
    registry: options.telemetry.processRegistry,
  };
}

/**
 * The API family: authenticated (which sets the request's scope), limited per principal, and
 * counted — operational metrics for every scoped request, a usage record for each request. Its
 * three prefixes are contexts of their own, so that a stray path under one is answered 404
 * through these hooks and recorded as the usage of that prefix's kind.
 */
async function registerApi(
  api: FastifyInstance,
  options: HttpServerOptions,
  rateLimiter: RateLimiter | null,
  apollo: ApolloServer<GraphQLContext>,
): Promise<void> {
  const { services, authenticator, allowAnonymous, usageRecorder } = options;
  const failedAuth = createFailedAuthGuard(limitHookOptions(options));
  registerAuthenticationHook(api, { authenticator, allowAnonymous, failedAuth, rateLimiter });
  // After authentication, which sets the request's scope: budgets are per principal.
  registerRateLimitHook(api, rateLimiter);
  registerOperationalMetricsHook(api, services.operationalMetrics);
  const clock = options.clock ?? systemClock;
  const prefixed = (prefix: string, usage: UsageApi, routes: (context: FastifyInstance) => void) =>
    api.register(
      async (context) => {
        if (usageRecorder) registerUsageHook(context, usageRecorder, clock, usage);
        context.setNotFoundHandler(notFound);
        routes(context);
      },
      { prefix },
    );
  await prefixed('/graphql', 'graphql', (graphql) =>
    registerGraphqlRoute(graphql, {
      apollo,
      services,
      maxBatchSize: options.limits.maxBatchSize,
      budget: { maxQueryTokens: options.maxQueryTokens, limits: options.limits },
      rateLimiter,
      notesUsage: Boolean(usageRecorder),
    }),
  );
  await prefixed('/v1', 'rest', (v1) => {
    // The reference's API reads JSON only: a text/plain body is refused 415 as any other type.
    v1.removeContentTypeParser('text/plain');
    registerMeasurementsRoute(v1, services.ingest);
  });
  await prefixed('/admin', 'rest', (admin) => registerAdminMetricsRoutes(admin, services.operationalMetrics));
}
