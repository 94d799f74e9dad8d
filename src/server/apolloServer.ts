/** Apollo Server with Almanac's schema and its cross-cutting plugins, one concern each. */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { LimitsConfig } from '../config/schema.js';
import type { GraphQLContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { maxCostPlugin } from './limits/maxCostRule.js';
import { queryLimitRules } from './limits/queryLimits.js';
import { errorPlugin, formatError } from './plugins/errorPlugin.js';
import { executionTimePlugin } from './plugins/executionTimePlugin.js';
import { noStorePlugin } from './plugins/noStorePlugin.js';
import { operationalErrorsPlugin } from './plugins/operationalErrorsPlugin.js';
import { partialErrorsPlugin } from './plugins/partialErrorsPlugin.js';
import { requestMetricsPlugin } from './plugins/requestMetricsPlugin.js';
import { usagePlugin } from './plugins/usagePlugin.js';
import type { Telemetry } from './telemetry.js';

export interface ApolloOptions {
  app: FastifyInstance;
  telemetry: Telemetry;
  maxQueryTokens: number;
  /** Query limits (validation rules), batching. */
  limits: LimitsConfig;
}

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const { app, telemetry, maxQueryTokens } = options;
  return new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    // GraphiQL and codegen need introspection; access control comes with API tokens.
    // `limits.introspection: false` turns it off with Almanac's own coded error (queryLimitRules).
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: process.env.NODE_ENV === 'production',
    // A backstop: /graphql documents were counted against this before Apollo sees them
    // (limits/documentBudget.ts); graphql-js stops parsing past it too.
    parseOptions: { maxTokens: maxQueryTokens },
    // Depth, aliases, directives, cost (and introspection when off): coded 400s, before execution.
    validationRules: queryLimitRules(options.limits),
    // A JSON array of operations is split in graphqlHandler.ts, one Apollo request (and context)
    // per operation, after `limits.maxBatchSize` is checked: Apollo itself never sees a batch.
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [
      fastifyApolloDrainPlugin(app),
      // Apollo's default landing page loads from a CDN; Almanac serves GraphiQL itself.
      ApolloServerPluginLandingPageDisabled(),
      // Its per-field work buys nothing without cache hints; noStorePlugin keeps its header.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      executionTimePlugin(),
      maxCostPlugin<GraphQLContext>(options.limits),
      requestMetricsPlugin(telemetry),
      usagePlugin(),
      // Before errorPlugin and operationalErrorsPlugin, which see the errors it adds.
      partialErrorsPlugin(),
      errorPlugin(),
      operationalErrorsPlugin(),
    ],
  });
}
