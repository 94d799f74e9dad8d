/** What every resolver receives: the request's id, logger and scope, and the services. */
import type { FastifyBaseLogger } from 'fastify';
import type { RequestScope } from '../auth/principal.js';
import type { Services } from '../services/services.js';

export interface GraphQLContext {
  requestId: string;
  logger: FastifyBaseLogger;
  services: Services;
  /** Who is asking, in which tenant; null for anonymous requests (PUBLIC fields only). */
  scope: RequestScope | null;
  /** Marks the HTTP request as a failed transaction (its response carries GraphQL errors). */
  markFailed(): void;
}

/** The scope of a request that passed an `@auth` check above PUBLIC, which guarantees one. */
export function requireScope(context: GraphQLContext): RequestScope {
  if (!context.scope) throw new Error('a field without @auth above PUBLIC asked for the scope');
  return context.scope;
}
