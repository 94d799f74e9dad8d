/**
 * Every GraphQL response says how long it took: `extensions.executionTime` in milliseconds
 * (the reference's `ExecutionTime`) and a `Server-Timing` header browsers' dev tools show.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';

export function executionTimePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response }) {
          const executionTime = Math.round((performance.now() - started) * 100) / 100;
          response.http.headers.set('server-timing', `graphql;dur=${executionTime}`);
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, executionTime };
          }
        },
      };
    },
  };
}
