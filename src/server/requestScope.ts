/**
 * The request's scope (principal, tenant, subservice), attached to every Fastify request by
 * the authentication hook, and carried through async calls with AsyncLocalStorage so code far
 * from the request (e.g. a backend client counting outgoing calls) can attribute work to it
 * without the scope being threaded through every signature.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { RequestScope } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Null until authenticated, and for anonymous or rejected requests. */
    scope: RequestScope | null;
    /** Set when a GraphQL response carries errors (a failed transaction even with HTTP 200). */
    graphqlFailed: boolean;
  }
}

export const scopeStorage = new AsyncLocalStorage<RequestScope>();

/** The scope of the request being served by the current async context, if any. */
export function currentScope(): RequestScope | undefined {
  return scopeStorage.getStore();
}

export function registerRequestScope(app: FastifyInstance): void {
  app.decorateRequest('scope', null);
  app.decorateRequest('graphqlFailed', false);
}
