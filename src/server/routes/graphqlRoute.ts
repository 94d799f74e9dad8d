/**
 * `/graphql` (GET, POST, OPTIONS, and HEAD beside GET): registered in the API family under the
 * `/graphql` prefix (httpServer.ts), so its path here is the prefix itself. The batch size and
 * the document budget are checked before Apollo sees the body (limits/batchLimit.ts,
 * limits/documentBudget.ts); each operation of a request gets a context of its own
 * (graphqlHandler.ts).
 *
 * Form encodings (`application/x-www-form-urlencoded`, `multipart/form-data`) are bodies a
 * browser sends cross-site without a preflight, as `text/plain` is: they are read (within
 * `limits.maxBodyBytes`) and handed to Apollo unparsed, so that its CSRF prevention refuses all
 * three alike, 400 `BAD_REQUEST`, instead of the 415 other media types get (httpRefusal.ts).
 */
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { GraphQLContext } from '../../graphql/context.js';
import { FanOut } from '../../services/fanOut.js';
import type { Services } from '../../services/services.js';
import { graphqlHandler } from '../graphqlHandler.js';
import type { RateLimiter } from '../hooks/rateLimitHook.js';
import { noteOperation } from '../hooks/usageHook.js';
import { batchSizeLimit } from '../limits/batchLimit.js';
import { documentBudget, type DocumentBudget } from '../limits/documentBudget.js';

export interface GraphqlRouteOptions {
  apollo: ApolloServer<GraphQLContext>;
  services: Services;
  maxBatchSize: number;
  /** Tokens, nesting and selection widths, checked before Apollo parses and validates. */
  budget: DocumentBudget;
  /** Charges each further operation of a batch to the budget; null when rate limiting is off. */
  rateLimiter: RateLimiter | null;
  /** Whether operations are noted on the request for its usage record (usage on). */
  notesUsage: boolean;
}

const CROSS_SITE_FORMS = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function registerGraphqlRoute(
  app: FastifyInstance,
  { apollo, services, maxBatchSize, budget, rateLimiter, notesUsage }: GraphqlRouteOptions,
): void {
  app.addContentTypeParser(CROSS_SITE_FORMS, { parseAs: 'buffer' }, (_request, _body, done) => {
    done(null, undefined);
  });
  app.route({
    url: '',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: [batchSizeLimit(maxBatchSize, rateLimiter), documentBudget(budget)],
    handler: graphqlHandler(apollo, (request) => ({
      requestId: request.id,
      logger: request.log,
      services,
      scope: request.scope,
      markFailed: () => {
        request.graphqlFailed = true;
      },
      requestFanOut: new FanOut(),
      ...(notesUsage ? { noteOperation: (operation) => noteOperation(request, operation) } : {}),
    })),
  });
}
