/** What every resolver receives: the request's id, logger and scope, and the services. */
import type { FastifyBaseLogger } from 'fastify';
import type { RequestScope } from '../auth/principal.js';
import type { AlmanacError } from '../errors.js';
import type { OperationFanOut } from '../services/fanOut.js';
import type { Services } from '../services/services.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext {
  requestId: string;
  logger: FastifyBaseLogger;
  services: Services;
  /** Who is asking, in which tenant; null for anonymous requests (PUBLIC fields only). */
  scope: RequestScope | null;
  /** Marks the HTTP request as a failed transaction (its response carries GraphQL errors). */
  markFailed(): void;
  /**
   * Errors of a field that still returned data — one backend of several failed — reported on
   * the field's path beside that data: resolvers add them with `withPartialFailures`
   * (partialFailures.ts), server/plugins/partialErrorsPlugin.ts puts them in the response.
   */
  partialErrors: PartialError[];
  /** This request's DataLoaders (loaders.ts). */
  loaders: Loaders;
  /**
   * The operation's calls to backends (services/fanOut.ts): they spend the HTTP request's budget
   * for each backend, and how each took part goes in the response's `extensions.backends`.
   */
  fanOut: OperationFanOut;
  /**
   * Notes an operation of the request for its usage record (server/plugins/usagePlugin.ts);
   * absent when usage is not recorded. Called once per operation, so a batch notes several.
   */
  noteOperation?(operation: NotedOperation): void;
}

/** What a usage record says of a GraphQL operation. */
export interface NotedOperation {
  type: 'query' | 'mutation' | 'subscription';
  /** The operation's name; null for an anonymous operation. */
  name: string | null;
  /** Its root field coordinates (`Query.series`), sorted. */
  coordinates: string[];
}

export interface PartialError {
  error: AlmanacError;
  path: readonly (string | number)[];
}

/** The scope of a request that passed an `@auth` check above PUBLIC, which guarantees one. */
export function requireScope(context: GraphQLContext): RequestScope {
  if (!context.scope) throw new Error('a field without @auth above PUBLIC asked for the scope');
  return context.scope;
}
