/**
 * Marks a request whose GraphQL response carries errors as a failed transaction even when its
 * HTTP status is 200 (an execution error: FORBIDDEN, NOT_FOUND, a backend down...). The mark
 * is counted once per HTTP request by hooks/operationalMetricsHook.ts, however many operations
 * of a batch failed: the counters count transactions, not errors.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';

export function operationalErrorsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors?.length) contextValue.markFailed();
        },
      };
    },
  };
}
