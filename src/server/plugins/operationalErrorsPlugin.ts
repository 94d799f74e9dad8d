/**
 * Counts a GraphQL response that carries errors as a failed incoming transaction even when its
 * HTTP status is 200 (an execution error: FORBIDDEN, NOT_FOUND, a backend down...). Responses
 * with a 4xx/5xx status are already counted as failed by hooks/operationalMetricsHook.ts.
 *
 * The rule: only for a request with a scope (as for every operational counter), and never on
 * the request path: the write is not awaited and a failure is logged, not thrown.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import type { OperationalMetricsService } from '../../services/operationalMetricsService.js';

export function operationalErrorsPlugin(metrics: OperationalMetricsService): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const { scope } = contextValue;
          if (!scope || (response.http.status ?? 200) >= 400) return;
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          metrics.record(scope, 'incomingTransactionErrors', 1).catch((error: unknown) => {
            contextValue.logger.error(
              { err: error, requestId: contextValue.requestId },
              'operational metrics: error not counted',
            );
          });
        },
      };
    },
  };
}
