/**
 * GraphQL answers are per caller and change with every write: `Cache-Control: no-store`, so no
 * browser or proxy keeps one. Apollo's cache-control plugin would say the same for a schema
 * without cache hints, as this one is, but it does work for every field of every answer (a
 * policy object and a callback per resolved field, 20,000 for a 10,000-sample range): it is
 * turned off in apolloServer.ts and this plugin keeps its header.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';

export function noStorePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
