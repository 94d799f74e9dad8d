/**
 * Partial results: when one backend of several fails, the field returns the others' data and
 * the failure is reported as an error on the field's path (e.g. `BACKEND_UNAVAILABLE` with
 * `extensions.backend`), as DESIGN.md asks. Resolvers cannot both return and throw, so they
 * report such errors with `withPartialFailures` (graphql/partialFailures.ts), which keeps them
 * in `context.partialErrors`; this plugin adds them to the response, formatted like every
 * other error, and logs each failure's full detail once with the request id (the client reads
 * only its class). It must run before errorPlugin (request id) and operationalErrorsPlugin
 * (failed-transaction count), which read the response's errors.
 *
 * A response whose request called backends in a fan-out says how each took part in
 * `extensions.backends` (services/fanOut.ts): `[{ id, status, ms }]`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import { logBackendFailure } from '../backendFailureLog.js';
import { formatError } from './errorPlugin.js';

export function partialErrorsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const backends = contextValue.fanOut.records();
          if (backends.length > 0) result.extensions = { ...result.extensions, backends };
          if (contextValue.partialErrors.length === 0) return;
          const added = contextValue.partialErrors.map(({ error, path }) => {
            logBackendFailure(contextValue.logger, error, path);
            const graphQLError = error.toGraphQLError(path);
            return formatError(graphQLError.toJSON(), graphQLError);
          });
          result.errors = [...(result.errors ?? []), ...added];
        },
      };
    },
  };
}
