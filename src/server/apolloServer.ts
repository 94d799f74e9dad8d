/** Apollo Server with Almanac's schema and its cross-cutting plugins, one concern each. */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLContext } from '../graphql/context.js';
import { loadTypeDefs, resolvers } from '../graphql/schema.js';
import { errorPlugin, formatError } from './plugins/errorPlugin.js';
import { executionTimePlugin } from './plugins/executionTimePlugin.js';
import { requestMetricsPlugin } from './plugins/requestMetricsPlugin.js';
import type { Telemetry } from './telemetry.js';

export interface ApolloOptions {
  app: FastifyInstance;
  telemetry: Telemetry;
  maxQueryTokens: number;
}

export function createApolloServer({ app, telemetry, maxQueryTokens }: ApolloOptions): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // GraphiQL and codegen need introspection; access control comes with API tokens.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: process.env.NODE_ENV === 'production',
    // graphql-js stops parsing past this many tokens and answers 400, before any work.
    parseOptions: { maxTokens: maxQueryTokens },
    formatError,
    plugins: [
      fastifyApolloDrainPlugin(app),
      // Apollo's default landing page loads from a CDN; Almanac serves GraphiQL itself.
      ApolloServerPluginLandingPageDisabled(),
      executionTimePlugin(),
      requestMetricsPlugin(telemetry),
      errorPlugin(),
    ],
  });
}
