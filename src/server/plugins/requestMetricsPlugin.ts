/**
 * Feeds `api_requests_duration_seconds`: one observation per root field of each executed
 * operation, labelled with its coordinate. Requests rejected before execution (parse or
 * validation errors) have no root field; they are counted by phase instead.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import type { RejectionPhase, Telemetry } from '../telemetry.js';
import { rootFieldCoordinates } from './rootFields.js';

export function requestMetricsPlugin(telemetry: Telemetry): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let commands: string[] = [];
      let executed = false;
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (operation) commands = rootFieldCoordinates(schema, document, operation);
        },
        // Plugins may still refuse an operation after it resolved (e.g. its cost with the
        // variables known); only one that reached execution is observed under its fields.
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response }) {
          if (executed && commands.length > 0) {
            telemetry.observeOperation(commands, (performance.now() - started) / 1000);
            return;
          }
          const code =
            response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.extensions?.code : undefined;
          telemetry.rejectedRequests.inc({ phase: rejectionPhase(code) });
        },
      };
    },
  };
}

function rejectionPhase(code: unknown): RejectionPhase {
  if (code === 'GRAPHQL_PARSE_FAILED') return 'parse';
  if (code === 'GRAPHQL_VALIDATION_FAILED') return 'validation';
  return 'request';
}
