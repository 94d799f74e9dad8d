/**
 * Partial results: when one backend of several fails, the field returns the others' data and
 * the failure is reported as an error on the field's path (e.g. `BACKEND_UNAVAILABLE` with
 * `extensions.backend`), as DESIGN.md asks. Resolvers cannot both return and throw, so they
 * report such errors with `withPartialFailures` (graphql/partialFailures.ts), which keeps them
 * in `context.partialErrors`; this plugin adds them to the response, formatted like every
 * other error. It must run before errorPlugin (request id) and operationalErrorsPlugin
 * (failed-transaction count), which read the response's errors.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import { formatError } from './errorPlugin.js';

export function partialErrorsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
          const added = contextValue.partialErrors.map(({ error, path }) => {
            const graphQLError = error.toGraphQLError(path);
            return formatError(graphQLError.toJSON(), graphQLError);
          });
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...added];
        },
      };
    },
  };
}
