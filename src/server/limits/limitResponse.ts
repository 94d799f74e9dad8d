/**
 * The JSON body of a request refused by a transport limit, before GraphQL sees it (body size,
 * batch size, rate, the document budget), or by the HTTP layer itself (server/httpRefusal.ts).
 * Shaped like a GraphQL error response, so a GraphQL client shows the message, and coded like
 * every other Almanac error: `extensions.code` plus the limit's facts, and
 * `extensions.requestId`, the id in the logs — the request's, or one made for a refusal that
 * came before any request.
 */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';

type Extensions = Record<string, unknown> & { code: string; requestId: string };

export interface LimitResponseBody {
  errors: [{ message: string; extensions: Extensions }];
}

export function limitResponse(
  request: { readonly id: string },
  message: string,
  code: string,
  facts: Record<string, unknown>,
): LimitResponseBody {
  return { errors: [{ message, extensions: { code, ...facts, requestId: request.id } }] };
}

/** The body for coded GraphQL errors found before parsing (limitError.ts), with their locations. */
export function limitErrorsResponse(
  request: { readonly id: string },
  errors: readonly GraphQLError[],
): { errors: GraphQLFormattedError[] } {
  return {
    errors: errors.map((error) => {
      const formatted = error.toJSON();
      return { ...formatted, extensions: { ...formatted.extensions, requestId: request.id } };
    }),
  };
}
