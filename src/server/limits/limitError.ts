/**
 * The one shape of a rejected query limit: a GraphQL validation error (HTTP 400) whose
 * extensions name the limit by its config key and give its value and the operation's:
 * `{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 15, actual: 16 }`.
 * The error plugin passes validation errors through to the client with these extensions.
 */
import { GraphQLError, type ASTNode } from 'graphql';

export type QueryLimit = 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxCost';

const WHAT: Record<QueryLimit, string> = {
  maxDepth: 'depth',
  maxAliases: 'number of aliases',
  maxDirectives: 'number of directives',
  maxCost: 'estimated cost',
};

/** `http` is for errors thrown outside validation, to answer 400 as validation errors do. */
export function limitExceeded(
  limit: QueryLimit,
  max: number,
  actual: number,
  node?: ASTNode,
  http?: { status: number },
): GraphQLError {
  return new GraphQLError(`Operation ${WHAT[limit]} of ${actual} exceeds the limit of ${max} (limits.${limit}).`, {
    nodes: node,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, actual, ...(http ? { http } : {}) },
  });
}
