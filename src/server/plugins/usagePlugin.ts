/**
 * Notes each resolved operation — its type, name and root fields — for the request's usage
 * record, which the usage hook (hooks/usageHook.ts) writes once the response was sent. An
 * operation that fails to parse or validate is never resolved, so its request is recorded
 * by its route alone.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import { rootFieldCoordinates } from './rootFields.js';

export function usagePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.noteOperation) return;
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (!operation) return;
          contextValue.noteOperation?.({
            type: operation.operation,
            name: operation.name?.value ?? null,
            coordinates: rootFieldCoordinates(schema, document, operation),
          });
        },
      };
    },
  };
}
