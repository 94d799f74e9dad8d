/**
 * The one shape of a rejected query limit: a GraphQL validation error (HTTP 400) whose
 * extensions name the limit by its config key and give its value and the operation's:
 * `{ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 15, actual: 16 }`.
 * The error plugin passes validation errors through to the client with these extensions;
 * documentBudget.ts sends the ones it finds before validation itself.
 */
import { GraphQLError, type ASTNode, type Source } from 'graphql';

export type QueryLimit =
  | 'maxDepth'
  | 'maxAliases'
  | 'maxDirectives'
  | 'maxCost'
  | 'maxFieldsPerSelection'
  | 'maxRootFields'
  | 'maxNesting'
  | 'maxQueryTokens';

/** What each limit measures, as the subject of "… of N exceeds the limit", and its config key. */
const LIMITS: Record<QueryLimit, { what: string; key: string }> = {
  maxDepth: { what: 'Operation depth', key: 'limits.maxDepth' },
  maxAliases: { what: 'Operation number of aliases', key: 'limits.maxAliases' },
  maxDirectives: { what: 'Operation number of directives', key: 'limits.maxDirectives' },
  maxCost: { what: 'Operation estimated cost', key: 'limits.maxCost' },
  maxFieldsPerSelection: { what: 'Number of fields in one selection set', key: 'limits.maxFieldsPerSelection' },
  maxRootFields: { what: 'Operation number of root fields', key: 'limits.maxRootFields' },
  maxNesting: { what: 'Nesting of braces, brackets and parentheses', key: 'limits.maxNesting' },
  maxQueryTokens: { what: 'Number of tokens in the request', key: 'server.maxQueryTokens' },
};

/** Where in a document a limit was broken: a parsed node, or an offset in a source not parsed. */
export type LimitSite = ASTNode | { source: Source; position: number };

/**
 * The coded error for a broken limit. `http` is for errors thrown outside validation, to answer
 * 400 as validation errors do; `actual` is undefined where measuring it in full would cost what
 * the limit saves (tokens).
 */
export function limitExceeded(
  limit: QueryLimit,
  max: number,
  actual?: number,
  site?: LimitSite,
  http?: { status: number },
): GraphQLError {
  const { what, key } = LIMITS[limit];
  const where = site && 'source' in site ? { source: site.source, positions: [site.position] } : { nodes: site };
  const measured = actual === undefined ? what : `${what} of ${actual}`;
  return new GraphQLError(`${measured} exceeds the limit of ${max} (${key}).`, {
    ...where,
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      max,
      ...(actual === undefined ? {} : { actual }),
      ...(http ? { http } : {}),
    },
  });
}
